/** Assembler and disassembler for eBPF bytecode in the uBPF and llvm-objdump syntaxes. */
export { AsmError } from './errors';
export { assembleUbpf } from './ubpf-assemble';
export { assembleLlvm } from './llvm-assemble';
export { assemble, detectSyntax, type AsmSyntax } from './assemble';
export { formatInsn, disassemble, DEFAULT_SYNTAX, type FormatOptions } from './llvm-format';
export { formatUbpfInsn, disassembleUbpf } from './ubpf-format';
export { formatListing, symbolizer, type ListingOptions, type ListingRelocation, type ListingSymbol } from './listing';
export { decodeLeniently, type ListingEntry } from './lenient-decode';
export type { SyntaxOptions } from './llvm-templates';
