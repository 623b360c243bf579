/**
 * Whether a C source is written for BCC rather than libbpf. BCC programs declare maps with
 * BPF_HASH(...) and friends, include <bcc/...> headers, name probes kprobe__X, or simply have no
 * SEC() at all (BCC needs none; a libbpf program cannot work without one). <uapi/...> includes
 * are BCC's only without SEC(): the kernel's own samples (tracex1) include them too.
 */
const STRONG = [
  /\bBPF_(?:HASH|PERCPU_HASH|LRU_HASH|ARRAY|PERCPU_ARRAY|HISTOGRAM|PERF_OUTPUT|RINGBUF_OUTPUT)\s*\(/,
  /^[ \t]*#[ \t]*include[ \t]*<bcc\//m,
  /\b(?:kprobe|kretprobe|syscall)__\w+\s*\(/,
  /\bTRACEPOINT_PROBE\s*\(/,
  /\.\s*(?:perf_submit|ringbuf_output|lookup_or_try_init|increment|atomic_increment)\s*\(/,
];

/** libbpf sources always place programs with SEC(); BCC sources never need it. */
const LIBBPF = /\bSEC\s*\(|^[ \t]*#[ \t]*include[ \t]*[<"]bpf\/bpf_helpers\.h[>"]/m;

const UAPI_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*<uapi\//m;

/** A function definition: `name(...) {` at the start of a line's declaration. */
const FUNCTION = /\w+\s*\([^;{}]*\)\s*\{/;

export function isBccSource(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  if (STRONG.some((re) => re.test(code))) return true;
  if (LIBBPF.test(code)) return false;
  return UAPI_INCLUDE.test(code) || FUNCTION.test(code);
}
