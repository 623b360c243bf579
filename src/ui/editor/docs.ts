/**
 * Hover and completion data for the editor. The providers take plain {name, signature, doc}
 * items, so every source plugs in the same way: the instruction table (src/bpf/isa), helper
 * prototypes (src/bpf/helpers, when it lands) and the C-side names below.
 */
import { INSTRUCTION_TABLE } from '../../bpf/isa';

export type DocKind = 'helper' | 'macro' | 'section' | 'constant' | 'field' | 'instruction';

export interface DocItem {
  readonly name: string;
  readonly signature: string;
  readonly doc: string;
  readonly kind: DocKind;
  /** Text inserted on completion (defaults to name). */
  readonly insert?: string;
}

/** Instruction docs from THE instruction table: one item per mnemonic (variants listed together). */
export function isaDocItems(): DocItem[] {
  const byName = new Map<string, string[]>();
  for (const spec of INSTRUCTION_TABLE) {
    const lines = byName.get(spec.mnemonic) ?? [];
    lines.push(`${spec.meaning}${spec.version > 1 ? ` (cpu v${spec.version})` : ''}`);
    byName.set(spec.mnemonic, lines);
  }
  return [...byName].map(([name, lines]) => ({
    name,
    signature: name,
    doc: [...new Set(lines)].join('\n\n'),
    kind: 'instruction' as const,
  }));
}

const d = (kind: DocKind, name: string, signature: string, doc: string, insert?: string): DocItem => ({
  kind,
  name,
  signature,
  doc,
  ...(insert !== undefined ? { insert } : {}),
});

