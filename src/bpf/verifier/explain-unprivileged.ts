/** Plain-words explanations for the rules the kernel applies only to loaders without CAP_BPF. */
export interface ExplainRule {
  kind: string;
  match: RegExp;
  explain: (m: RegExpExecArray) => string;
}

const SPECTRE =
  'Without CAP_BPF the kernel masks pointer arithmetic against speculative execution (Spectre v1), which it can do only';

export const UNPRIVILEGED_RULES: ExplainRule[] = [
  {
    kind: 'unpriv-prog-type',
    match: /^BPF program load failed: -EPERM/,
    explain: () =>
      'Without CAP_BPF (root) the kernel loads only socket filters and cgroup_skb programs: bpf() refuses every other program type with EPERM before its verifier runs. Load it as root, or write it as a socket filter.',
  },
  {
    kind: 'unpriv-mixed-sign-offset',
    match: /^R(\d+) has unknown scalar with mixed signed bounds/,
    explain: (m) =>
      `${SPECTRE} when the offset's sign is known. R${m[1]} may be negative or positive here: bound it to one sign first (for example "idx &= 7" on an unsigned index).`,
  },
  {
    kind: 'unpriv-pointer-type',
    match: /^R(\d+) has pointer with unsupported alu operation/,
    explain: (m) =>
      `${SPECTRE} for stack and map value pointers; R${m[1]} is another kind of pointer. Add a constant instead of a register, or keep this pointer unmoved.`,
  },
  {
    kind: 'unpriv-paths',
    match: /^R(\d+) tried to (add|sub) from different maps, paths or scalars/,
    explain: () =>
      `${SPECTRE} with one mask per instruction, and the paths reaching this instruction need different ones (different maps, or offsets with different bounds). Bound the offset the same way on every path, or do the arithmetic separately on each path.`,
  },
  {
    kind: 'unpriv-out-of-range',
    match: /goes out of range, prohibited for !root|tried to (add|sub) beyond pointer bounds/,
    explain: () =>
      'Without CAP_BPF a pointer may not even point outside its object (stack frame or map value), although it is not dereferenced there. Check the offset before adding it.',
  },
  {
    kind: 'unpriv-variable-stack',
    match: /^R(\d+) variable stack access prohibited for !root/,
    explain: () =>
      'Without CAP_BPF a stack pointer may only move by constants. Use a fixed offset, or a small array map as scratch memory indexed by the variable.',
  },
];
