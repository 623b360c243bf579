/** Builds the BPF C program that runs every printk case once, recording each return value. */
import { POINTEES, type PrintkCase } from './printk-cases';

function cString(text: string): string {
  return `"${[...text].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}""`)).join('')}"`;
}

function cArg(arg: PrintkCase['args'][number]): string {
  if (typeof arg === 'string') return `(long)${arg}`;
  return `(long)${BigInt.asIntN(64, BigInt(arg))}LL`;
}

export function printkProgram(cases: PrintkCase[]): string {
  const globals = Object.entries(POINTEES).map(
    ([name, bytes]) => `__u8 ${name}[${bytes.length}] = {${bytes.join(', ')}};`,
  );
  const calls = cases.map((c, i) => {
    const args = [...c.args.map(cArg), '0', '0', '0'].slice(0, Math.max(3, 0)).slice(0, 3);
    return `{ static const char f[] = ${cString(c.fmt)}; rec(${i}, bpf_trace_printk(f, sizeof(f), ${args.join(', ')})); }`;
  });
  return `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, ${cases.length}); __type(key, __u32); __type(value, __s64); } results SEC(".maps");
${globals.join('\n')}
static __always_inline void rec(__u32 i, __s64 v) { __s64 *r = bpf_map_lookup_elem(&results, &i); if (r) *r = v; }
SEC("xdp") int run(struct xdp_md *ctx) {
  ${calls.join('\n  ')}
  return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
`;
}
