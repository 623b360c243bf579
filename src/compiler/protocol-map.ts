/**
 * Between the compiler's own types (types.ts) and the UI protocol (src/protocol/compiler.ts):
 * options in, { object, diagnostics, crash, durationMs } out. Diagnostics are shaped for one
 * editor file: clang's severities map onto the protocol's, ranges widen the marker, a problem
 * inside an included file is also shown at the #include line of the main file, and clang's
 * repeated identical messages (the BPF backend repeats some) appear once.
 */
import type { CompileOptions, CompileResult, Diagnostic, FixIt as WireFixIt, Severity } from '../protocol';
import type { ClangDiagnostic, ClangOptions, ClangSeverity, CompileOutput, FixIt } from './types';

/** The protocol's options, plus what the compiler accepts beyond them today. */
export type WireCompileOptions = CompileOptions & {
  readonly warnings?: readonly string[];
  readonly includeDirs?: readonly string[];
};

export function fromWireOptions(o: WireCompileOptions): ClangOptions {
  return {
    optLevel: o.optLevel,
    cpu: o.cpu,
    debugInfo: o.debugInfo,
    defines: o.defines,
    ...(o.warnings === undefined ? {} : { warnings: o.warnings }),
    ...(o.includeDirs === undefined ? {} : { includeDirs: o.includeDirs }),
  };
}

const SEVERITY: Record<ClangSeverity, Severity> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  note: 'note',
  remark: 'info',
};

const cleanFile = (f: string | null): string => (f === null ? '' : f.replace(/^(\.\/)+/, ''));

const wireFixIt = (f: FixIt): WireFixIt => ({
  file: cleanFile(f.file),
  line: f.range.startLine,
  column: f.range.startColumn,
  endLine: f.range.endLine,
  endColumn: f.range.endColumn,
  text: f.replacement,
});

function one(d: ClangDiagnostic): Diagnostic {
  let column = d.column;
  let endColumn: number | undefined;
  let endLine: number | undefined;
  if (d.column > 0) {
    // The marker covers the caret and every highlighted range on the caret's line.
    let start = d.column;
    let end = d.column + 1;
    for (const r of d.ranges) {
      if (r.startLine !== d.line || r.endLine !== d.line) continue;
      start = Math.min(start, r.startColumn);
      end = Math.max(end, r.endColumn);
    }
    column = start;
    endLine = d.line;
    endColumn = end;
  }
  const out: Diagnostic = {
    source: 'clang',
    severity: SEVERITY[d.severity],
    message: d.option === null ? d.message : `${d.message} [${d.option}]`,
    file: cleanFile(d.file),
    line: d.line,
    column,
    ...(endLine === undefined ? {} : { endLine, endColumn }),
    ...(d.notes.length === 0 ? {} : { notes: d.notes.map(one) }),
    ...(d.severity === 'fatal' ? { fatal: true } : {}),
    ...(d.fixits.length === 0 ? {} : { fixits: d.fixits.map(wireFixIt) }),
  };
  return out;
}

/** Protocol diagnostics for an editor showing `mainFile` (e.g. "prog.c"). */
export function toWireDiagnostics(diagnostics: readonly ClangDiagnostic[], mainFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const push = (d: Diagnostic) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.severity, d.message]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };
  for (const d of diagnostics) {
    const wire = one(d);
    push(wire);
    const outermost = d.includedFrom[d.includedFrom.length - 1];
    if (wire.file !== mainFile && outermost !== undefined && cleanFile(outermost.file) === mainFile) {
      push({
        ...wire,
        file: mainFile,
        line: outermost.line,
        column: 0,
        endLine: undefined,
        endColumn: undefined,
        message: `in included file ${wire.file}:${wire.line}:${wire.column}: ${wire.message}`,
      });
    }
  }
  return out;
}

export function toCompileResult(output: CompileOutput, mainFile: string): CompileResult {
  return {
    object: output.object,
    diagnostics: toWireDiagnostics(output.diagnostics, mainFile),
    crash: output.crash,
    durationMs: output.durationMs,
  };
}
