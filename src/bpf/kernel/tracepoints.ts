/**
 * Tracepoints of the simulated kernel with the record layouts of Linux 6.18's format files
 * (/sys/kernel/tracing/events/CATEGORY/NAME/format; a test compares them field by field), the
 * arguments their raw_tracepoint form passes (TP_PROTO), and a record encoder.
 *
 * Records start with the common trace_entry header; `__data_loc` fields hold
 * (length << 16 | offset) of a string stored after the fixed part, as the kernel does.
 */
import { SYSCALLS } from './catalogue';
import { encodeFields, type FieldValue, type Layout, LayoutRegistry, type MemberSpec } from './layout';

export interface TracepointDef {
  readonly category: string;
  readonly name: string;
  /** Event id (common_type); the simulated kernel numbers its events itself. */
  readonly id: number;
  readonly layout: Layout;
  /** Field names that are __data_loc strings. */
  readonly dataLoc: readonly string[];
  /** Arguments of the raw tracepoint (what SEC("raw_tp/NAME") sees as ctx->args[i]). */
  readonly rawArgs: readonly string[];
}

export const TRACE_RECORDS = new LayoutRegistry();

const COMMON: MemberSpec[] = [
  ['common_type', 'u16'],
  ['common_flags', 'u8'],
  ['common_preempt_count', 'u8'],
  ['common_pid', 's32'],
];

const defs = new Map<string, TracepointDef>();

// __data_loc fields are u32s in the record.
TRACE_RECORDS.define('dataloc', [['v', 'u32']]);
const loc = 'struct dataloc';

function tp(key: string, members: MemberSpec[], rawArgs: string[]): void {
  const [category, name] = key.split(':') as [string, string];
  const layout = TRACE_RECORDS.define(key, [...COMMON, ...members]);
  const dataLoc = members.filter(([, type]) => type === loc).map(([n]) => n);
  defs.set(key, { category, name, id: 300 + defs.size, layout, dataLoc, rawArgs });
}

// The syscall arguments are stored as 8-byte unsigned longs whatever their C type.
for (const s of SYSCALLS.values()) {
  const args = s.params.map((p) => [p.name, 'u64'] as const);
  tp(`syscalls:sys_enter_${s.name}`, [['__syscall_nr', 's32'], ...args], ['struct pt_regs *regs', 'long id']);
  tp(
    `syscalls:sys_exit_${s.name}`,
    [
      ['__syscall_nr', 's32'],
      ['ret', 's64'],
    ],
    ['struct pt_regs *regs', 'long ret'],
  );
}
tp(
  'raw_syscalls:sys_enter',
  [
    ['id', 's64'],
    ['args', 'u64[6]'],
  ],
  ['struct pt_regs *regs', 'long id'],
);
tp(
  'raw_syscalls:sys_exit',
  [
    ['id', 's64'],
    ['ret', 's64'],
  ],
  ['struct pt_regs *regs', 'long ret'],
);

const exec: MemberSpec[] = [
  ['filename', loc],
  ['pid', 's32'],
  ['old_pid', 's32'],
];
tp('sched:sched_process_exec', exec, ['struct task_struct *p', 'pid_t old_pid', 'struct linux_binprm *bprm']);
const fork: MemberSpec[] = [
  ['parent_comm', loc],
  ['parent_pid', 's32'],
  ['child_comm', loc],
  ['child_pid', 's32'],
];
tp('sched:sched_process_fork', fork, ['struct task_struct *parent', 'struct task_struct *child']);
const exit: MemberSpec[] = [
  ['comm', 'u8[16]'],
  ['pid', 's32'],
  ['prio', 's32'],
  ['group_dead', 'u8'],
];
tp('sched:sched_process_exit', exit, ['struct task_struct *p', 'bool group_dead']);
const wakeNew: MemberSpec[] = [
  ['comm', 'u8[16]'],
  ['pid', 's32'],
  ['prio', 's32'],
  ['target_cpu', 's32'],
];
tp('sched:sched_wakeup_new', wakeNew, ['struct task_struct *p']);
const prev: MemberSpec[] = [
  ['prev_comm', 'u8[16]'],
  ['prev_pid', 's32'],
  ['prev_prio', 's32'],
  ['prev_state', 's64'],
];
const next: MemberSpec[] = [
  ['next_comm', 'u8[16]'],
  ['next_pid', 's32'],
  ['next_prio', 's32'],
];
const switchArgs = ['bool preempt', 'struct task_struct *prev', 'struct task_struct *next', 'unsigned int prev_state'];
tp('sched:sched_switch', [...prev, ...next], switchArgs);

