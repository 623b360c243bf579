/**
 * clang's fix-its (protocol Diagnostic.fixits) → editor edits, for the editor's quick fixes
 * (src/ui/editor/fixits.ts). Pure, so it is tested without Monaco.
 *
 * Each diagnostic or note that carries fix-its is one quick fix: its edits belong together (clang's
 * "place parentheses" note inserts "(" and ")"), while a diagnostic's notes are alternatives.
 * clang counts columns in UTF-8 bytes, editors in UTF-16 code units: columns are converted with
 * the line's text, so a fix after a non-ASCII character lands where clang meant.
 */
import type { Diagnostic, FixIt } from '../protocol';

/** 1-based, end exclusive, UTF-16 columns (Monaco's IRange + text). */
export interface EditorEdit {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly text: string;
}

export interface QuickFix {
  readonly title: string;
  /** The top-level diagnostic (the one with an editor marker) this fix answers. */
  readonly diagnostic: Diagnostic;
  readonly edits: readonly EditorEdit[];
  /** clang's own fix for an error or warning, as opposed to one of a note's alternatives. */
  readonly preferred: boolean;
}

/** The UTF-16 column of the character that starts at 1-based UTF-8 byte column `byteColumn` of `line`. */
export function utf16Column(line: string, byteColumn: number): number {
  let bytes = 0;
  let units = 0;
  for (const ch of line) {
    if (bytes >= byteColumn - 1) break;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  // Past the end of the line (clang may point one past it): count the rest as single bytes.
  return units + 1 + Math.max(0, byteColumn - 1 - bytes);
}

const inFile = (fileOfFix: string, file: string) => fileOfFix === file || fileOfFix.endsWith(`/${file}`);

function describe(f: FixIt, old: string): string {
  if (old === '') return `Insert '${f.text}'`;
  if (f.text === '') return `Remove '${old}'`;
  return `Replace '${old}' with '${f.text}'`;
}

/**
 * Quick fixes for `file` (e.g. "prog.c"); `lineText` gives the editor's current line (null past the
 * end). A fix touching a line that no longer exists is dropped rather than applied somewhere else.
 */
export function quickFixes(
  diagnostics: readonly Diagnostic[],
  file: string,
  lineText: (line: number) => string | null,
): QuickFix[] {
  const out: QuickFix[] = [];
  const add = (carrier: Diagnostic, top: Diagnostic) => {
    const fixits = (carrier.fixits ?? []).filter((f) => inFile(f.file, file));
    if (fixits.length === 0) return;
    const edits: EditorEdit[] = [];
    for (const f of fixits) {
      const start = lineText(f.line);
      const end = lineText(f.endLine);
      if (start === null || end === null) return;
      edits.push({
        startLineNumber: f.line,
        startColumn: utf16Column(start, f.column),
        endLineNumber: f.endLine,
        endColumn: utf16Column(end, f.endColumn),
        text: f.text,
      });
    }
    const only = edits.length === 1 ? edits[0]! : null;
    const old = only !== null && only.startLineNumber === only.endLineNumber ? replacedText(only, lineText) : null;
    const isNote = carrier !== top;
    const title =
      isNote || old === null
        ? `${carrier.message.charAt(0).toUpperCase()}${carrier.message.slice(1)}`
        : describe(fixits[0]!, old);
    out.push({ title, diagnostic: top, edits, preferred: !isNote });
  };
  for (const d of diagnostics) {
    add(d, d);
    for (const n of d.notes ?? []) add(n, d);
  }
  return out;
}

/** The text an edit on one line replaces. */
function replacedText(e: EditorEdit, lineText: (line: number) => string | null): string {
  return (lineText(e.startLineNumber) ?? '').slice(e.startColumn - 1, e.endColumn - 1);
}
