/** Ring buffer (130-134) and perf event (25) output helpers. */
import { EFAULT, EINVAL } from '../maps/errno';
import { BPF_F_CTXLEN_MASK, PerfEventArrayMap, RingBufMap, type MapMemory } from '../maps';
import { HelperError, type PacketExt, requireExt } from './env-ext';
import type { HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const base = (ret: HelperProto['ret'], args: HelperProto['args']): HelperProto => ({
  ret,
  args,
  gplOnly: false,
  programTypes: 'all',
});

function ringbuf(env: HelperEnv, addr: bigint, helper: string): { map: RingBufMap; base: bigint } {
  const bound = requireExt<MapMemory>(env, 'maps', helper).at(addr);
  if (bound === null || !(bound.map instanceof RingBufMap) || bound.valueBase === null) {
    throw new HelperError(`${helper}: r1 is not a ringbuf map`);
  }
  return { map: bound.map, base: bound.valueBase };
}

/** Finds the ringbuf whose region holds a reserved record (submit/discard only get the sample). */
function owner(env: HelperEnv, sample: bigint, helper: string): { map: RingBufMap; base: bigint } {
  const region = env.mem.regionAt(sample);
  const maps = requireExt<MapMemory>(env, 'maps', helper);
  if (region !== null) {
    const found = maps.owning(region.base);
    if (found !== null && found.map instanceof RingBufMap) return { map: found.map, base: region.base };
  }
  throw new HelperError(`${helper}: 0x${sample.toString(16)} is not a reserved ring buffer record`);
}

/**
 * Packet programs may ask for `ctxLen` bytes of the packet (from data) after the record, in the
 * flags' upper half; more than the packet holds is -EFAULT. Null then; the data itself otherwise.
 */
function appendPacketBytes(env: HelperEnv, data: Uint8Array, ctxLen: number): Uint8Array | null {
  if (ctxLen === 0) return data;
  const packet = env.ext.packet as PacketExt | undefined;
  if (packet === undefined) return data; // outside packet runs the length is not applied (not compared with the kernel)
  const { frame, data: start, end } = packet.buffer;
  if (ctxLen > end - start) return null;
  const out = new Uint8Array(data.length + ctxLen);
  out.set(data);
  out.set(frame.subarray(start, start + ctxLen), data.length);
  return out;
}

export const OUTPUT_HELPERS: HelperDef[] = [
  {
    id: 130,
    proto: base('RET_INTEGER', [
      'ARG_CONST_MAP_PTR',
      'ARG_PTR_TO_MEM|MEM_RDONLY',
      'ARG_CONST_SIZE_OR_ZERO',
      'ARG_ANYTHING',
    ]),
    impl: (env, r1, r2, r3, r4) => {
      const { map } = ringbuf(env, r1, 'bpf_ringbuf_output');
      return BigInt.asUintN(64, BigInt(map.output(env.mem.view(r2, Number(r3), false).slice(), r4)));
    },
  },
  {
    id: 131,
    proto: base('RET_PTR_TO_RINGBUF_MEM_OR_NULL', [
      'ARG_CONST_MAP_PTR',
      'ARG_CONST_ALLOC_SIZE_OR_ZERO',
      'ARG_ANYTHING',
    ]),
    impl: (env, r1, r2, r3) => {
      const { map, base: at } = ringbuf(env, r1, 'bpf_ringbuf_reserve');
      if (r3 !== 0n) return 0n;
      const offset = map.reserve(Number(r2));
      return offset === null ? 0n : at + BigInt(offset);
    },
  },
  {
    id: 132,
    proto: { ...base('RET_VOID', ['ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE', 'ARG_ANYTHING']) },
    impl: (env, r1) => {
      const { map, base: at } = owner(env, r1, 'bpf_ringbuf_submit');
      if (!map.commit(Number(r1 - at), false)) throw new HelperError('bpf_ringbuf_submit: record not reserved');
      return 0n;
    },
  },
  {
    id: 133,
    proto: { ...base('RET_VOID', ['ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE', 'ARG_ANYTHING']) },
    impl: (env, r1) => {
      const { map, base: at } = owner(env, r1, 'bpf_ringbuf_discard');
      if (!map.commit(Number(r1 - at), true)) throw new HelperError('bpf_ringbuf_discard: record not reserved');
      return 0n;
    },
  },
  {
    id: 134,
    proto: base('RET_INTEGER', ['ARG_CONST_MAP_PTR', 'ARG_ANYTHING']),
    impl: (env, r1, r2) => ringbuf(env, r1, 'bpf_ringbuf_query').map.query(r2),
  },
  {
    id: 25,
    proto: {
      ret: 'RET_INTEGER',
      args: [
        'ARG_PTR_TO_CTX',
        'ARG_CONST_MAP_PTR',
        'ARG_ANYTHING',
        'ARG_PTR_TO_MEM|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
      ],
      gplOnly: true,
      programTypes: [
        'kprobe',
        'tracepoint',
        'perf_event',
        'raw_tracepoint',
        'tracing',
        'sched_cls',
        'sched_act',
        'xdp',
        'socket_filter',
        'cgroup_skb',
      ],
    },
    impl: (env, _r1, r2, r3, r4, r5) => {
      const bound = requireExt<MapMemory>(env, 'maps', 'bpf_perf_event_output').at(r2);
      if (bound === null || !(bound.map instanceof PerfEventArrayMap)) {
        throw new HelperError('bpf_perf_event_output: r2 is not a perf_event_array');
      }
      if (r5 > 0xffffffffn) return neg(EINVAL);
      const data = env.mem.view(r4, Number(r5), false);
      const withPacket = appendPacketBytes(env, data, Number((r3 & BPF_F_CTXLEN_MASK) >> 32n));
      if (withPacket === null) return neg(EFAULT);
      return BigInt.asUintN(64, BigInt(bound.map.output(r3, env.cpu, withPacket)));
    },
  },
];
