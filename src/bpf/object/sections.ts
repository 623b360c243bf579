/**
 * SEC("...") names → program type, expected attach type and attach target, following libbpf's
 * section_defs table. A pattern ending in '+' matches the bare name or "name/<target>"; one ending
 * in '/' requires a target after it; any other pattern matches exactly.
 */
import { progTypeId, type ProgTypeName } from './kinds';

export interface SectionKind {
  /** bpftool's name of the program type ("xdp", "sched_cls", ...); 'unspec' when the name is unknown. */
  readonly progType: ProgTypeName;
  /** Kernel enum bpf_prog_type value. */
  readonly progTypeId: number;
  /** libbpf's expected_attach_type, as the kernel enum name without BPF_ (e.g. "CGROUP_INET_INGRESS"), or null. */
  readonly attachType: string | null;
  /** What the section names after the prefix: a function, tracepoint, cgroup hook ... ("" when none). */
  readonly attachTarget: string;
  /** True for the sleepable ".s" variants (fentry.s/, lsm.s/, uprobe.s/ ...). */
  readonly sleepable: boolean;
  /** True when libbpf knows this section name. */
  readonly known: boolean;
}

type Def = readonly [pattern: string, type: ProgTypeName, attach: string | null];

const DEFS: readonly Def[] = [
  ['socket', 'socket_filter', null],
  ['sk_reuseport/migrate', 'sk_reuseport', 'SK_REUSEPORT_SELECT_OR_MIGRATE'],
  ['sk_reuseport', 'sk_reuseport', 'SK_REUSEPORT_SELECT'],
  ['kprobe+', 'kprobe', null],
  ['uprobe+', 'kprobe', null],
  ['uprobe.s+', 'kprobe', null],
  ['kretprobe+', 'kprobe', null],
  ['uretprobe+', 'kprobe', null],
  ['uretprobe.s+', 'kprobe', null],
  ['kprobe.multi+', 'kprobe', 'TRACE_KPROBE_MULTI'],
  ['kretprobe.multi+', 'kprobe', 'TRACE_KPROBE_MULTI'],
  ['uprobe.multi+', 'kprobe', 'TRACE_UPROBE_MULTI'],
  ['uretprobe.multi+', 'kprobe', 'TRACE_UPROBE_MULTI'],
  ['ksyscall+', 'kprobe', null],
  ['kretsyscall+', 'kprobe', null],
  ['usdt+', 'kprobe', null],
  ['tc/ingress', 'sched_cls', 'TCX_INGRESS'],
  ['tc/egress', 'sched_cls', 'TCX_EGRESS'],
  ['tcx/ingress', 'sched_cls', 'TCX_INGRESS'],
  ['tcx/egress', 'sched_cls', 'TCX_EGRESS'],
  ['tc', 'sched_cls', null],
  ['classifier', 'sched_cls', null],
  ['action', 'sched_act', null],
  ['netkit/primary', 'sched_cls', 'NETKIT_PRIMARY'],
  ['netkit/peer', 'sched_cls', 'NETKIT_PEER'],
  ['tracepoint+', 'tracepoint', null],
  ['tp+', 'tracepoint', null],
  ['raw_tracepoint+', 'raw_tracepoint', null],
  ['raw_tp+', 'raw_tracepoint', null],
  ['raw_tracepoint.w+', 'raw_tracepoint_writable', null],
  ['raw_tp.w+', 'raw_tracepoint_writable', null],
  ['tp_btf/', 'tracing', 'TRACE_RAW_TP'],
  ['fentry/', 'tracing', 'TRACE_FENTRY'],
  ['fmod_ret/', 'tracing', 'MODIFY_RETURN'],
  ['fexit/', 'tracing', 'TRACE_FEXIT'],
  ['fentry.s/', 'tracing', 'TRACE_FENTRY'],
  ['fmod_ret.s/', 'tracing', 'MODIFY_RETURN'],
  ['fexit.s/', 'tracing', 'TRACE_FEXIT'],
  ['freplace/', 'ext', null],
  ['lsm/', 'lsm', 'LSM_MAC'],
  ['lsm.s/', 'lsm', 'LSM_MAC'],
  ['lsm_cgroup/', 'lsm', 'LSM_CGROUP'],
  ['iter/', 'tracing', 'TRACE_ITER'],
  ['iter.s/', 'tracing', 'TRACE_ITER'],
  ['syscall', 'syscall', null],
  ['xdp.frags/devmap', 'xdp', 'XDP_DEVMAP'],
  ['xdp/devmap', 'xdp', 'XDP_DEVMAP'],
  ['xdp.frags/cpumap', 'xdp', 'XDP_CPUMAP'],
  ['xdp/cpumap', 'xdp', 'XDP_CPUMAP'],
  ['xdp.frags', 'xdp', 'XDP'],
  ['xdp', 'xdp', 'XDP'],
  ['perf_event', 'perf_event', null],
  ['lwt_in', 'lwt_in', null],
  ['lwt_out', 'lwt_out', null],
  ['lwt_xmit', 'lwt_xmit', null],
  ['lwt_seg6local', 'lwt_seg6local', null],
  ['sockops', 'sock_ops', 'CGROUP_SOCK_OPS'],
  ['sk_skb/stream_parser', 'sk_skb', 'SK_SKB_STREAM_PARSER'],
  ['sk_skb/stream_verdict', 'sk_skb', 'SK_SKB_STREAM_VERDICT'],
  ['sk_skb', 'sk_skb', null],
  ['sk_msg', 'sk_msg', 'SK_MSG_VERDICT'],
  ['lirc_mode2', 'lirc_mode2', 'LIRC_MODE2'],
  ['flow_dissector', 'flow_dissector', 'FLOW_DISSECTOR'],
  ['cgroup_skb/ingress', 'cgroup_skb', 'CGROUP_INET_INGRESS'],
  ['cgroup_skb/egress', 'cgroup_skb', 'CGROUP_INET_EGRESS'],
  ['cgroup/skb', 'cgroup_skb', null],
  ['cgroup/sock_create', 'cgroup_sock', 'CGROUP_INET_SOCK_CREATE'],
  ['cgroup/sock_release', 'cgroup_sock', 'CGROUP_INET_SOCK_RELEASE'],
  ['cgroup/sock', 'cgroup_sock', 'CGROUP_INET_SOCK_CREATE'],
  ['cgroup/post_bind4', 'cgroup_sock', 'CGROUP_INET4_POST_BIND'],
  ['cgroup/post_bind6', 'cgroup_sock', 'CGROUP_INET6_POST_BIND'],
  ['cgroup/bind4', 'cgroup_sock_addr', 'CGROUP_INET4_BIND'],
  ['cgroup/bind6', 'cgroup_sock_addr', 'CGROUP_INET6_BIND'],
  ['cgroup/connect4', 'cgroup_sock_addr', 'CGROUP_INET4_CONNECT'],
  ['cgroup/connect6', 'cgroup_sock_addr', 'CGROUP_INET6_CONNECT'],
  ['cgroup/connect_unix', 'cgroup_sock_addr', 'CGROUP_UNIX_CONNECT'],
  ['cgroup/sendmsg4', 'cgroup_sock_addr', 'CGROUP_UDP4_SENDMSG'],
  ['cgroup/sendmsg6', 'cgroup_sock_addr', 'CGROUP_UDP6_SENDMSG'],
  ['cgroup/sendmsg_unix', 'cgroup_sock_addr', 'CGROUP_UNIX_SENDMSG'],
  ['cgroup/recvmsg4', 'cgroup_sock_addr', 'CGROUP_UDP4_RECVMSG'],
  ['cgroup/recvmsg6', 'cgroup_sock_addr', 'CGROUP_UDP6_RECVMSG'],
  ['cgroup/recvmsg_unix', 'cgroup_sock_addr', 'CGROUP_UNIX_RECVMSG'],
  ['cgroup/getpeername4', 'cgroup_sock_addr', 'CGROUP_INET4_GETPEERNAME'],
  ['cgroup/getpeername6', 'cgroup_sock_addr', 'CGROUP_INET6_GETPEERNAME'],
  ['cgroup/getpeername_unix', 'cgroup_sock_addr', 'CGROUP_UNIX_GETPEERNAME'],
  ['cgroup/getsockname4', 'cgroup_sock_addr', 'CGROUP_INET4_GETSOCKNAME'],
  ['cgroup/getsockname6', 'cgroup_sock_addr', 'CGROUP_INET6_GETSOCKNAME'],
  ['cgroup/getsockname_unix', 'cgroup_sock_addr', 'CGROUP_UNIX_GETSOCKNAME'],
  ['cgroup/sysctl', 'cgroup_sysctl', 'CGROUP_SYSCTL'],
  ['cgroup/getsockopt', 'cgroup_sockopt', 'CGROUP_GETSOCKOPT'],
  ['cgroup/setsockopt', 'cgroup_sockopt', 'CGROUP_SETSOCKOPT'],
  ['cgroup/dev', 'cgroup_device', 'CGROUP_DEVICE'],
  ['struct_ops+', 'struct_ops', null],
  ['struct_ops.s+', 'struct_ops', null],
  ['sk_lookup', 'sk_lookup', 'SK_LOOKUP'],
  ['netfilter', 'netfilter', 'NETFILTER'],
];

/** [matched, target] for one pattern. */
function match(pattern: string, name: string): [boolean, string] {
  if (pattern.endsWith('+')) {
    const base = pattern.slice(0, -1);
    if (name === base) return [true, ''];
    return name.startsWith(`${base}/`) ? [true, name.slice(base.length + 1)] : [false, ''];
  }
  if (pattern.endsWith('/')) return name.startsWith(pattern) ? [true, name.slice(pattern.length)] : [false, ''];
  return [name === pattern, ''];
}

/** Classifies a section name the way libbpf does; unknown names give progType 'unspec'. */
export function classifySection(name: string): SectionKind {
  for (const [pattern, progType, attachType] of DEFS) {
    const [ok, attachTarget] = match(pattern, name);
    if (!ok) continue;
    const prefix = pattern.replace(/[+/]$/, '').split('/')[0]!;
    return {
      progType,
      progTypeId: progTypeId(progType),
      attachType,
      attachTarget,
      sleepable: prefix.endsWith('.s'),
      known: true,
    };
  }
  return { progType: 'unspec', progTypeId: 0, attachType: null, attachTarget: '', sleepable: false, known: false };
}
