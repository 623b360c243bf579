/** A minimal GuestMemory for helper tests: regions laid out 4 KiB apart from 0x1000. */
import { VmFault, type GuestMemory, type RegionInfo, type RegionKind } from '../../src/bpf/vm/guest-memory';

export class FakeMemory implements GuestMemory {
  private readonly regions: { info: RegionInfo; bytes: Uint8Array }[] = [];
  private next = 0x1000n;

  map(kind: RegionKind, name: string, bytes: Uint8Array, writable: boolean): bigint {
    const base = this.next;
    this.next += BigInt(Math.ceil((bytes.length + 1) / 4096) * 4096 + 4096);
    this.regions.push({ info: { kind, name, base, size: bytes.length, writable }, bytes });
    return base;
  }
  remap(base: bigint, bytes: Uint8Array): void {
    const r = this.regions.find((x) => x.info.base === base);
    if (r) r.bytes = bytes;
  }
  unmap(base: bigint): void {
    const i = this.regions.findIndex((x) => x.info.base === base);
    if (i >= 0) this.regions.splice(i, 1);
  }
  regionAt(addr: bigint): RegionInfo | null {
    return this.regions.find((r) => addr >= r.info.base && addr < r.info.base + BigInt(r.bytes.length))?.info ?? null;
  }
  view(addr: bigint, len: number, write: boolean): Uint8Array {
    const r = this.regions.find(
      (x) => addr >= x.info.base && addr + BigInt(len) <= x.info.base + BigInt(x.bytes.length),
    );
    if (!r || (write && !r.info.writable)) throw new VmFault(`bad access at 0x${addr.toString(16)}`);
    const off = Number(addr - r.info.base);
    return r.bytes.subarray(off, off + len);
  }
}
