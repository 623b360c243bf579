/**
 * The simulated kernel's object layouts, declared member by member in the order and with the
 * types of src/compiler/headers/include/vmlinux.h, so objects written here read back correctly
 * through CO-RE, BPF_CORE_READ and plain probe reads compiled against that header.
 *
 * Conventions: unions are declared through their first (widest-used) arm — e.g. sk_buff's
 * {next, prev, dev} — and bitfield storage units appear as opaque bytes named `:bitsN`, which
 * the layout tests skip because C cannot take their offset. Typedef'd wrappers such as kuid_t
 * and atomic_t are declared as the integer they wrap (same size and alignment).
 */
import { LayoutRegistry } from './layout';

export const KERNEL_STRUCTS = new LayoutRegistry();
const def = KERNEL_STRUCTS.define.bind(KERNEL_STRUCTS);

def('list_head', [
  ['next', 'struct list_head *'],
  ['prev', 'struct list_head *'],
]);
def('hlist_node', [
  ['next', 'struct hlist_node *'],
  ['pprev', 'ptr'],
]);
def('in_addr', [['s_addr', 'u32']]);
def('in6_addr', [['in6_u', 'u32[4]']]);
def('sockaddr', [
  ['sa_family', 'u16'],
  ['sa_data', 'char[14]'],
]);
def('sockaddr_in', [
  ['sin_family', 'u16'],
  ['sin_port', 'u16'],
  ['sin_addr', 'struct in_addr'],
  ['__pad', 'u8[8]'],
]);

// x86-64 register frame, kernel names; PT_REGS_PARM1..6 = di, si, dx, cx, r8, r9; PT_REGS_RC = ax.
export const PT_REGS_NAMES = [
  'r15', 'r14', 'r13', 'r12', 'bp', 'bx', 'r11', 'r10', 'r9', 'r8', 'ax', 'cx', 'dx', 'si', 'di',
  'orig_ax', 'ip', 'cs', 'flags', 'sp', 'ss',
] as const; // prettier-ignore
export type PtRegsName = (typeof PT_REGS_NAMES)[number];
def(
  'pt_regs',
  PT_REGS_NAMES.map((name) => [name, 'ulong'] as const),
);

const ids = ['uid', 'gid', 'suid', 'sgid', 'euid', 'egid', 'fsuid', 'fsgid'].map((n) => [n, 'u32'] as const);
def('cred', [['usage', 's32'], ...ids, ['securebits', 'u32']]);
const mmWords = ['start_code', 'end_code', 'start_data', 'end_data', 'start_brk', 'brk', 'start_stack'];
const mmArgs = ['arg_start', 'arg_end', 'env_start', 'env_end'];
def('mm_struct', [...[...mmWords, ...mmArgs].map((n) => [n, 'ulong'] as const), ['exe_file', 'struct file *']]);

// ---- the VFS ----
def('qstr', [
  ['hash', 'u32'],
  ['len', 'u32'],
  ['name', 'ptr'],
]);
def('super_block', [
  ['s_dev', 'u32'],
  ['s_magic', 'ulong'],
  ['s_root', 'struct dentry *'],
  ['s_id', 'char[32]'],
]);
def('inode', [
  ['i_mode', 'u16'], ['i_flags', 'u32'], ['i_uid', 'u32'], ['i_gid', 'u32'], ['i_sb', 'struct super_block *'],
  ['i_ino', 'ulong'], ['i_rdev', 'u32'], ['i_nlink', 'u32'], ['i_size', 's64'],
]); // prettier-ignore
def('dentry', [
  ['d_flags', 'u32'], ['d_hash', 'struct hlist_node'], ['d_parent', 'struct dentry *'], ['d_name', 'struct qstr'],
  ['d_inode', 'struct inode *'], ['d_iname', 'u8[32]'], ['d_sb', 'struct super_block *'],
]); // prettier-ignore
def('vfsmount', [
  ['mnt_root', 'struct dentry *'],
  ['mnt_sb', 'struct super_block *'],
  ['mnt_flags', 's32'],
]);
def('path', [
  ['mnt', 'struct vfsmount *'],
  ['dentry', 'struct dentry *'],
]);
def('file', [
  ['f_path', 'struct path'], ['f_inode', 'struct inode *'], ['f_flags', 'u32'], ['f_mode', 'u32'], ['f_pos', 's64'],
  ['private_data', 'ptr'],
]); // prettier-ignore
def('fdtable', [
  ['max_fds', 'u32'],
  ['fd', 'ptr'],
]);
def('files_struct', [
  ['count', 's32'],
  ['fdt', 'struct fdtable *'],
]);
def('fs_struct', [
  ['users', 's32'],
  ['root', 'struct path'],
  ['pwd', 'struct path'],
]);

