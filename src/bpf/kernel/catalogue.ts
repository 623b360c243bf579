/**
 * What a program can attach to: the simulated kernel's functions (kprobe/kretprobe targets) with
 * their C prototypes, and its system calls with x86-64 numbers and the parameter lists of their
 * sys_enter_* format files. BCC-style probes map a probe's extra parameters onto `params`.
 */

export interface Param {
  readonly type: string;
  readonly name: string;
}

export interface KernelFunction {
  readonly name: string;
  readonly ret: string;
  readonly params: readonly Param[];
  /** What the function does, for the attach-point picker. */
  readonly doc: string;
}

export interface Syscall {
  readonly name: string;
  readonly nr: number;
  /** As in /sys/kernel/tracing/events/syscalls/sys_enter_NAME/format. */
  readonly params: readonly Param[];
}

/** "int fd, struct sockaddr * uservaddr" → params (the type is everything before the last word). */
function params(text: string): Param[] {
  if (text === '') return [];
  return text.split(',').map((p) => {
    const m = /^(.*?)\s*(\w+)$/.exec(p.trim());
    if (!m?.[1] || !m[2]) throw new Error(`bad parameter '${p}'`);
    return { type: m[1].replace(/\s*\*\s*/g, ' *').trim(), name: m[2] };
  });
}

const SYSCALL_LIST: ReadonlyArray<readonly [string, number, string]> = [
  ['read', 0, 'unsigned int fd, char * buf, size_t count'],
  ['write', 1, 'unsigned int fd, const char * buf, size_t count'],
  ['close', 3, 'unsigned int fd'],
  ['socket', 41, 'int family, int type, int protocol'],
  ['connect', 42, 'int fd, struct sockaddr * uservaddr, int addrlen'],
  ['sendto', 44, 'int fd, void * buff, size_t len, unsigned int flags, struct sockaddr * addr, int addr_len'],
  ['recvfrom', 45, 'int fd, void * ubuf, size_t size, unsigned int flags, struct sockaddr * addr, int * addr_len'],
  ['bind', 49, 'int fd, struct sockaddr * umyaddr, int addrlen'],
  ['listen', 50, 'int fd, int backlog'],
  ['clone', 56, 'unsigned long clone_flags, unsigned long newsp, int * parent_tidptr, int * child_tidptr, unsigned long tls'],
  ['execve', 59, 'const char * filename, const char *const * argv, const char *const * envp'],
  ['wait4', 61, 'pid_t upid, int * stat_addr, int options, struct rusage * ru'],
  ['getdents64', 217, 'unsigned int fd, struct linux_dirent64 * dirent, unsigned int count'],
  ['clock_nanosleep', 230, 'const clockid_t which_clock, int flags, const struct __kernel_timespec * rqtp, struct __kernel_timespec * rmtp'],
  ['exit_group', 231, 'int error_code'],
  ['openat', 257, 'int dfd, const char * filename, int flags, umode_t mode'],
  ['accept4', 288, 'int fd, struct sockaddr * upeer_sockaddr, int * upeer_addrlen, int flags'],
]; // prettier-ignore

export const SYSCALLS: ReadonlyMap<string, Syscall> = new Map(
  SYSCALL_LIST.map(([name, nr, p]) => [name, { name, nr, params: params(p) }]),
);

export function syscall(name: string): Syscall {
  const s = SYSCALLS.get(name);
  if (!s) throw new Error(`the simulated kernel has no syscall ${name}`);
  return s;
}

/** BCC's get_syscall_fnname: the kernel function of a syscall on x86-64 ("socket" → "__x64_sys_socket"). */
export function syscallFnName(name: string): string {
  return `__x64_sys_${name.replace(/^(__x64_)?sys_/, '')}`;
}

