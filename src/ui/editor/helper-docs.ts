/**
 * Hover and completion docs for BPF helpers: the C signature from the playground's own
 * bpf_helper_defs.h, the prototype the verifier checks (src/bpf/helpers registry: argument kinds,
 * return kind, GPL-only, which program types may call it), and a one-line meaning for the common ones.
 */
import { allHelpers, type ArgType, type Helper, type RetType } from '../../bpf/helpers';
import type { DocItem } from './docs';

const MEANING: Readonly<Record<string, string>> = {
  bpf_map_lookup_elem: 'Looks up `key` in the map; returns a pointer to the value, or NULL when there is none.',
  bpf_map_update_elem:
    'Creates or updates the entry for `key` (flags: BPF_ANY, BPF_NOEXIST, BPF_EXIST). Returns 0 or a negative errno.',
  bpf_map_delete_elem: 'Deletes the entry for `key`. Returns 0 or a negative errno (-ENOENT when absent).',
  bpf_ktime_get_ns: 'Nanoseconds since boot (CLOCK_MONOTONIC, not counting suspend).',
  bpf_trace_printk:
    'Prints a formatted line to /sys/kernel/debug/tracing/trace_pipe (at most 3 arguments). Use the bpf_printk() macro.',
  bpf_get_prandom_u32: 'A pseudo-random 32-bit number.',
  bpf_get_smp_processor_id: 'The id of the CPU the program runs on.',
  bpf_get_current_pid_tgid: 'The current task: tgid (the process id) << 32 | pid (the thread id).',
  bpf_get_current_uid_gid: 'The current task: gid << 32 | uid.',
  bpf_get_current_comm: 'Copies the current task’s name (comm, 16 bytes) into the buffer.',
  bpf_xdp_adjust_head:
    'Moves xdp_md->data by `delta` bytes (negative grows the packet at the front). Invalidates packet pointers: re-read data and data_end.',
  bpf_xdp_adjust_tail: 'Moves xdp_md->data_end by `delta` bytes. Invalidates packet pointers.',
  bpf_xdp_adjust_meta: 'Moves xdp_md->data_meta by `delta` bytes to make room for metadata.',
  bpf_redirect: 'Redirects the packet to another interface; returns XDP_REDIRECT / TC_ACT_REDIRECT on success.',
  bpf_redirect_map: 'Redirects the packet through a devmap, cpumap or xskmap entry.',
  bpf_skb_load_bytes: 'Copies `len` bytes at `offset` of the packet into the buffer.',
  bpf_skb_store_bytes: 'Writes `len` bytes into the packet at `offset` (optionally updating the checksum).',
  bpf_l3_csum_replace: 'Incrementally fixes an L3 (IP) checksum after a field changed from `from` to `to`.',
  bpf_l4_csum_replace: 'Incrementally fixes an L4 (TCP/UDP) checksum after a field changed.',
  bpf_probe_read_kernel: 'Safely copies `size` bytes from a kernel address into the buffer.',
  bpf_probe_read_user: 'Safely copies `size` bytes from a user-space address into the buffer.',
  bpf_probe_read_kernel_str: 'Copies a NUL-terminated string from a kernel address.',
  bpf_probe_read_user_str: 'Copies a NUL-terminated string from a user-space address.',
  bpf_ringbuf_output: 'Copies `size` bytes into the ring buffer as one record.',
  bpf_ringbuf_reserve: 'Reserves `size` bytes in the ring buffer; returns a pointer or NULL. Submit or discard it.',
  bpf_ringbuf_submit: 'Publishes a reserved ring buffer record.',
  bpf_ringbuf_discard: 'Drops a reserved ring buffer record.',
  bpf_perf_event_output: 'Sends `size` bytes to user space through a perf event array.',
  bpf_tail_call: 'Jumps to the program at `index` of a prog_array map; does not return on success.',
  bpf_map_push_elem: 'Pushes a value onto a queue or stack map.',
  bpf_map_pop_elem: 'Pops a value from a queue or stack map.',
  bpf_map_peek_elem: 'Reads the next value of a queue or stack map without removing it.',
  bpf_loop: 'Calls `callback_fn(index, ctx)` up to `nr_loops` times; the callback returns 1 to stop.',
  bpf_csum_diff: 'Computes a checksum difference between two buffers (for incremental checksum updates).',
  bpf_snprintf: 'Formats a string into a buffer, like snprintf with an array of u64 arguments.',
  bpf_get_hash_recalc: 'The packet’s flow hash, computed if needed.',
  bpf_skb_vlan_push: 'Adds a VLAN tag to the packet.',
  bpf_skb_vlan_pop: 'Removes the outer VLAN tag.',
  bpf_get_stackid: 'Records the current stack in a stack_trace map; returns its id.',
  bpf_ktime_get_boot_ns: 'Nanoseconds since boot including suspend (CLOCK_BOOTTIME).',
  bpf_jiffies64: 'The kernel’s jiffies counter.',
};