// ---- tasks ----
def('task_struct', [
  ['__state', 'u32'], ['stack', 'ptr'], ['usage', 's32'], ['flags', 'u32'], ['on_cpu', 's32'], ['cpu', 'u32'],
  ['prio', 's32'], ['static_prio', 's32'], ['normal_prio', 's32'], ['policy', 'u32'], ['mm', 'struct mm_struct *'],
  ['active_mm', 'struct mm_struct *'], ['exit_state', 's32'], ['exit_code', 's32'], ['exit_signal', 's32'],
  ['pid', 's32'], ['tgid', 's32'], ['real_parent', 'struct task_struct *'], ['parent', 'struct task_struct *'],
  ['children', 'struct list_head'], ['sibling', 'struct list_head'], ['group_leader', 'struct task_struct *'],
  ['utime', 'u64'], ['stime', 'u64'], ['start_time', 'u64'], ['start_boottime', 'u64'],
  ['real_cred', 'struct cred *'], ['cred', 'struct cred *'], ['comm', 'char[16]'], ['fs', 'struct fs_struct *'],
  ['files', 'struct files_struct *'], ['nsproxy', 'struct nsproxy *'],
]); // prettier-ignore

// ---- networking ----
def('net_device', [
  ['name', 'char[16]'], ['state', 'ulong'], ['flags', 'u32'], ['ifindex', 's32'], ['mtu', 'u32'], ['type', 'u16'],
  ['addr_len', 'u8'], ['dev_addr', 'ptr'], ['promiscuity', 'u32'], ['num_rx_queues', 'u32'],
  ['num_tx_queues', 'u32'],
]); // prettier-ignore
def('sk_buff', [
  ['next', 'struct sk_buff *'], ['prev', 'struct sk_buff *'], ['dev', 'struct net_device *'],
  ['sk', 'struct sock *'], ['tstamp', 's64'], ['cb', 'char[48]'], ['len', 'u32'], ['data_len', 'u32'],
  ['mac_len', 'u16'], ['hdr_len', 'u16'], ['queue_mapping', 'u16'], [':bits0', 'u8'], [':bits1', 'u8'],
  ['tc_index', 'u16'], ['priority', 'u32'], ['skb_iif', 's32'], ['hash', 'u32'], ['vlan_proto', 'u16'],
  ['vlan_tci', 'u16'], ['mark', 'u32'], ['protocol', 'u16'], ['transport_header', 'u16'], ['network_header', 'u16'],
  ['mac_header', 'u16'], ['tail', 'u32'], ['end', 'u32'], ['head', 'ptr'], ['data', 'ptr'], ['truesize', 'u32'],
  ['users', 's32'],
]); // prettier-ignore
def('sock_common', [
  ['skc_daddr', 'u32'], ['skc_rcv_saddr', 'u32'], ['skc_hash', 'u32'], ['skc_dport', 'u16'], ['skc_num', 'u16'],
  ['skc_family', 'u16'], ['skc_state', 'u8'], [':bits0', 'u8'], ['skc_bound_dev_if', 's32'],
  ['skc_net', 'struct net *'], ['skc_v6_daddr', 'struct in6_addr'], ['skc_v6_rcv_saddr', 'struct in6_addr'],
  ['skc_cookie', 'u64'],
]); // prettier-ignore
def('sock', [
  ['__sk_common', 'struct sock_common'], ['sk_rcvbuf', 's32'], ['sk_sndbuf', 's32'], ['sk_wmem_queued', 's32'],
  ['sk_mark', 'u32'], ['sk_priority', 'u32'], ['sk_type', 'u16'], ['sk_protocol', 'u16'], ['sk_gso_max_segs', 'u16'],
  ['sk_shutdown', 'u8'], ['sk_lingertime', 'ulong'], ['sk_err', 's32'], ['sk_ack_backlog', 'u32'],
  ['sk_max_ack_backlog', 'u32'], ['sk_socket', 'struct socket *'], ['sk_stamp', 's64'],
]); // prettier-ignore
def('inet_sock', [
  ['sk', 'struct sock'], ['inet_saddr', 'u32'], ['uc_ttl', 's16'], ['inet_sport', 'u16'], ['inet_id', 'u16'],
  ['tos', 'u8'], ['min_ttl', 'u8'],
]); // prettier-ignore
def('socket', [
  ['type', 's16'],
  ['flags', 'ulong'],
  ['file', 'struct file *'],
  ['sk', 'struct sock *'],
]);

// ---- the block layer ----
def('block_device', [
  ['bd_start_sect', 'u64'],
  ['bd_dev', 'u32'],
  ['bd_disk', 'struct gendisk *'],
  ['bd_partno', 'u8'],
]);
def('gendisk', [
  ['major', 's32'], ['first_minor', 's32'], ['minors', 's32'], ['disk_name', 'char[32]'],
  ['part0', 'struct block_device *'], ['queue', 'struct request_queue *'],
]); // prettier-ignore
def('request_queue', [
  ['disk', 'struct gendisk *'],
  ['queue_flags', 'ulong'],
  ['nr_requests', 'u32'],
]);
def('bio', [
  ['bi_next', 'struct bio *'], ['bi_bdev', 'struct block_device *'], ['bi_opf', 'u32'], ['bi_flags', 'u16'],
  ['bi_sector', 'u64'], ['bi_size', 'u32'],
]); // prettier-ignore
def('request', [
  ['q', 'struct request_queue *'], ['cmd_flags', 'u32'], ['rq_flags', 'u32'], ['tag', 's32'],
  ['internal_tag', 's32'], ['timeout', 'u32'], ['__data_len', 'u32'], ['__sector', 'u64'], ['bio', 'struct bio *'],
  ['biotail', 'struct bio *'], ['rq_disk', 'struct gendisk *'], ['part', 'struct block_device *'],
  ['start_time_ns', 'u64'], ['io_start_time_ns', 'u64'],
]); // prettier-ignore
