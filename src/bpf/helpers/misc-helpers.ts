/**
 * Time, randomness, CPU, strncmp, bpf_loop, spin locks and tail calls: helpers that need only
 * HelperEnv and its extensions.
 */
import { E2BIG, EINVAL, ENOENT } from '../maps/errno';
import { FdArrayMap, type FdObject, type MapMemory } from '../maps';
import { HelperError, requireExt, type HelperState, type SubprogCaller, type TailCallExt } from './env-ext';
import type { HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const base = (args: HelperProto['args'], gplOnly = false): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly,
  programTypes: 'all',
});
const MAX_TAIL_CALL_CNT = 33;

function state(env: HelperEnv, helper: string): HelperState {
  return requireExt<HelperState>(env, 'state', helper);
}

export const MISC_HELPERS: HelperDef[] = [
  { id: 5, proto: base([]), impl: (env) => env.nowNs() },
  { id: 125, proto: base([]), impl: (env) => env.nowNs() },
  // The coarse clock ticks in jiffies; 4 ms granularity (HZ=250) keeps it visibly coarser.
  {
    id: 160,
    // The kernel keeps the coarse clock from tracing programs (bpf_tracing_func_proto refuses it).
    proto: { ...base([]), programTypes: ['socket_filter', 'sched_cls', 'sched_act', 'xdp', 'cgroup_skb'] },
    impl: (env) => env.nowNs() - (env.nowNs() % 4_000_000n),
  },
  { id: 7, proto: base([]), impl: (env) => BigInt(env.random32() >>> 0) },
  { id: 8, proto: base([]), impl: (env) => BigInt(env.cpu) },
  {
    id: 182,
    proto: base(['ARG_PTR_TO_MEM|MEM_RDONLY', 'ARG_CONST_SIZE', 'ARG_PTR_TO_CONST_STR']),
    /** strncmp(s1, s1_sz, s2): compares at most s1_sz bytes, like the kernel's strncmp. */
    impl: (env, r1, r2, r3) => {
      const a = env.mem.view(r1, Number(r2), false);
      const region = env.mem.regionAt(r3);
      if (region === null) throw new HelperError('bpf_strncmp: s2 is not in guest memory');
      const b = env.mem.view(r3, Number(region.base + BigInt(region.size) - r3), false);
      for (let i = 0; i < a.length; i++) {
        const x = a[i] as number;
        const y = b[i] ?? 0;
        if (x !== y) return x < y ? neg(1) : 1n;
        if (x === 0) return 0n;
      }
      return 0n;
    },
  },
  {
    id: 181,
    proto: base(['ARG_ANYTHING', 'ARG_PTR_TO_FUNC', 'ARG_PTR_TO_STACK|PTR_MAYBE_NULL', 'ARG_ANYTHING']),
    /** bpf_loop(nr, callback, ctx, flags): calls callback(i, ctx) until it returns 1; returns iterations. */
    impl: (env, r1, r2, r3, r4) => {
      if (r4 !== 0n) return neg(EINVAL);
      // The verifier inlines bpf_loop calls (flags is a known 0 there), and the inlined code sets
      // this error with a 32-bit move: the program sees 0xfffffff9, not a 64-bit -E2BIG.
      if (r1 > 1n << 23n) return BigInt.asUintN(32, BigInt(-E2BIG));
      const caller = requireExt<SubprogCaller>(env, 'subprog', 'bpf_loop');
      let i = 0n;
      while (i < r1) {
        const stop = caller.call(r2, [i, r3]);
        i++;
        if (stop === 1n) break;
      }
      return i;
    },
  },
  {
    id: 93,
    proto: { ret: 'RET_VOID', args: ['ARG_PTR_TO_SPIN_LOCK'], gplOnly: false, programTypes: 'all' },
    impl: (env, r1) => {
      const held = state(env, 'bpf_spin_lock').heldLocks;
      if (held.has(r1)) throw new HelperError('bpf_spin_lock: lock already held (the program would deadlock)');
      env.mem.view(r1, 4, true)[0] = 1;
      held.add(r1);
      return 0n;
    },
  },
  {
    id: 94,
    proto: { ret: 'RET_VOID', args: ['ARG_PTR_TO_SPIN_LOCK'], gplOnly: false, programTypes: 'all' },
    impl: (env, r1) => {
      const held = state(env, 'bpf_spin_unlock').heldLocks;
      if (!held.delete(r1)) throw new HelperError('bpf_spin_unlock: lock not held');
      env.mem.view(r1, 4, true)[0] = 0;
      return 0n;
    },
  },
  {
    id: 12,
    proto: base(['ARG_PTR_TO_CTX', 'ARG_CONST_MAP_PTR', 'ARG_ANYTHING']),
    /** Records the jump for the interpreter; on any failure execution falls through, r0 = -ENOENT. */
    impl: (env, _r1, r2, r3) => {
      const bound = requireExt<MapMemory>(env, 'maps', 'bpf_tail_call').at(r2);
      if (bound === null || !(bound.map instanceof FdArrayMap))
        throw new HelperError('bpf_tail_call: r2 is not a prog_array');
      const tail = requireExt<TailCallExt>(env, 'tailCall', 'bpf_tail_call');
      const index = Number(BigInt.asUintN(32, r3));
      const target = index < bound.map.spec.maxEntries ? (bound.map as FdArrayMap<FdObject>).get(index) : null;
      if (target === null || tail.count >= MAX_TAIL_CALL_CNT) return neg(ENOENT);
      tail.request(target);
      return 0n;
    },
  },
];
