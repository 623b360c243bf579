/**
 * Types of the compiler's pure API (compile.ts). The worker maps them onto the UI protocol
 * (src/protocol/compiler.ts) in protocol-map.ts; Node callers (CLI, tests) use them directly.
 */

export type OptLevel = 0 | 1 | 2 | 3;
export type CpuVersion = 'v1' | 'v2' | 'v3' | 'v4';

export interface ClangOptions {
  /** -O0 … -O3; default 2. */
  readonly optLevel?: OptLevel;
  /** -mcpu; default v3. */
  readonly cpu?: CpuVersion;
  /** -g: DWARF, BTF and BTF line info; default true. */
  readonly debugInfo?: boolean;
  /** -D NAME or -D NAME=VALUE. */
  readonly defines?: readonly string[];
  /** -I DIR, as filesystem paths of the compile (relative ones resolve against the working directory). */
  readonly includeDirs?: readonly string[];
  /** -W flags without the -W: 'all', 'extra', 'error', 'no-unused-variable', … */
  readonly warnings?: readonly string[];
}

/** A file tree for one compile: absolute path (e.g. /src/prog.c) → contents. */
export type FileTree = ReadonlyMap<string, string | Uint8Array>;

export interface CompileInput {
  /** The file to compile, as it would be given on clang's command line (relative to `workingDirectory`, or absolute). */
  readonly entry: string;
  /** The user's files by absolute path: the entry and whatever it includes with "quotes" or via -I. */
  readonly files: FileTree;
  /** clang's -working-directory; default: the entry's directory. */
  readonly workingDirectory?: string;
  readonly options?: ClangOptions;
}

export type ClangSeverity = 'fatal' | 'error' | 'warning' | 'note' | 'remark';

/** 1-based; the end is exclusive (one past the last character), as clang prints it. */
export interface SourceRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FixIt {
  readonly file: string;
  readonly range: SourceRange;
  /** Text replacing the range (insertion when the range is empty). */
  readonly replacement: string;
}

export interface IncludeLocation {
  readonly file: string;
  readonly line: number;
}

export interface ClangDiagnostic {
  /** null for diagnostics without a location (driver errors, "unknown target CPU"). */
  readonly file: string | null;
  /** 1-based; 0 when clang gave no line. */
  readonly line: number;
  /** 1-based byte column; 0 when clang gave no column. */
  readonly column: number;
  readonly severity: ClangSeverity;
  /** Message text without the trailing "[-Wflag]"; multi-line messages keep their newlines. */
  readonly message: string;
  /** The warning flag that controls it, e.g. "-Wunused-variable", when clang names one. */
  readonly option: string | null;
  /** Highlighted source ranges (-fdiagnostics-print-source-range-info). */
  readonly ranges: readonly SourceRange[];
  /** Notes that clang printed right after this diagnostic. */
  readonly notes: readonly ClangDiagnostic[];
  readonly fixits: readonly FixIt[];
  /** "In file included from …" chain, innermost first. */
  readonly includedFrom: readonly IncludeLocation[];
  /** clang's source excerpt and caret lines, as printed. */
  readonly snippet: readonly string[];
}

export interface CompileOutput {
  /** The BPF ELF object, or null when clang reported errors or crashed. */
  readonly object: Uint8Array | null;
  readonly diagnostics: readonly ClangDiagnostic[];
  readonly stdout: string;
  readonly stderr: string;
  /** clang's exit status; null when it crashed. */
  readonly exitCode: number | null;
  /** Set when clang.wasm itself failed (trap, stack overflow, out of memory): "clang crashed (…)". */
  readonly crash: string | null;
  /** Instantiate + run, in ms. */
  readonly durationMs: number;
  /** The full argv clang ran with (argv[0] included). */
  readonly args: readonly string[];
}
