/** `assemble(text)`: picks the syntax from the text itself, then assembles. */
import { assembleLlvm } from './llvm-assemble';
import { statements } from './source';
import { assembleUbpf } from './ubpf-assemble';

export type AsmSyntax = 'ubpf' | 'llvm';

const UBPF_HINT =
  /%r\d|^(?:lock|ld[a-z]*|st[a-z]*|[a-z]+32|mov|add|sub|mul|div|or|and|xor|lsh|rsh|arsh|neg|mod|ja|j[a-z]+|be\d+|le\d+)\b/i;
const LLVM_HINT = /=|\bgoto\b|\bgotol\b|\bcallx\b|\bld_pseudo\b|^if\b|^\s*\d+:\s/;

/**
 * The first line that can only belong to one syntax decides (`exit` and `call 1` read
 * the same in both). Text with no deciding line is taken as uBPF.
 */
export function detectSyntax(text: string): AsmSyntax {
  for (const s of statements(text)) {
    if (s.text === '') continue;
    if (LLVM_HINT.test(s.text)) return 'llvm';
    if (UBPF_HINT.test(s.text)) return 'ubpf';
  }
  return 'ubpf';
}

export function assemble(text: string, syntax: AsmSyntax = detectSyntax(text)): Uint8Array {
  return syntax === 'llvm' ? assembleLlvm(text) : assembleUbpf(text);
}
