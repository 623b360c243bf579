/**
 * Plain-words explanations of the kernel's rejections, with the fix that usually works. The kernel
 * text stays verbatim in the result; these only add the "why".
 */
import { UNPRIVILEGED_RULES, type ExplainRule as Rule } from './explain-unprivileged';

const RULES: Rule[] = [
  ...UNPRIVILEGED_RULES,
  {
    kind: 'null-pointer',
    match: /^R(\d+) invalid mem access '(\w+)_or_null'/,
    explain: (m) =>
      `R${m[1]} may be NULL here: check the result of the call that produced it (for example bpf_map_lookup_elem) with "if (!p) return ...;" before using it.`,
  },
  {
    kind: 'scalar-deref',
    match: /^R(\d+) invalid mem access 'scalar'/,
    explain: (m) =>
      `R${m[1]} holds a plain number, not a pointer the verifier knows, so it cannot be dereferenced. Use pointers you got from the context, the stack, a map lookup or a checked packet pointer.`,
  },
  {
    kind: 'bad-deref',
    match: /^R(\d+) invalid mem access '([\w_]+)'/,
    explain: (m) => `R${m[1]} is a ${m[2]} pointer, which programs may not read or write through.`,
  },
  {
    kind: 'uninit-reg',
    match: /^R(\d+) !read_ok/,
    explain: (m) =>
      `R${m[1]} is read before anything was written to it on this path. Every register except R1 (the context) and R10 (the frame pointer) starts uninitialised, and calls clobber R1-R5.`,
  },
  {
    kind: 'fp-write',
    match: /^frame pointer is read only/,
    explain: () =>
      'R10 is the frame pointer and cannot be changed; copy it to another register first ("r2 = r10; r2 += -8").',
  },
  {
    kind: 'packet-bounds',
    match: /^R(\d+) offset is outside of the packet/,
    explain: (m) =>
      `The access through R${m[1]} is not covered by a bounds check. Compare "data + offset + size" against data_end (and bail out when it is greater) before reading those bytes.`,
  },
  {
    kind: 'map-value-bounds',
    match: /^R(\d+) (min|max) value is outside of the allowed memory range/,
    explain: (m) =>
      `The ${m[2] === 'min' ? 'lowest' : 'highest'} offset R${m[1]} can have here falls outside the map value. Check the index against the value size first (for example "if (i >= N) return 0;").`,
  },
  {
    kind: 'negative-index',
    match: /^R(\d+) min value is negative/,
    explain: (m) => `The offset added to R${m[1]} may be negative. Use an unsigned index or check "if (i < 0)" first.`,
  },
  {
    kind: 'unbounded-access',
    match: /unbounded memory access/,
    explain: () =>
      'The offset has no upper bound the verifier can see. Bound it with a comparison ("if (i < N)") or a mask ("i &= N - 1") right before the access.',
  },
  {
    kind: 'unreachable',
    match: /^unreachable insn (\d+)/,
    explain: (m) => `Instruction ${m[1]} can never run. The kernel refuses dead code; remove it.`,
  },
  {
    kind: 'jump-range',
    match: /^jump out of range from insn (\d+) to (-?\d+)/,
    explain: (m) => `Instruction ${m[1]} jumps to ${m[2]}, outside its function.`,
  },
  {
    kind: 'infinite-loop',
    match: /^infinite loop detected at insn (\d+)/,
    explain: (m) =>
      `The program came back to instruction ${m[1]} in exactly the same state, so this loop never ends. Make the loop variable change and compare it against a constant bound.`,
  },
  {
    kind: 'back-edge',
    match: /^back-edge from insn/,
    explain: () => 'Unprivileged programs may not contain loops at all.',
  },
  {
    kind: 'too-large',
    match: /^BPF program is too large/,
    explain: () =>
      'The verifier walked 1,000,000 instructions without finishing. Loops with large or unknown bounds are the usual cause; lower the bound or restructure the loop.',
  },
  {
    kind: 'stack-bounds',
    match: /^invalid (?:variable-offset )?(?:write to|read from|indirect access to) stack/,
    explain: () => 'This stack access is outside the 512-byte frame (offsets -512..-1 from R10).',
  },
  {
    kind: 'stack-uninit',
    match: /^invalid (?:indirect )?read from stack/,
    explain: () =>
      'These stack bytes were never written. Initialise the variable (e.g. "= {}") before reading it or passing it to a helper.',
  },
  {
    kind: 'ctx-access',
    match: /^invalid bpf_context access off=(\d+) size=(\d+)/,
    explain: (m) =>
      `Offset ${m[1]} (size ${m[2]}) is not a field this program type may access in its context struct, or not with this size; read fields with their declared type.`,
  },
  {
    kind: 'gpl',
    match: /^cannot call GPL-restricted function/,
    explain: () => 'This helper is only for GPL-compatible programs. Declare char LICENSE[] SEC("license") = "GPL";.',
  },
  {
    kind: 'helper-type',
    match: /^R(\d+) type=([\w_]+) expected=(.*)/,
    explain: (m) => `Argument R${m[1]} of this helper must be one of: ${m[3]}; it is ${m[2]}.`,
  },
  {
    kind: 'helper-unavailable',
    match: /^program of this type cannot use helper ([\w_]+)/,
    explain: (m) => `${m[1]} is not available to this program type.`,
  },
  {
    kind: 'pointer-arith',
    match: /pointer arithmetic|pointer.*prohibited|math between/,
    explain: () =>
      'This arithmetic on a pointer is not allowed. Only adding or subtracting bounded scalars to pointers into memory the verifier tracks is permitted.',
  },
  {
    kind: 'return-range',
    match: /^At program exit/,
    explain: () => 'This program type must return a value in the stated range.',
  },
  {
    kind: 'leak',
    match: /leaks addr/,
    explain: () =>
      'Unprivileged programs may not expose kernel addresses (store pointers where user space can read them, or return them).',
  },
  {
    kind: 'stack-depth',
    match: /^combined stack size/,
    explain: () =>
      'The stack frames of the calling chain together exceed 512 bytes. Use smaller local variables or a per-CPU array map as scratch space.',
  },
];

export function explain(message: string): { kind: string; explanation: string } {
  for (const r of RULES) {
    const m = r.match.exec(message);
    if (m) return { kind: r.kind, explanation: r.explain(m) };
  }
  return {
    kind: 'other',
    explanation: 'The kernel rejected the program at this instruction; see the message and the state before it.',
  };
}
