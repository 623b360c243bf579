/**
 * Time, randomness, CPU, current task, probe reads, strncmp, bpf_loop, spin locks, get_stack,
 * tail calls: helpers that need only HelperEnv and its extensions.
 */
import { E2BIG, EFAULT, EINVAL, ENOENT } from '../maps/errno';
import { FdArrayMap, type FdObject, type MapMemory } from '../maps';
import {
  HelperError,
  requireExt,
  type HelperState,
  type StackSource,
  type SubprogCaller,
  type TailCallExt,
  type TaskInfo,
} from './env-ext';
import { TRACING, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const base = (args: HelperProto['args'], gplOnly = false): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly,
  programTypes: 'all',
});
const tracing = (args: HelperProto['args']): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly: true,
  programTypes: TRACING,
});
const task = (env: HelperEnv, helper: string) => requireExt<TaskInfo>(env, 'task', helper);
const MAX_TAIL_CALL_CNT = 33;

/** probe_read*: copy `size` bytes, or zero the destination and fail with -EFAULT. */
function probeRead(env: HelperEnv, dst: bigint, size: bigint, src: bigint): bigint {
  const out = env.mem.view(dst, Number(size), true);
  try {
    out.set(env.mem.view(src, Number(size), false));
    return 0n;
  } catch {
    out.fill(0);
    return neg(EFAULT);
  }
}

/** probe_read*_str: copies up to size-1 bytes and a NUL; returns the length including the NUL. */
function probeReadStr(env: HelperEnv, dst: bigint, size: bigint, src: bigint): bigint {
  if (size === 0n) return 0n;
  const out = env.mem.view(dst, Number(size), true);
  const region = env.mem.regionAt(src);
  if (region === null) {
    out[0] = 0;
    return neg(EFAULT);
  }
  const available = Math.min(out.length - 1, Number(region.base + BigInt(region.size) - src));
  const bytes = env.mem.view(src, available, false);
  const nul = bytes.indexOf(0);
  const length = nul < 0 ? available : nul;
  out.set(bytes.subarray(0, length));
  out[length] = 0;
  return BigInt(length + 1);
}

function state(env: HelperEnv, helper: string): HelperState {
  return requireExt<HelperState>(env, 'state', helper);
}

const READ_ARGS: HelperProto['args'] = [
  'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE',
  'ARG_CONST_SIZE_OR_ZERO',
  'ARG_ANYTHING',
];

export const MISC_HELPERS: HelperDef[] = [
  { id: 4, proto: tracing(READ_ARGS), impl: (env, r1, r2, r3) => probeRead(env, r1, r2, r3) },
  { id: 45, proto: tracing(READ_ARGS), impl: (env, r1, r2, r3) => probeReadStr(env, r1, r2, r3) },
  { id: 112, proto: tracing(READ_ARGS), impl: (env, r1, r2, r3) => probeRead(env, r1, r2, r3) },
  {
    id: 113,
    proto: { ...tracing(READ_ARGS), programTypes: 'all' },
    impl: (env, r1, r2, r3) => probeRead(env, r1, r2, r3),
  },
  { id: 114, proto: tracing(READ_ARGS), impl: (env, r1, r2, r3) => probeReadStr(env, r1, r2, r3) },
  {
    id: 115,
    proto: { ...tracing(READ_ARGS), programTypes: 'all' },
    impl: (env, r1, r2, r3) => probeReadStr(env, r1, r2, r3),
  },
  { id: 5, proto: base([]), impl: (env) => env.nowNs() },
  { id: 125, proto: base([]), impl: (env) => env.nowNs() },
  // The coarse clock ticks in jiffies; 4 ms granularity (HZ=250) keeps it visibly coarser.
  { id: 160, proto: base([]), impl: (env) => env.nowNs() - (env.nowNs() % 4_000_000n) },
  { id: 7, proto: base([]), impl: (env) => BigInt(env.random32() >>> 0) },
  { id: 8, proto: base([]), impl: (env) => BigInt(env.cpu) },
  {
    id: 14,
    proto: { ...tracing([]), gplOnly: false },
    impl: (env) =>
      (BigInt(task(env, 'bpf_get_current_pid_tgid').tgid) << 32n) | BigInt(task(env, 'bpf_get_current_pid_tgid').pid),
  },
  {
    id: 15,
    proto: { ...tracing([]), gplOnly: false },
    impl: (env) =>
      (BigInt(task(env, 'bpf_get_current_uid_gid').gid) << 32n) | BigInt(task(env, 'bpf_get_current_uid_gid').uid),
  },
  {
    id: 16,
    proto: { ...tracing(['ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE']), gplOnly: false },
    impl: (env, r1, r2) => {
      const out = env.mem.view(r1, Number(r2), true);
      const comm = Uint8Array.from(task(env, 'bpf_get_current_comm').comm.slice(0, 15), (c) => c.charCodeAt(0) & 0xff);
      out.fill(0);
      out.set(comm.subarray(0, Math.max(out.length - 1, 0)));
      return 0n;
    },
  },
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
      if (r1 > 1n << 23n) return neg(E2BIG);
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
    id: 67,
    proto: {
      ...tracing(['ARG_PTR_TO_CTX', 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE_OR_ZERO', 'ARG_ANYTHING']),
      gplOnly: true,
    },
    /** bpf_get_stack: simulated frames from ext.stack; flag bit 8 (BPF_F_USER_STACK) picks user frames. */
    impl: (env, _r1, r2, r3, r4) => {
      if ((r4 & ~0x3ffn) !== 0n || r3 % 8n !== 0n) return neg(EINVAL);
      const source = requireExt<StackSource>(env, 'stack', 'bpf_get_stack');
      const frames = ((r4 & 0x100n) !== 0n ? source.user : source.kernel).slice(Number(r4 & 0xffn));
      const out = env.mem.view(r2, Number(r3), true);
      const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
      const count = Math.min(frames.length, out.length / 8);
      for (let i = 0; i < count; i++) dv.setBigUint64(i * 8, frames[i] as bigint, true);
      out.fill(0, count * 8);
      return BigInt(count * 8);
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
