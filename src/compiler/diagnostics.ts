/**
 * Parses clang's stderr (run with -fno-color-diagnostics -fdiagnostics-parseable-fixits
 * -fdiagnostics-print-source-range-info) into structured diagnostics, and prints them back the
 * way clang does.
 *
 * The shapes handled, all taken from real clang 19 output (see tests/compiler/diagnostics.test.ts):
 *   prog.c:5:12:{5:9-5:10}: error: no member named 'b' in 'struct s'
 *   prog.c:1:19: warning: unused variable 'y' [-Wunused-variable]
 *   In file included from prog.c:1:            (and "                 from a.h:2:")
 *   ./a.h:1:38: fatal error: 'x.h' file not found
 *   prog.c:8:21: note: expanded from macro 'M'  (attached to the diagnostic before it)
 *   fix-it:"prog.c":{7:26-7:26}:";"
 *   error: unknown target CPU 'v9'              (no location; also "clang: error: …")
 *       5 |         return p->b;               (source excerpt and caret lines)
 *   17 errors generated.
 * Lines that fit none of these continue the previous message (the BPF backend's stack-limit
 * error spans lines) until its excerpt starts; anything else is kept in `unparsed`.
 */
import type { ClangDiagnostic, ClangSeverity, FixIt, IncludeLocation, SourceRange } from './types';