const FUNCTION_LIST: ReadonlyArray<readonly [string, string, string, string]> = [
  ['long', 'do_sys_openat2', 'int dfd, const char * filename, struct open_how * how', 'opens a file for openat()/open()'],
  ['ssize_t', 'vfs_read', 'struct file * file, char * buf, size_t count, loff_t * pos', 'reads from an open file'],
  ['ssize_t', 'vfs_write', 'struct file * file, const char * buf, size_t count, loff_t * pos', 'writes to an open file'],
  ['int', 'vfs_open', 'const struct path * path, struct file * file', 'opens a file found by a path walk'],
  ['int', 'tcp_v4_connect', 'struct sock * sk, struct sockaddr * uaddr, int addr_len', 'starts an IPv4 TCP connect'],
  ['int', 'tcp_connect', 'struct sock * sk', 'sends the SYN of a connect'],
  ['struct sock *', 'inet_csk_accept', 'struct sock * sk, struct proto_accept_arg * arg', 'accepts a connection on a listening socket'],
  ['int', 'tcp_sendmsg', 'struct sock * sk, struct msghdr * msg, size_t size', 'queues data on a TCP socket'],
  ['int', 'tcp_recvmsg', 'struct sock * sk, struct msghdr * msg, size_t len, int flags, int * addr_len', 'reads data from a TCP socket'],
  ['void', 'tcp_close', 'struct sock * sk, long timeout', 'closes a TCP socket'],
  ['void', 'tcp_set_state', 'struct sock * sk, int state', 'changes a TCP socket state'],
  ['int', 'tcp_retransmit_skb', 'struct sock * sk, struct sk_buff * skb, int segs', 'retransmits a TCP segment'],
  ['int', 'tcp_v4_rcv', 'struct sk_buff * skb', 'receives an IPv4 TCP segment'],
  ['int', 'udp_sendmsg', 'struct sock * sk, struct msghdr * msg, size_t len', 'sends a UDP datagram'],
  ['int', 'icmp_rcv', 'struct sk_buff * skb', 'receives an ICMP message'],
  ['int', 'ping_v4_sendmsg', 'struct sock * sk, struct msghdr * msg, size_t len', 'sends an ICMP echo from a ping socket'],
  ['int', '__dev_queue_xmit', 'struct sk_buff * skb, struct net_device * sb_dev', 'queues a packet for transmission'],
  // The pre-5.9 signature (skb, not &skb) that kernel samples' tracex1 reads with PT_REGS_PARM1.
  ['int', '__netif_receive_skb_core', 'struct sk_buff * skb, bool pfmemalloc, struct packet_type ** ppt_prev', 'delivers a received packet to the protocol handlers'],
  ['int', 'ip_rcv', 'struct sk_buff * skb, struct net_device * dev, struct packet_type * pt, struct net_device * orig_dev', 'receives an IPv4 packet'],
  ['void', 'blk_mq_start_request', 'struct request * rq', 'a block request is issued to the device'],
  ['void', 'blk_account_io_done', 'struct request * req, u64 now', 'accounts a completed block request'],
  ['void', 'blk_mq_end_request', 'struct request * rq, blk_status_t error', 'completes a block request'],
  ['void', 'do_exit', 'long code', 'a task exits'],
  ['void', 'wake_up_new_task', 'struct task_struct * p', 'a newly forked task becomes runnable'],
  ['pid_t', 'kernel_clone', 'struct kernel_clone_args * args', 'forks a task'],
  ['int', 'do_execveat_common', 'int fd, struct filename * filename, struct user_arg_ptr argv, struct user_arg_ptr envp, int flags', 'executes a program'],
]; // prettier-ignore

const wrapper = (s: Syscall): KernelFunction => ({
  name: syscallFnName(s.name),
  ret: 'long',
  params: [{ type: 'const struct pt_regs *', name: 'regs' }],
  doc: `the ${s.name}() system call; on x86-64 its arguments are in the user registers *regs`,
});

export const KERNEL_FUNCTIONS: ReadonlyMap<string, KernelFunction> = new Map([
  ...[...SYSCALLS.values()].map((s) => [syscallFnName(s.name), wrapper(s)] as const),
  ...FUNCTION_LIST.map(([ret, name, p, doc]) => [name, { name, ret, params: params(p), doc }] as const),
]);

export function kernelFunction(name: string): KernelFunction {
  const f = KERNEL_FUNCTIONS.get(name);
  if (!f) throw new Error(`the simulated kernel has no function ${name}`);
  return f;
}
