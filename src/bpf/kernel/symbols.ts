/**
 * The simulated kernel's kallsyms and user-space symbols, and the stacks bpf_get_stack and
 * bpf_get_stackid report. Every function gets a fixed address from its position in one list, so
 * stacks are identical from run to run and symbolise back to names.
 */
import { KERNEL_FUNCTIONS } from './catalogue';

export const KERNEL_TEXT = 0xffffffff81000000n;
export const USER_TEXT = 0x0000555555554000n;
const FUNC_SPAN = 0x400n;

/** Kernel functions that appear in stacks but are not attach targets of the catalogue. */
const FRAMES = [
  'entry_SYSCALL_64_after_hwframe', 'do_syscall_64', 'x64_sys_call', 'ret_from_fork', 'ret_from_fork_asm',
  'asm_common_interrupt', 'common_interrupt', 'irq_exit_rcu', 'handle_softirqs', 'net_rx_action', '__napi_poll',
  'virtnet_poll', 'napi_gro_receive', 'netif_receive_skb_list_internal', 'process_backlog',
  '__netif_receive_skb', '__netif_receive_skb_one_core', 'ip_rcv_finish', 'ip_local_deliver',
  'ip_local_deliver_finish', 'ip_protocol_deliver_rcu', 'loopback_xmit', '__netif_rx', 'ip_finish_output2',
  'ip_output', 'ip_queue_xmit', '__tcp_transmit_skb', 'tcp_write_xmit', '__tcp_push_pending_frames',
  'inet_stream_connect', '__inet_stream_connect', '__sys_connect', 'sock_sendmsg', '__sys_sendto',
  'inet_sendmsg', 'ksys_read', 'ksys_write', 'blkdev_write_iter', 'blkdev_read_iter', 'submit_bio',
  'blk_mq_submit_bio', 'blk_mq_dispatch_rq_list', 'virtio_queue_rq', 'blk_complete_reqs', 'blk_mq_end_request',
  '__blk_mq_end_request', 'virtblk_done', 'do_group_exit', '__x64_sys_exit_group', 'bprm_execve',
  'exec_binprm', 'do_filp_open', 'path_openat', '__sys_socket', 'inet_create', '__sys_accept4',
  'do_accept', 'inet_accept', '__sys_bind', '__sys_listen', 'tcp_retransmit_timer', 'tcp_write_timer',
  'call_timer_fn', '__do_sys_clone', 'kernel_wait4', 'do_wait', 'iterate_dir', 'hrtimer_nanosleep',
  'schedule', '__schedule', 'ping_v4_sendmsg', 'raw_sendmsg', 'icmp_echo', 'icmp_reply',
] as const; // prettier-ignore

const KERNEL_NAMES = [...new Set([...KERNEL_FUNCTIONS.keys(), ...FRAMES])];
const KERNEL_ADDR = new Map(KERNEL_NAMES.map((name, i) => [name, KERNEL_TEXT + BigInt(i) * FUNC_SPAN]));

/** The user-space side of each syscall: the libc wrapper the program called. */
const USER_NAMES = [
  '_start', '__libc_start_main', '__libc_start_call_main', 'main', '__libc_read', '__libc_write',
  '__libc_open64', '__close', '__socket', '__libc_connect', '__libc_sendto', '__libc_recvfrom', '__bind',
  'listen', '__libc_fork', 'execve', '__wait4', '__getdents64', '__clock_nanosleep', '_exit', 'accept4',
] as const; // prettier-ignore
const USER_ADDR = new Map(USER_NAMES.map((name, i) => [name as string, USER_TEXT + BigInt(i) * FUNC_SPAN]));

/** Address of a kernel function (its first instruction, what kprobes report as ip). */
export function kernelSymbol(name: string): bigint {
  const addr = KERNEL_ADDR.get(name);
  if (addr === undefined) throw new Error(`simulated kallsyms has no ${name}`);
  return addr;
}

export function userSymbol(name: string): bigint {
  const addr = USER_ADDR.get(name);
  if (addr === undefined) throw new Error(`simulated user symbols have no ${name}`);
  return addr;
}

/**
 * A return address inside `caller`, at a stable offset that depends on the callee, like the call
 * sites of a real stack (distinct callees → distinct sites).
 */
export function callSite(caller: string, callee: string, user = false): bigint {
  let h = 0;
  for (let i = 0; i < callee.length; i++) h = (h * 31 + callee.charCodeAt(i)) >>> 0;
  return (user ? userSymbol(caller) : kernelSymbol(caller)) + 0x10n + BigInt(h % 0x3e0);
}

/**
 * Kernel stack of the innermost frame first, as bpf_get_stack reports it: the current function's
 * own address, then the return address into each caller.
 */
export function kernelStack(frames: readonly string[]): bigint[] {
  const stack: bigint[] = [];
  for (let i = frames.length - 1; i >= 0; i--) {
    const name = frames[i]!;
    stack.push(i === frames.length - 1 ? kernelSymbol(name) : callSite(name, frames[i + 1]!));
  }
  return stack;
}

/** User stack of a syscall made through `wrapper` from main(). */
export function userStack(wrapper: string): bigint[] {
  return [
    callSite(wrapper, 'syscall', true),
    callSite('main', wrapper, true),
    callSite('__libc_start_call_main', 'main', true),
    callSite('__libc_start_main', '__libc_start_call_main', true),
    callSite('_start', '__libc_start_main', true),
  ];
}

/** "tcp_v4_connect+0x0" for any address inside a simulated function, or null. */
export function symbolize(addr: bigint): string | null {
  const user = addr < KERNEL_TEXT;
  const base = user ? USER_TEXT : KERNEL_TEXT;
  const names: readonly string[] = user ? USER_NAMES : KERNEL_NAMES;
  const index = addr < base ? -1 : Number((addr - base) / FUNC_SPAN);
  const name = names[index];
  return name === undefined ? null : `${name}+0x${((addr - base) % FUNC_SPAN).toString(16)}`;
}
