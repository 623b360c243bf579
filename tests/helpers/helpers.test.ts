import { describe, expect, it } from 'vitest';
import { createMap, MapMemory, RingBufMap, u32le, u64le, readU64, BPF_MAP_TYPE } from '../../src/bpf/maps';
import { getHelper, UnknownHelperError } from '../../src/bpf/helpers/registry';
import { formatTraceLine } from '../../src/bpf/helpers/trace-pipe';
import { PacketBuffer } from '../../src/bpf/helpers/packet-buffer';
import type { HelperEnv } from '../../src/bpf/helpers/types';
import { FakeMemory } from './fake-memory';

function setup() {
  const mem = new FakeMemory();
  const maps = new MapMemory(mem);
  const env: HelperEnv = { mem, trace: () => {}, nowNs: () => 5n, random32: () => 7, cpu: 1, ext: { maps } };
  const stack = new Uint8Array(64);
  const stackBase = mem.map('stack', 'stack', stack, true);
  return { mem, maps, env, stack, stackBase };
}

describe('helper registry', () => {
  it('knows helpers by kernel id and explains unknown ones', () => {
    expect(getHelper(1).name).toBe('bpf_map_lookup_elem');
    expect(getHelper(6).proto.gplOnly).toBe(true);
    expect(getHelper(181).name).toBe('bpf_loop');
    expect(() => getHelper(9999)).toThrow(/no BPF helper with this number/);
    expect(() => getHelper(70)).toThrow(UnknownHelperError);
  });
});

describe('map helpers', () => {
  it('lookup returns a pointer whose writes change the map (per-CPU: this CPU)', () => {
    const { env, maps, mem, stack, stackBase } = setup();
    const map = createMap({
      type: BPF_MAP_TYPE.PERCPU_HASH,
      name: 'm',
      keySize: 4,
      valueSize: 8,
      maxEntries: 4,
      flags: 0,
    });
    const { address } = maps.bind(map);
    stack.set(u32le(3), 0);
    stack.set(u64le(41n), 8);
    expect(getHelper(2).impl(env, address, stackBase, stackBase + 8n, 0n, 0n)).toBe(0n);
    const ptr = getHelper(1).impl(env, address, stackBase, 0n, 0n, 0n);
    mem.view(ptr, 8, true).set(u64le(42n));
    const user = map.userLookup(u32le(3)) as Uint8Array;
    expect([readU64(user, 0), readU64(user, 8)]).toEqual([0n, 42n]);
    expect(getHelper(1).impl(env, address, stackBase + 4n, 0n, 0n, 0n)).toBe(0n);
    expect(getHelper(2).impl(env, address, stackBase, stackBase + 8n, 1n, 0n)).toBe(BigInt.asUintN(64, -17n));
  });

  it('ringbuf reserve/submit/discard reach the consumer in order', () => {
    const { env, maps, mem } = setup();
    const rb = createMap({
      type: BPF_MAP_TYPE.RINGBUF,
      name: 'rb',
      keySize: 0,
      valueSize: 0,
      maxEntries: 4096,
      flags: 0,
    }) as RingBufMap;
    const { address } = maps.bind(rb);
    const a = getHelper(131).impl(env, address, 4n, 0n, 0n, 0n);
    const b = getHelper(131).impl(env, address, 4n, 0n, 0n, 0n);
    mem.view(a, 4, true).set([1, 2, 3, 4]);
    getHelper(133).impl(env, b, 0n, 0n, 0n, 0n);
    expect(rb.consume()).toEqual([]); // a still busy blocks everything after it
    getHelper(132).impl(env, a, 0n, 0n, 0n, 0n);
    expect(rb.consume()).toEqual([Uint8Array.from([1, 2, 3, 4])]);
    expect(getHelper(131).impl(env, address, 4096n, 0n, 0n, 0n)).toBe(0n);
  });
});

describe('packet buffer and trace lines', () => {
  it('enforces XDP adjust limits', () => {
    const p = new PacketBuffer(new Uint8Array(60), { headroom: 256, frameSize: 4096 });
    expect(p.adjustHead(-216)).toBe(0);
    expect(p.adjustHead(-1)).toBe(-22);
    expect(p.adjustTail(-(p.length - 14))).toBe(0);
    expect(p.adjustTail(-1)).toBe(-22);
    expect(p.adjustMeta(-4)).toBe(-22); // no headroom left for metadata
  });

  it('formats trace_pipe lines like the kernel', () => {
    const line = formatTraceLine({ task: 'bpftool', pid: 2815, cpu: 0, timestampNs: 955_782_150_123n }, 'plain text');
    expect(line).toBe('         bpftool-2815    [000] b..11   955.782150: bpf_trace_printk: plain text\n');
  });
});
