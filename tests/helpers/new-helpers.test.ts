/** Helpers whose results the kernel cannot reproduce (task pointers, flow hashes, redirect targets). */
import { describe, expect, it } from 'vitest';
import { ArrayMap, BPF_MAP_TYPE, MapMemory, createMap, u32le } from '../../src/bpf/maps';
import { PacketBuffer } from '../../src/bpf/helpers/packet-buffer';
import { getHelper } from '../../src/bpf/helpers/registry';
import type { PacketExt } from '../../src/bpf/helpers/env-ext';
import type { HelperEnv } from '../../src/bpf/helpers/types';
import { FakeMemory } from './fake-memory';

const neg = (n: number) => BigInt.asUintN(64, BigInt(-n));
const call = (env: HelperEnv, id: number, ...args: bigint[]) => {
  const [a = 0n, b = 0n, c = 0n, d = 0n, e = 0n] = args;
  return getHelper(id).impl(env, a, b, c, d, e);
};

function setup(ext: Record<string, unknown> = {}) {
  const mem = new FakeMemory();
  const env: HelperEnv = { mem, trace: () => {}, nowNs: () => 0n, random32: () => 0, cpu: 0, ext };
  return { mem, env };
}

describe('current task helpers', () => {
  const task = { pid: 7, tgid: 7, uid: 0, gid: 0, comm: 'curl', address: 0xffff888000001000n, cgroupId: 4242n };

  it('return the simulated task_struct address and cgroup id', () => {
    const { env } = setup({ task });
    expect(call(env, 35)).toBe(task.address);
    expect(call(env, 158)).toBe(task.address);
    expect(call(env, 80)).toBe(4242n);
  });

  it('explain when the run has no task_struct', () => {
    const { env } = setup({ task: { pid: 1, tgid: 1, uid: 0, gid: 0, comm: 'bpftool' } });
    expect(() => call(env, 35)).toThrow(/has no address/);
    expect(() => call(env, 80)).toThrow(/has no cgroupId/);
  });
});

describe('probe reads pick a side', () => {
  it('user reads fault on kernel memory, kernel reads give -ERANGE on user memory', () => {
    const { mem, env } = setup();
    const user = mem.map('user', 'user', Uint8Array.from([1, 2, 3, 0]), false);
    const kernel = mem.map('kernel', 'kernel', Uint8Array.from([9, 8, 7, 0]), false);
    const out = new Uint8Array(4);
    const dst = mem.map('stack', 'stack', out, true);
    expect(call(env, 112, dst, 4n, user)).toBe(0n);
    expect([...out]).toEqual([1, 2, 3, 0]);
    expect(call(env, 112, dst, 4n, kernel)).toBe(neg(14));
    expect([...out]).toEqual([0, 0, 0, 0]);
    expect(call(env, 113, dst, 4n, user)).toBe(neg(34));
    expect(call(env, 115, dst, 4n, kernel)).toBe(4n);
    expect(call(env, 114, dst, 4n, kernel)).toBe(neg(14));
    expect(call(env, 4, dst, 4n, user)).toBe(0n);
  });
});

describe('bpf_get_stackid', () => {
  it('checks flags and needs a stack_trace map', () => {
    const { mem, env } = setup();
    const maps = new MapMemory(mem);
    const array = maps.bind(
      createMap({ type: BPF_MAP_TYPE.ARRAY, name: 'a', keySize: 4, valueSize: 8, maxEntries: 1, flags: 0 }),
    );
    Object.assign(env.ext, { maps, stack: { kernel: [1n, 2n], user: [] } });
    expect(call(env, 27, 0n, array.address, 1n << 11n)).toBe(neg(22));
    expect(() => call(env, 27, 0n, array.address, 0n)).toThrow(/not a stack_trace map/);
  });
});

describe('bpf_redirect_map', () => {
  it('redirects to a devmap slot and falls back to the flags action on an empty one', () => {
    const { mem, env } = setup();
    const maps = new MapMemory(mem);
    const devmap = new ArrayMap(
      { type: BPF_MAP_TYPE.DEVMAP, name: 'tx', keySize: 4, valueSize: 4, maxEntries: 4, flags: 0 },
      1,
      false,
    );
    devmap.userUpdate(u32le(1), u32le(3), 0n);
    const { address } = maps.bind(devmap);
    const packet = {
      buffer: new PacketBuffer(new Uint8Array(60), { headroom: 256, frameSize: 4096 }),
      kind: 'xdp',
      changed: () => {},
    } as PacketExt;
    Object.assign(env.ext, { maps, packet });
    expect(call(env, 51, address, 1n, 0n)).toBe(4n);
    expect(packet.redirect?.ifindex).toBe(3);
    expect(call(env, 51, address, 2n, 2n)).toBe(2n); // empty slot: XDP_PASS from the flags
    expect(call(env, 51, address, 1n, 1n << 5n)).toBe(0n); // unknown flag: XDP_ABORTED
  });
});

describe('bpf_get_hash_recalc', () => {
  it('computes a nonzero per-flow hash once and keeps it in the skb', () => {
    const frame = (sport: number) => {
      const f = new Uint8Array(60);
      f.set([0x08, 0x00, 0x45], 12);
      f[23] = 17;
      f.set([10, 0, 0, 1, 10, 0, 0, 2, sport >> 8, sport & 0xff, 0, 53], 26);
      return f;
    };
    const hashOf = (sport: number) => {
      const skb = { protocol: 0x0800, pktType: 0, hash: 0, vlanPresent: false, vlanProto: 0, vlanTci: 0 };
      const buffer = new PacketBuffer(frame(sport), { headroom: 256, frameSize: 4096 });
      const { env } = setup({ packet: { buffer, kind: 'skb', skb, changed: () => {} } });
      const h = call(env, 34);
      expect(BigInt(skb.hash)).toBe(h);
      return h;
    };
    expect(hashOf(1000)).not.toBe(0n);
    expect(hashOf(1000)).toBe(hashOf(1000));
    expect(hashOf(1000)).not.toBe(hashOf(1001));
  });
});