const netDev: MemberSpec[] = [
  ['skbaddr', 'ptr'],
  ['len', 'u32'],
  ['name', loc],
];
tp('net:netif_receive_skb', netDev, ['struct sk_buff *skb']);
tp('net:net_dev_queue', netDev, ['struct sk_buff *skb']);

const rq: MemberSpec[] = [
  ['dev', 'u32'],
  ['sector', 'u64'],
  ['nr_sector', 'u32'],
];
const issue: MemberSpec[] = [
  ['bytes', 'u32'],
  ['ioprio', 'u16'],
  ['rwbs', 'u8[10]'],
  ['comm', 'u8[16]'],
  ['cmd', loc],
];
tp('block:block_rq_issue', [...rq, ...issue], ['struct request *rq']);
const complete: MemberSpec[] = [
  ['error', 's32'],
  ['ioprio', 'u16'],
  ['rwbs', 'u8[10]'],
  ['cmd', loc],
];
tp(
  'block:block_rq_complete',
  [...rq, ...complete],
  ['struct request *rq', 'blk_status_t error', 'unsigned int nr_bytes'],
);

const ports: MemberSpec[] = [
  ['sport', 'u16'],
  ['dport', 'u16'],
  ['family', 'u16'],
];
const addrs: MemberSpec[] = [
  ['saddr', 'u8[4]'],
  ['daddr', 'u8[4]'],
  ['saddr_v6', 'u8[16]'],
  ['daddr_v6', 'u8[16]'],
];
const retransmit: MemberSpec[] = [['skbaddr', 'ptr'], ['skaddr', 'ptr'], ['state', 's32'], ...ports, ...addrs];
const retransmitArgs = ['const struct sock *sk', 'const struct sk_buff *skb', 'int err'];
tp('tcp:tcp_retransmit_skb', [...retransmit, ['err', 's32']], retransmitArgs);
const setState: MemberSpec[] = [['skaddr', 'ptr'], ['oldstate', 's32'], ['newstate', 's32'], ...ports];
const setStateArgs = ['const struct sock *sk', 'const int oldstate', 'const int newstate'];
tp('sock:inet_sock_set_state', [...setState, ['protocol', 'u16'], ...addrs], setStateArgs);

export const TRACEPOINTS: ReadonlyMap<string, TracepointDef> = defs;

/** The definition of "category:name" (also accepted: "category/name"). */
export function tracepoint(key: string): TracepointDef | undefined {
  return defs.get(key.replace('/', ':'));
}

/**
 * The record of one hit: common header, `values` (numbers, byte arrays, NUL-padded strings), and
 * each __data_loc field's string after the fixed part.
 */
export function encodeRecord(
  def: TracepointDef,
  pid: number,
  values: Readonly<Record<string, FieldValue>>,
  strings: Readonly<Record<string, string>> = {},
): Uint8Array {
  let size = def.layout.size;
  const locs: Record<string, number> = {};
  for (const name of def.dataLoc) {
    const text = strings[name] ?? '';
    locs[name] = ((text.length + 1) << 16) | size;
    size += text.length + 1;
  }
  const bytes = new Uint8Array(Math.ceil(size / 8) * 8);
  const all = { common_type: def.id, common_pid: pid, ...values, ...locs };
  for (const { offset, bytes: b } of encodeFields(def.layout, all)) bytes.set(b, offset);
  for (const name of def.dataLoc) {
    const text = strings[name] ?? '';
    const at = (locs[name] ?? 0) & 0xffff;
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i) & 0xff;
  }
  return bytes;
}