/** Section names, map-definition macros, return codes and context fields every program uses. */
export const C_DOCS: readonly DocItem[] = [
  d(
    'macro',
    'SEC',
    'SEC(name)',
    'Places a function or variable in an ELF section. The loader finds programs by section name, e.g. SEC("xdp"), and maps in SEC(".maps").',
    'SEC("$1")',
  ),
  d(
    'macro',
    '__uint',
    '__uint(name, value)',
    'In a BTF map definition: an integer attribute such as type, max_entries or map_flags.',
  ),
  d('macro', '__type', '__type(name, type)', 'In a BTF map definition: the C type of the key or value.'),
  d(
    'macro',
    '__array',
    '__array(name, type)',
    'In a BTF map definition: inner map prototype or tail-call program array.',
  ),
  d(
    'macro',
    'bpf_printk',
    'bpf_printk(fmt, args...)',
    'Formats up to 3 arguments into /sys/kernel/tracing/trace_pipe (the trace_pipe panel). Specifiers: %d %i %u %x %ld %lld %llu %llx %p %pI4 %pI6 %s %c.',
  ),
  d(
    'macro',
    'bpf_htons',
    'bpf_htons(x)',
    'Host to network byte order, 16 bits; constant-folded by clang for constants.',
  ),
  d('macro', 'bpf_ntohs', 'bpf_ntohs(x)', 'Network to host byte order, 16 bits.'),
  d('macro', 'bpf_htonl', 'bpf_htonl(x)', 'Host to network byte order, 32 bits.'),
  d('macro', 'bpf_ntohl', 'bpf_ntohl(x)', 'Network to host byte order, 32 bits.'),
  d(
    'section',
    'xdp',
    'SEC("xdp")',
    'XDP program: runs on each received packet before the kernel allocates an skb. Context: struct xdp_md. Returns an XDP action.',
  ),
  d(
    'section',
    'tc',
    'SEC("tc")',
    'TC classifier (sched_cls): runs on an skb at ingress or egress. Context: struct __sk_buff. Returns TC_ACT_*.',
  ),
  d(
    'section',
    'socket',
    'SEC("socket")',
    'Socket filter: returns how many bytes of the packet to keep (0 drops it). Context: struct __sk_buff.',
  ),
  d(
    'section',
    'cgroup_skb/ingress',
    'SEC("cgroup_skb/ingress")',
    'cgroup packet filter on receive: skb->data is the IP header, readable but not writable. Context: struct __sk_buff. Returns 1 to allow, 0 to drop.',
  ),
  d(
    'section',
    'cgroup_skb/egress',
    'SEC("cgroup_skb/egress")',
    'cgroup packet filter on send: like ingress, and may return 2 (drop) or 3 (allow) to signal congestion. Context: struct __sk_buff.',
  ),
  d(
    'section',
    'kprobe/',
    'SEC("kprobe/<function>")',
    'Runs when the kernel function is entered. Context: struct pt_regs.',
  ),
  d(
    'section',
    'kretprobe/',
    'SEC("kretprobe/<function>")',
    'Runs when the kernel function returns. Context: struct pt_regs.',
  ),
  d(
    'section',
    'tracepoint/',
    'SEC("tracepoint/<category>/<name>")',
    'Runs at a static kernel tracepoint; the context is the tracepoint’s record.',
  ),
  d(
    'section',
    'license',
    'SEC("license")',
    'The program’s license string. GPL-only helpers need a GPL-compatible license.',
  ),
  d('section', '.maps', 'SEC(".maps")', 'BTF-defined maps live in this section.'),
  d(
    'constant',
    'XDP_ABORTED',
    'XDP_ABORTED = 0',
    'Drop the packet and raise the xdp_exception tracepoint (an error path).',
  ),
  d('constant', 'XDP_DROP', 'XDP_DROP = 1', 'Drop the packet.'),
  d('constant', 'XDP_PASS', 'XDP_PASS = 2', 'Let the packet continue into the kernel network stack.'),
  d('constant', 'XDP_TX', 'XDP_TX = 3', 'Send the (possibly modified) packet back out of the interface it arrived on.'),
  d(
    'constant',
    'XDP_REDIRECT',
    'XDP_REDIRECT = 4',
    'Send the packet elsewhere, as chosen by bpf_redirect or bpf_redirect_map.',
  ),
  d('constant', 'TC_ACT_OK', 'TC_ACT_OK = 0', 'Let the packet continue.'),
  d('constant', 'TC_ACT_SHOT', 'TC_ACT_SHOT = 2', 'Drop the packet.'),
  d('constant', 'TC_ACT_REDIRECT', 'TC_ACT_REDIRECT = 7', 'Redirect the packet (bpf_redirect).'),
  d(
    'constant',
    'BPF_MAP_TYPE_HASH',
    'BPF_MAP_TYPE_HASH',
    'Hash table: any key, lookups by exact key; full when max_entries are used.',
  ),
  d(
    'constant',
    'BPF_MAP_TYPE_ARRAY',
    'BPF_MAP_TYPE_ARRAY',
    'Array indexed by a __u32 key 0..max_entries-1; every element exists and starts zeroed.',
  ),
  d('constant', 'BPF_MAP_TYPE_PERCPU_HASH', 'BPF_MAP_TYPE_PERCPU_HASH', 'Hash table with one value per CPU.'),
  d(
    'constant',
    'BPF_MAP_TYPE_PERCPU_ARRAY',
    'BPF_MAP_TYPE_PERCPU_ARRAY',
    'Array with one value per CPU: counters without atomics.',
  ),
  d(
    'constant',
    'BPF_MAP_TYPE_LRU_HASH',
    'BPF_MAP_TYPE_LRU_HASH',
    'Hash table that evicts the least recently used entry when full.',
  ),
  d(
    'constant',
    'BPF_MAP_TYPE_LPM_TRIE',
    'BPF_MAP_TYPE_LPM_TRIE',
    'Longest-prefix match on {prefixlen, data} keys; needs BPF_F_NO_PREALLOC.',
  ),
  d(
    'constant',
    'BPF_MAP_TYPE_RINGBUF',
    'BPF_MAP_TYPE_RINGBUF',
    'Ring buffer shared with user space: bpf_ringbuf_reserve/submit or bpf_ringbuf_output.',
  ),
  d('constant', 'BPF_MAP_TYPE_PROG_ARRAY', 'BPF_MAP_TYPE_PROG_ARRAY', 'Programs for bpf_tail_call.'),
  d(
    'field',
    'data',
    'xdp_md->data / __sk_buff->data',
    'Start of the packet. Cast via (void *)(long)ctx->data; compare with data_end before every read.',
  ),
  d(
    'field',
    'data_end',
    'xdp_md->data_end / __sk_buff->data_end',
    'One past the last byte of the packet. The verifier only allows reads proven to be below it.',
  ),
  d('field', 'data_meta', 'xdp_md->data_meta', 'Start of the metadata area before the packet (bpf_xdp_adjust_meta).'),
  d('field', 'ingress_ifindex', 'xdp_md->ingress_ifindex', 'Interface the packet arrived on.'),
  d('field', 'rx_queue_index', 'xdp_md->rx_queue_index', 'Receive queue the packet arrived on.'),
];

/** The item for a word (exact name, or a section prefix such as "kprobe/..."). */
export function findDoc(items: readonly DocItem[], word: string): DocItem | null {
  return (
    items.find((i) => i.name === word) ??
    items.find((i) => i.kind === 'section' && i.name.endsWith('/') && word.startsWith(i.name)) ??
    null
  );
}

/** Markdown for a hover card. */
export const hoverMarkdown = (item: DocItem): string[] => ['```c\n' + item.signature + '\n```', item.doc];
