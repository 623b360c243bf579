/**
 * The x86-64 system call path: user registers saved in the task's pt_regs, raw_syscalls and
 * syscalls:sys_enter_* tracepoints, the __x64_sys_* wrapper called with a pointer to those
 * registers (so PT_REGS_PARM1_SYSCALL / BCC's syscall kprobes read the real arguments), then the
 * exit tracepoints and the return value in ax.
 */
import { syscall } from './catalogue';
import type { Gen } from './events';
import type { Kernel } from './kernel';
import { callSite } from './symbols';

/** Registers carrying syscall arguments 1..6 on x86-64 (r10 replaces cx, which `syscall` clobbers). */
const ARG_REGS = ['di', 'si', 'dx', 'r10', 'r8', 'r9'] as const;
const ENOSYS = 38n;

/**
 * Runs syscall `name` for the current task with `args`; `wrapper` is the libc function it was
 * called from (user stack), `detail` the human text, `body` the kernel's work returning the result.
 */
export function* sys(
  k: Kernel,
  name: string,
  args: readonly bigint[],
  wrapper: string,
  detail: string,
  body: () => Gen<bigint>,
): Gen<bigint> {
  const def = syscall(name);
  const task = k.task;
  const regs = task.regs;
  const nr = BigInt(def.nr);
  const values: Record<string, bigint> = {};
  ARG_REGS.forEach((r, i) => values[r] = args[i] ?? 0n); // prettier-ignore
  regs.set({ ...values, orig_ax: nr, ax: -ENOSYS, ip: callSite(wrapper, 'syscall', true), cs: 0x33, ss: 0x2b });
  regs.set({ flags: 0x246, sp: k.umem.base + 0x8000n - BigInt(task.pid % 64) * 0x100n });
  k.setUserWrapper(wrapper);
  const record: Record<string, bigint> = { __syscall_nr: nr };
  def.params.forEach((p, i) => (record[p.name] = args[i] ?? 0n));
  const rawArgs = [regs.addr, nr];
  const ret = yield* k.within(['entry_SYSCALL_64_after_hwframe', 'do_syscall_64'], function* () {
    yield* k.trace('raw_syscalls:sys_enter', { id: nr, args: packArgs(args) }, rawArgs, `NR ${def.nr}`);
    yield* k.trace(`syscalls:sys_enter_${name}`, record, rawArgs, detail);
    const result = yield* k.within(['x64_sys_call'], () => k.fn(`__x64_sys_${name}`, [regs.addr], detail, body));
    regs.set({ ax: result });
    const exit = [regs.addr, result];
    const shown = BigInt.asIntN(64, result);
    yield* k.trace(`syscalls:sys_exit_${name}`, { __syscall_nr: nr, ret: result }, exit, `= ${shown}`);
    yield* k.trace('raw_syscalls:sys_exit', { id: nr, ret: result }, exit, `NR ${def.nr} = ${shown}`);
    return result;
  });
  k.setUserWrapper(null);
  return ret;
}

function packArgs(args: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(48);
  const dv = new DataView(out.buffer);
  args.slice(0, 6).forEach((a, i) => dv.setBigUint64(i * 8, BigInt.asUintN(64, a), true));
  return out;
}

/** -errno as the u64 a syscall returns. */
export const err = (errno: number): bigint => BigInt.asUintN(64, BigInt(-errno));