const SEVERITY = '(fatal error|error|warning|note|remark)';
const LOCATED = new RegExp(String.raw`^(.*?):(\d+):(?:(\d+):)?(?:((?:\{\d+:\d+-\d+:\d+\})+):)? ${SEVERITY}: (.*)$`);
const UNLOCATED = new RegExp(String.raw`^(?:[\w.+-]+: )?${SEVERITY}: (.*)$`);
const INCLUDED_FIRST = /^In file included from (.+):(\d+):$/;
const INCLUDED_MORE = /^ +from (.+):(\d+):$/;
const FIXIT = /^fix-it:"((?:[^"\\]|\\.)*)":\{(\d+):(\d+)-(\d+):(\d+)\}:"((?:[^"\\]|\\.)*)"$/;
const SNIPPET = /^ *\d* \|( |$)/;
const SUMMARY = /^\d+ (?:error|warning)s?(?: and \d+ (?:error|warning)s?)? generated\.$/;
const OPTION = / \[(-[WR][^\]\s]*)\]$/;
const RANGE = /\{(\d+):(\d+)-(\d+):(\d+)\}/g;

interface Mutable {
  file: string | null;
  line: number;
  column: number;
  severity: ClangSeverity;
  message: string;
  option: string | null;
  ranges: SourceRange[];
  notes: Mutable[];
  fixits: FixIt[];
  includedFrom: IncludeLocation[];
  snippet: string[];
}

export interface ParsedDiagnostics {
  readonly diagnostics: readonly ClangDiagnostic[];
  /** Lines that were not diagnostics (crash dumps, stray output). */
  readonly unparsed: readonly string[];
}

/** Undoes llvm::raw_ostream::write_escaped (\\, \", \n, \t and three-digit octal). */
export function unescapeClangString(s: string): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      bytes.push(...enc.encode(c));
      continue;
    }
    const n = s[++i]!;
    if (n === 'n') bytes.push(10);
    else if (n === 't') bytes.push(9);
    else if (/[0-7]/.test(n) && /^[0-7]{3}$/.test(s.slice(i, i + 3))) {
      bytes.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(...enc.encode(n));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const severityOf = (s: string): ClangSeverity => (s === 'fatal error' ? 'fatal' : (s as ClangSeverity));

function parseRanges(text: string | undefined): SourceRange[] {
  if (text === undefined) return [];
  return [...text.matchAll(RANGE)].map((m) => ({
    startLine: Number(m[1]),
    startColumn: Number(m[2]),
    endLine: Number(m[3]),
    endColumn: Number(m[4]),
  }));
}

function splitOption(message: string): { message: string; option: string | null } {
  const m = OPTION.exec(message);
  return m === null ? { message, option: null } : { message: message.slice(0, m.index), option: m[1]! };
}

export function parseClangDiagnostics(stderr: string): ParsedDiagnostics {
  const top: Mutable[] = [];
  const unparsed: string[] = [];
  let includes: IncludeLocation[] = [];
  /** The diagnostic whose excerpt/fix-its/continuation lines come next (a top-level one or a note). */
  let current: Mutable | null = null;
  let parent: Mutable | null = null;

  const start = (d: Mutable): void => {
    if (d.severity === 'note' && parent !== null) parent.notes.push(d);
    else {
      top.push(d);
      parent = d.severity === 'note' ? null : d;
    }
    current = d;
    includes = [];
  };

  const lines = stderr.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let m: RegExpExecArray | null;
    if ((m = INCLUDED_FIRST.exec(line)) !== null) {
      includes = [{ file: m[1]!, line: Number(m[2]) }];
      current = null;
    } else if ((m = INCLUDED_MORE.exec(line)) !== null && includes.length > 0) {
      includes.push({ file: m[1]!, line: Number(m[2]) });
    } else if ((m = LOCATED.exec(line)) !== null) {
      start({
        file: m[1]!,
        line: Number(m[2]),
        column: m[3] === undefined ? 0 : Number(m[3]),
        severity: severityOf(m[5]!),
        ...splitOption(m[6]!),
        ranges: parseRanges(m[4]),
        notes: [],
        fixits: [],
        includedFrom: includes,
        snippet: [],
      });
    } else if ((m = UNLOCATED.exec(line)) !== null) {
      start({
        file: null,
        line: 0,
        column: 0,
        severity: severityOf(m[1]!),
        ...splitOption(m[2]!),
        ranges: [],
        notes: [],
        fixits: [],
        includedFrom: includes,
        snippet: [],
      });
    } else if ((m = FIXIT.exec(line)) !== null && current !== null) {
      (current as Mutable).fixits.push({
        file: unescapeClangString(m[1]!),
        range: { startLine: Number(m[2]), startColumn: Number(m[3]), endLine: Number(m[4]), endColumn: Number(m[5]) },
        replacement: unescapeClangString(m[6]!),
      });
    } else if (SUMMARY.test(line)) {
      current = null;
      parent = null;
    } else if (current !== null && SNIPPET.test(line)) {
      (current as Mutable).snippet.push(line);
    } else if (
      current !== null &&
      (current as Mutable).snippet.length === 0 &&
      (current as Mutable).fixits.length === 0
    ) {
      (current as Mutable).message += `\n${line}`;
    } else if (line.trim() !== '') {
      unparsed.push(line);
    }
  }
  const finish = (d: Mutable): ClangDiagnostic => ({
    ...d,
    message: d.message.replace(/\s+$/, ''),
    notes: d.notes.map(finish),
  });
  return { diagnostics: top.map(finish), unparsed };
}

export const countErrors = (diagnostics: readonly ClangDiagnostic[]): number =>
  diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal').length;

function formatOne(d: ClangDiagnostic, out: string[]): void {
  for (const [i, inc] of d.includedFrom.entries()) {
    out.push(`${i === 0 ? 'In file included from' : '                     from'} ${inc.file}:${inc.line}:`);
  }
  const loc = d.file === null ? '' : `${d.file}:${d.line}:${d.column > 0 ? `${d.column}:` : ''} `;
  const sev = d.severity === 'fatal' ? 'fatal error' : d.severity;
  out.push(`${loc}${sev}: ${d.message}${d.option === null ? '' : ` [${d.option}]`}`);
  out.push(...d.snippet);
  for (const n of d.notes) formatOne(n, out);
}

/** Renders diagnostics as clang prints them (without the range info), with clang's summary line. */
export function formatDiagnostics(diagnostics: readonly ClangDiagnostic[]): string {
  const out: string[] = [];
  for (const d of diagnostics) formatOne(d, out);
  const errors = countErrors(diagnostics);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (warnings > 0 && errors > 0) out.push(`${plural(warnings, 'warning')} and ${plural(errors, 'error')} generated.`);
  else if (errors > 0) out.push(`${plural(errors, 'error')} generated.`);
  else if (warnings > 0) out.push(`${plural(warnings, 'warning')} generated.`);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
