/**
 * The current task (pid/tgid, uid/gid, comm, task_struct, cgroup) and probe reads of kernel and
 * user memory. Reads follow x86-64, where user and kernel addresses do not overlap (measured on
 * Linux 6.18): probe_read_user of a kernel address is -EFAULT; probe_read_kernel of a user address
 * (NULL included) is -ERANGE; other bad addresses are -EFAULT; the destination is zeroed on any
 * failure. The old probe_read/probe_read_str pick the side by the address. Everything a BPF program
 * owns (stack, map values, context, packet) is kernel memory.
 */
import { EFAULT } from '../maps/errno';

const ERANGE = 34;
/** x86-64 user addresses end at 2^47 (TASK_SIZE_MAX plus the guard page). */
const USER_END = 1n << 47n;
import { HelperError, requireExt, type TaskInfo } from './env-ext';
import { TRACING, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const base = (args: HelperProto['args'], gplOnly: boolean): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly,
  programTypes: 'all',
});
const task = (env: HelperEnv, helper: string) => requireExt<TaskInfo>(env, 'task', helper);

/** Which memory a probe read may touch: 'any' for the legacy helpers. */
type Side = 'kernel' | 'user' | 'any';

/** 0 when `side` may read at addr, else the errno the kernel gives for it. */
function access(env: HelperEnv, addr: bigint, side: Side): number {
  const region = env.mem.regionAt(addr);
  const user = region === null ? addr < USER_END : region.kind === 'user';
  if (side === 'kernel' && user) return ERANGE;
  if (region === null || (side === 'user' && !user)) return EFAULT;
  return 0;
}

/** probe_read*: copy `size` bytes, or zero the destination and fail with -EFAULT. */
function probeRead(env: HelperEnv, dst: bigint, size: bigint, src: bigint, side: Side): bigint {
  const out = env.mem.view(dst, Number(size), true);
  if (size === 0n) return 0n;
  const errno = access(env, src, side);
  try {
    if (errno === 0) {
      out.set(env.mem.view(src, Number(size), false));
      return 0n;
    }
  } catch {
    // Past the end of the region: the rest of the read would fault.
  }
  out.fill(0);
  return neg(errno === 0 ? EFAULT : errno);
}

/** probe_read*_str: copies up to size-1 bytes and a NUL; returns the length including the NUL. */
function probeReadStr(env: HelperEnv, dst: bigint, size: bigint, src: bigint, side: Side): bigint {
  if (size === 0n) return 0n;
  const out = env.mem.view(dst, Number(size), true);
  const region = env.mem.regionAt(src);
  const errno = access(env, src, side);
  if (region === null || errno !== 0) {
    out.fill(0);
    return neg(errno || EFAULT);
  }
  const available = Math.min(out.length - 1, Number(region.base + BigInt(region.size) - src));
  const bytes = env.mem.view(src, available, false);
  const nul = bytes.indexOf(0);
  const length = nul < 0 ? available : nul;
  out.set(bytes.subarray(0, length));
  out[length] = 0;
  return BigInt(length + 1);
}

const READ_ARGS: HelperProto['args'] = [
  'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE',
  'ARG_CONST_SIZE_OR_ZERO',
  'ARG_ANYTHING',
];
const legacyRead = (): HelperProto => ({ ...base(READ_ARGS, true), programTypes: TRACING });

/** A field the simulated kernel gives its tasks but a plain test run's task lacks. */
function taskField(env: HelperEnv, helper: string, field: 'address' | 'cgroupId'): bigint {
  const value = task(env, helper)[field];
  if (value === undefined) throw new HelperError(`${helper}: the current task of this run has no ${field}`);
  return value;
}

export const TASK_HELPERS: HelperDef[] = [
  { id: 4, proto: legacyRead(), impl: (env, r1, r2, r3) => probeRead(env, r1, r2, r3, 'any') },
  { id: 45, proto: legacyRead(), impl: (env, r1, r2, r3) => probeReadStr(env, r1, r2, r3, 'any') },
  { id: 112, proto: base(READ_ARGS, true), impl: (env, r1, r2, r3) => probeRead(env, r1, r2, r3, 'user') },
  { id: 113, proto: base(READ_ARGS, true), impl: (env, r1, r2, r3) => probeRead(env, r1, r2, r3, 'kernel') },
  { id: 114, proto: base(READ_ARGS, true), impl: (env, r1, r2, r3) => probeReadStr(env, r1, r2, r3, 'user') },
  { id: 115, proto: base(READ_ARGS, true), impl: (env, r1, r2, r3) => probeReadStr(env, r1, r2, r3, 'kernel') },
  {
    id: 14,
    proto: base([], false),
    impl: (env) => {
      const t = task(env, 'bpf_get_current_pid_tgid');
      return (BigInt(t.tgid) << 32n) | BigInt(t.pid);
    },
  },
  {
    id: 15,
    proto: base([], false),
    impl: (env) => {
      const t = task(env, 'bpf_get_current_uid_gid');
      return (BigInt(t.gid) << 32n) | BigInt(t.uid);
    },
  },
  {
    id: 16,
    proto: base(['ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE'], false),
    impl: (env, r1, r2) => {
      const out = env.mem.view(r1, Number(r2), true);
      const comm = Uint8Array.from(task(env, 'bpf_get_current_comm').comm.slice(0, 15), (c) => c.charCodeAt(0) & 0xff);
      out.fill(0);
      out.set(comm.subarray(0, Math.max(out.length - 1, 0)));
      return 0n;
    },
  },
  { id: 35, proto: base([], true), impl: (env) => taskField(env, 'bpf_get_current_task', 'address') },
  {
    id: 158,
    // The kernel returns a trusted BTF pointer (RET_PTR_TO_BTF_ID_TRUSTED) that programs may
    // dereference directly; our verifier has no BTF pointer types yet, so it is an integer here.
    proto: base([], true),
    impl: (env) => taskField(env, 'bpf_get_current_task_btf', 'address'),
  },
  { id: 80, proto: base([], false), impl: (env) => taskField(env, 'bpf_get_current_cgroup_id', 'cgroupId') },
];
