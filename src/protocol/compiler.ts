/** The compiler worker's API (the worker itself arrives with clang.wasm, issue 5). */

export type OptLevel = 0 | 1 | 2 | 3;
export type CpuVersion = 'v1' | 'v2' | 'v3' | 'v4';

export interface CompileOptions {
  readonly optLevel: OptLevel;
  readonly cpu: CpuVersion;
  /** -g: BTF and line info (the UI's source interleaving needs it). */
  readonly debugInfo: boolean;
  /** -D NAME[=VALUE] */
  readonly defines: readonly string[];
}

export type Severity = 'error' | 'warning' | 'note' | 'info';

/**
 * A change clang proposes (-fdiagnostics-parseable-fixits): replace line:column up to endLine:endColumn
 * (1-based, end exclusive, columns in bytes of the line's UTF-8 as clang counts them) with `text`;
 * an empty range is an insertion.
 */
export interface FixIt {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

/** One message for the editor, from clang, the loader or the verifier. Lines and columns are 1-based. */
export interface Diagnostic {
  readonly source: 'clang' | 'loader' | 'verifier' | 'runtime';
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly notes?: readonly Diagnostic[];
  /** clang's "fatal error" (severity stays 'error'): it stopped compiling here, later errors are missing. */
  readonly fatal?: boolean;
  /** Edits clang proposes for this diagnostic (offered as quick fixes in the editor). */
  readonly fixits?: readonly FixIt[];
}

export interface CompileResult {
  /** The BPF ELF object, or null when clang reported errors or crashed. */
  readonly object: Uint8Array | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when clang itself failed (internal crash, out of memory) rather than the program. */
  readonly crash: string | null;
  readonly durationMs: number;
}

export type CompilerStatus =
  | { readonly state: 'loading'; readonly loadedBytes: number; readonly totalBytes: number | null }
  | { readonly state: 'ready'; readonly version: string }
  | { readonly state: 'unavailable'; readonly reason: string };

export type CompilerMethods = {
  status: { request: null; response: CompilerStatus };
  compile: {
    request: {
      readonly source: string;
      readonly fileName: string;
      readonly options: CompileOptions;
      /** Files beside the source for "quoted" includes, by path relative to it (a seed's network.h). */
      readonly files?: Readonly<Record<string, string>>;
    };
    response: CompileResult;
  };
};

/** Event the compiler worker posts while clang.wasm downloads: data is CompilerStatus. */
export const COMPILER_STATUS_EVENT = 'compiler-status';