const ARG_WORDS: Readonly<Record<ArgType, string>> = {
  ARG_ANYTHING: 'any value',
  ARG_CONST_MAP_PTR: 'a map (`&name`)',
  ARG_PTR_TO_MAP_KEY: 'pointer to an initialised key (stack or map value)',
  ARG_PTR_TO_MAP_VALUE: 'pointer to an initialised value',
  'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE': 'pointer to memory the helper fills with a value',
  ARG_PTR_TO_CTX: 'the program’s context pointer, unmodified',
  'ARG_PTR_TO_MEM|MEM_RDONLY': 'pointer to initialised memory the helper reads',
  'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE': 'pointer to memory the helper writes',
  'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY': 'pointer to readable memory, or NULL',
  'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_UNINIT|MEM_WRITE': 'pointer to writable memory, or NULL',
  'ARG_PTR_TO_MEM|MEM_ALIGNED|MEM_RDONLY|PTR_MAYBE_NULL': 'pointer to 8-byte aligned readable memory, or NULL',
  'ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE': 'a record from bpf_ringbuf_reserve (released by this call)',
  ARG_PTR_TO_CONST_STR: 'pointer to a constant string in read-only data',
  ARG_PTR_TO_SPIN_LOCK: 'pointer to a struct bpf_spin_lock in a map value',
  ARG_PTR_TO_FUNC: 'a static BPF function (a callback)',
  'ARG_PTR_TO_STACK|PTR_MAYBE_NULL': 'pointer to the stack, or NULL',
  ARG_CONST_SIZE: 'size of the previous buffer: a constant or a bounded value, > 0',
  ARG_CONST_SIZE_OR_ZERO: 'size of the previous buffer: a constant or a bounded value, may be 0',
  ARG_CONST_ALLOC_SIZE_OR_ZERO: 'number of bytes to allocate: a constant',
};

const RET_WORDS: Readonly<Record<RetType, string>> = {
  RET_INTEGER: 'an integer (often 0 or a negative errno)',
  RET_VOID: 'nothing',
  RET_PTR_TO_MAP_VALUE_OR_NULL: 'a map value pointer or NULL — check it before use',
  RET_PTR_TO_RINGBUF_MEM_OR_NULL: 'a pointer to reserved memory or NULL — check it before use',
};

/** `static long (* const bpf_x)(args) = (void *) N;` → name → {id, C signature}. */
export function parseHelperDefs(text: string): Map<string, { id: number; signature: string }> {
  const out = new Map<string, { id: number; signature: string }>();
  const re = /^static (.+?)\(\* const (bpf_\w+)\)\((.*)\) = \(void \*\) (\d+);$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const ret = m[1]!.trim();
    out.set(m[2]!, { id: Number(m[4]), signature: `${ret}${ret.endsWith('*') ? '' : ' '}${m[2]}(${m[3]})` });
  }
  return out;
}

function programTypes(h: Helper): string {
  return h.proto.programTypes === 'all' ? 'every program type' : h.proto.programTypes.join(', ');
}

export function helperDoc(h: Helper, signature: string | null): DocItem {
  const lines = [
    MEANING[h.name] ?? '',
    `**Helper #${h.id}** · returns ${RET_WORDS[h.proto.ret]}`,
    h.proto.args.length === 0
      ? 'No arguments.'
      : h.proto.args.map((a, i) => `- r${i + 1}: ${ARG_WORDS[a]} \`${a}\``).join('\n'),
    `Callable from: ${programTypes(h)}${h.proto.gplOnly ? ' · **GPL-only** (needs a GPL-compatible LICENSE)' : ''}.`,
  ].filter((l) => l !== '');
  return { kind: 'helper', name: h.name, signature: signature ?? `${h.name}(…)`, doc: lines.join('\n\n') };
}

/** Every helper the simulator implements, plus the header's others (marked as not simulated). */
export function helperDocItems(helperDefs: string): DocItem[] {
  const defs = parseHelperDefs(helperDefs);
  const implemented = allHelpers();
  const items = implemented.map((h) => helperDoc(h, defs.get(h.name)?.signature ?? null));
  const known = new Set(implemented.map((h) => h.name));
  for (const [name, def] of defs) {
    if (known.has(name)) continue;
    items.push({
      kind: 'helper',
      name,
      signature: def.signature,
      doc: `${MEANING[name] ?? ''}\n\n**Helper #${def.id}** · not implemented by the playground’s simulator yet: a program calling it loads in the kernel but cannot run here.`.trim(),
    });
  }
  return items;
}
