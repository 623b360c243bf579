/** Region ids: reused from the top so per-run regions do not exhaust the id space; observers see every change. */
import { describe, expect, it } from 'vitest';
import { AddressSpace, regionBase } from './address-space';

describe('AddressSpace region ids', () => {
  it('gives per-run regions the same ids run after run', () => {
    const mem = new AddressSpace();
    mem.map('stack', 'stack', new Uint8Array(512), true);
    const bases = new Set<bigint>();
    for (let run = 0; run < 1000; run++) {
      const watermark = mem.infos.length;
      bases.add(mem.map('packet', 'packet', new Uint8Array(64), true));
      bases.add(mem.map('mem', 'ctx', new Uint8Array(24), true));
      for (let id = watermark; id < mem.infos.length; id++) mem.unmap(mem.infos[id]!.base);
    }
    expect(mem.infos.length).toBe(1);
    expect(bases).toEqual(new Set([regionBase(1), regionBase(2)]));
  });

  it('keeps holes below live regions unused and forgets unmapped ids', () => {
    const mem = new AddressSpace();
    const a = mem.map('mem', 'a', new Uint8Array(8), true);
    const b = mem.map('mem', 'b', new Uint8Array(8), true);
    mem.unmap(a);
    expect(mem.map('mem', 'c', new Uint8Array(8), true)).toBe(regionBase(2));
    expect(mem.regionAt(a)).toBeNull();
    expect(mem.regionAt(b)?.name).toBe('b');
  });

  it('tells observers about map, remap and unmap (also of trimmed ids)', () => {
    const mem = new AddressSpace();
    const seen: number[] = [];
    mem.observers.push((id) => seen.push(id));
    const a = mem.map('mem', 'a', new Uint8Array(8), true);
    mem.remap(a, new Uint8Array(4));
    mem.unmap(a);
    expect(seen).toEqual([0, 0, 0]);
    expect(mem.infos.length).toBe(0);
  });
});
