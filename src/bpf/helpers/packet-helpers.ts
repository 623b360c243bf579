/** XDP head/tail/meta adjustment, skb byte access, checksums and redirect. */
import { EFAULT, EINVAL } from '../maps/errno';
import { BPF_MAP_TYPE, type MapMemory } from '../maps';
import { csumDiffResult, csumReplace2, csumReplace4, csumReplaceByDiff, protoCsumReplace4 } from './csum';
import { HelperError, requireExt, type PacketExt } from './env-ext';
import type { PacketBuffer } from './packet-buffer';
import { SKB, SKB_AND_XDP, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const packet = (env: HelperEnv, helper: string) => requireExt<PacketExt>(env, 'packet', helper);
const proto = (args: HelperProto['args'], programTypes: HelperProto['programTypes']): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly: false,
  programTypes,
});
const s32 = (v: bigint) => Number(BigInt.asIntN(32, v));

function adjusted(ext: PacketExt, status: number): bigint {
  if (status === 0) ext.changed();
  return neg(-status);
}

/**
 * The checksum field at `offset` for l3/l4_csum_replace, after the kernel's checks: its index in
 * the frame, or -1 for the kernel's -EFAULT (odd or huge offsets, fields past the end). A number,
 * not a view or an object: these run once per packet. The field is read little-endian (see csum.ts).
 */
function csumAt(buffer: PacketBuffer, r2: bigint): number {
  const at = u32(r2);
  if (at > 0xffff || at % 2 !== 0 || at + 2 > buffer.length) return -1;
  return buffer.data + at;
}

const getU16le = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
function setU16le(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >> 8) & 0xff;
}

// Arguments are mostly small: those convert without BigInt arithmetic.
const u32 = (v: bigint) => (v >= 0n && v <= 0xffffffffn ? Number(v) : Number(BigInt.asUintN(32, v)));
const u16 = (v: bigint) => u32(v) & 0xffff;

/** XDP actions a failed redirect_map lookup may return (the low bits of flags). */
const XDP_ACTION_MASK = 3n;
const BPF_F_BROADCAST = 1n << 3n;
const BPF_F_EXCLUDE_INGRESS = 1n << 4n;

