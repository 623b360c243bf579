/** The BCC dialect: BCC-style C rewritten for libbpf and our clang, and a front for BCC Python scripts. */
export { isBccSource } from './detect';
export { rewriteBcc, type BccProgram, type BccRewrite, type BccRewriteOptions } from './rewrite';
export { BccError } from './tokens';
export type { BccMap } from './maps';
export { KERNEL_SAMPLE_HEADERS, PLAYGROUND_UAPI_HEADERS } from './includes';
export {
  parseBccScript,
  scriptPrinter,
  type BccScript,
  type ScriptAttachment,
  type ScriptBuffer,
  type ScriptPrinter,
} from './python';