export const PACKET_HELPERS: HelperDef[] = [
  {
    id: 44,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], ['xdp']),
    impl: (env, _r1, r2) =>
      adjusted(packet(env, 'bpf_xdp_adjust_head'), packet(env, 'bpf_xdp_adjust_head').buffer.adjustHead(s32(r2))),
  },
  {
    id: 54,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], ['xdp']),
    impl: (env, _r1, r2) =>
      adjusted(packet(env, 'bpf_xdp_adjust_meta'), packet(env, 'bpf_xdp_adjust_meta').buffer.adjustMeta(s32(r2))),
  },
  {
    id: 65,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], ['xdp']),
    impl: (env, _r1, r2) =>
      adjusted(packet(env, 'bpf_xdp_adjust_tail'), packet(env, 'bpf_xdp_adjust_tail').buffer.adjustTail(s32(r2))),
  },
  {
    id: 26,
    proto: proto(
      ['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE'],
      [...SKB, 'socket_filter', 'cgroup_skb'],
    ),
    /** skb_load_bytes(skb, offset, to, len): -EFAULT (and a zeroed buffer) when out of range. */
    impl: (env, _r1, r2, r3, r4) => {
      const data = packet(env, 'bpf_skb_load_bytes').buffer.bytes;
      const out = env.mem.view(r3, Number(r4), true);
      const offset = Number(BigInt.asUintN(32, r2));
      if (offset > 0xffff || offset + out.length > data.length) {
        out.fill(0);
        return neg(EFAULT);
      }
      out.set(data.subarray(offset, offset + out.length));
      return 0n;
    },
  },
  {
    id: 9,
    proto: proto(
      ['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_MEM|MEM_RDONLY', 'ARG_CONST_SIZE', 'ARG_ANYTHING'],
      SKB,
    ),
    /** skb_store_bytes(skb, offset, from, len, flags): flags may hold BPF_F_RECOMPUTE_CSUM|BPF_F_INVALIDATE_HASH. */
    impl: (env, _r1, r2, r3, r4, r5) => {
      if ((r5 & ~3n) !== 0n) return neg(EINVAL);
      const ext = packet(env, 'bpf_skb_store_bytes');
      const data = ext.buffer.bytes;
      const offset = Number(BigInt.asUintN(32, r2));
      if (offset > 0xffff || offset + Number(r4) > data.length) return neg(EFAULT);
      data.set(env.mem.view(r3, Number(r4), false), offset);
      if ((r5 & 2n) !== 0n && ext.skb) ext.skb.hash = 0;
      return 0n;
    },
  },
  {
    id: 28,
    proto: proto(
      [
        'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
        'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
        'ARG_ANYTHING',
      ],
      SKB_AND_XDP,
    ),
    /** csum_diff(from, from_size, to, to_size, seed): since Linux 6.12 the result is folded to 16 bits. */
    impl: (env, r1, r2, r3, r4, r5) => {
      if (r2 % 4n !== 0n || r4 % 4n !== 0n || r2 > 512n || r4 > 512n) return neg(EINVAL);
      const read = (addr: bigint, size: bigint) =>
        size === 0n ? new Uint8Array(0) : env.mem.view(addr, Number(size), false);
      return BigInt(csumDiffResult(read(r1, r2), read(r3, r4), u32(r5)));
    },
  },
  {
    id: 10,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING'], SKB),
    /** l3_csum_replace(skb, offset, from, to, flags): flags is the field size, 2 or 4, or 0 for a csum_diff in `to`. */
    impl: (env, _r1, r2, r3, r4, r5) => {
      if (r5 < 0n || r5 > 0xfn) return neg(EINVAL); // flags other than the size
      const buffer = packet(env, 'bpf_l3_csum_replace').buffer;
      const at = csumAt(buffer, r2);
      if (at < 0) return neg(EFAULT);
      const frame = buffer.frame;
      const old = getU16le(frame, at);
      let sum: number;
      if (r5 === 0n) {
        if (r3 !== 0n) return neg(EINVAL);
        sum = csumReplaceByDiff(old, u32(r4));
      } else if (r5 === 2n) sum = csumReplace2(old, u16(r3), u16(r4));
      else if (r5 === 4n) sum = csumReplace4(old, u32(r3), u32(r4));
      else return neg(EINVAL);
      setU16le(frame, at, sum);
      return 0n;
    },
  },
  {
    id: 11,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING'], SKB),
    /**
     * l4_csum_replace(skb, offset, from, to, flags): size in the low 4 bits like l3, plus
     * BPF_F_PSEUDO_HDR (only changes skb->csum, which test runs do not keep), BPF_F_MARK_MANGLED_0
     * (leave a zero field alone, write 0xffff for a zero result), BPF_F_MARK_ENFORCE, BPF_F_IPV6.
     */
    impl: (env, _r1, r2, r3, r4, r5) => {
      if ((r5 & ~0xffn) !== 0n) return neg(EINVAL);
      const buffer = packet(env, 'bpf_l4_csum_replace').buffer;
      const at = csumAt(buffer, r2);
      if (at < 0) return neg(EFAULT);
      const frame = buffer.frame;
      const mangled0 = (r5 & 0x20n) !== 0n;
      const old = getU16le(frame, at);
      if (mangled0 && (r5 & 0x40n) === 0n && old === 0) return 0n;
      let sum: number;
      const size = r5 & 0xfn;
      if (size === 0n) {
        if (r3 !== 0n) return neg(EINVAL);
        sum = csumReplaceByDiff(old, u32(r4));
      } else if (size === 2n) sum = protoCsumReplace4(old, u16(r3), u16(r4));
      else if (size === 4n) sum = protoCsumReplace4(old, u32(r3), u32(r4));
      else return neg(EINVAL);
      setU16le(frame, at, mangled0 && sum === 0 ? 0xffff : sum);
      return 0n;
    },
  },
  {
    id: 23,
    proto: proto(['ARG_ANYTHING', 'ARG_ANYTHING'], SKB_AND_XDP),
    /** bpf_redirect(ifindex, flags): records the target; returns XDP_REDIRECT (4) or TC_ACT_REDIRECT (7). */
    impl: (env, r1, r2) => {
      const ext = packet(env, 'bpf_redirect');
      if (ext.kind === 'xdp' ? r2 !== 0n : (r2 & ~1n) !== 0n) return ext.kind === 'xdp' ? 0n : 2n;
      ext.redirect = { ifindex: Number(BigInt.asUintN(32, r1)), flags: r2 };
      return ext.kind === 'xdp' ? 4n : 7n;
    },
  },
  {
    id: 51,
    proto: proto(['ARG_CONST_MAP_PTR', 'ARG_ANYTHING', 'ARG_ANYTHING'], ['xdp']),
    /**
     * bpf_redirect_map(map, key, flags) on a devmap/devmap_hash/cpumap/xskmap: XDP_REDIRECT when the
     * key has a target; otherwise flags' low two bits (an XDP action). Unknown flags: XDP_ABORTED.
     */
    impl: (env, r1, r2, r3) => {
      const bound = requireExt<MapMemory>(env, 'maps', 'bpf_redirect_map').at(r1);
      const type = bound?.map.spec.type;
      const devmap = type === BPF_MAP_TYPE.DEVMAP || type === BPF_MAP_TYPE.DEVMAP_HASH;
      if (bound === null || (!devmap && type !== BPF_MAP_TYPE.CPUMAP && type !== BPF_MAP_TYPE.XSKMAP))
        throw new HelperError('bpf_redirect_map: r1 is not a devmap, devmap_hash, cpumap or xskmap');
      const allowed = XDP_ACTION_MASK | (devmap ? BPF_F_BROADCAST | BPF_F_EXCLUDE_INGRESS : 0n);
      if ((r3 & ~allowed) !== 0n) return 0n;
      const { map } = bound;
      const key = new Uint8Array(map.spec.keySize);
      new DataView(key.buffer).setUint32(0, u32(r2), true);
      const offset = map.lookup(key, env.cpu);
      // A devmap slot holds an ifindex (0 = empty), a cpumap slot a queue size (0 = no CPU thread).
      const target =
        offset === null ? 0 : new DataView(map.values.buffer, map.values.byteOffset).getUint32(offset, true);
      if (target === 0 && (r3 & BPF_F_BROADCAST) === 0n) return r3 & XDP_ACTION_MASK;
      packet(env, 'bpf_redirect_map').redirect = { ifindex: devmap ? target : 0, flags: r3, map };
      return 4n;
    },
  },
];
