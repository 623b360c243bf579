// clang's fix-its → editor quick fixes (src/compiler/fixit-edits.ts), and the proof that matters:
// applying clang.wasm's own fix-it to a broken program makes it compile, also on a line with
// non-ASCII text before the fix (clang counts bytes, the editor UTF-16 units).
import { describe, expect, it } from 'vitest';
import { browserInput, compileProgram } from '../../src/compiler/compile';
import { type EditorEdit, quickFixes, utf16Column } from '../../src/compiler/fixit-edits';
import { getNodeClang, nodeSystemHeaders } from '../../src/compiler/node';
import { toCompileResult } from '../../src/compiler/protocol-map';
import type { Diagnostic } from '../../src/protocol';
import { HAS_CLANG_WASM, skipLoudly } from './toolchain';

/** Applies edits to text the way an editor does (later positions first, so earlier ones stay valid). */
function apply(text: string, edits: readonly EditorEdit[]): string {
  const lines = text.split('\n');
  const sorted = [...edits].sort((a, b) => b.startLineNumber - a.startLineNumber || b.startColumn - a.startColumn);
  for (const e of sorted) {
    if (e.startLineNumber !== e.endLineNumber) throw new Error('multi-line edit in a one-line test');
    const l = lines[e.startLineNumber - 1]!;
    lines[e.startLineNumber - 1] = l.slice(0, e.startColumn - 1) + e.text + l.slice(e.endColumn - 1);
  }
  return lines.join('\n');
}

const diag = (d: Partial<Diagnostic>): Diagnostic => ({
  source: 'clang',
  severity: 'error',
  message: 'm',
  file: 'prog.c',
  line: 1,
  column: 1,
  ...d,
});

describe('utf16Column', () => {
  it('converts clang byte columns to UTF-16 columns', () => {
    expect(utf16Column('return 0', 9)).toBe(9);
    expect(utf16Column('s = "é"; x', 10)).toBe(9); // é is 2 bytes, 1 unit
    expect(utf16Column('/* 🐝 */ x', 11)).toBe(9); // 🐝 is 4 bytes, 2 units
    expect(utf16Column('ab', 5)).toBe(5); // past the end
  });
});

describe('quickFixes', () => {
  const lines = ['int f(int x) {', '  if (x = 1)', '    return 0', '}'];
  const lineText = (l: number) => lines[l - 1] ?? null;
  const paren = diag({ severity: 'warning', line: 2, column: 9, message: 'using the result of an assignment' });
  const notes: Diagnostic[] = [
    diag({
      severity: 'note',
      line: 2,
      message: 'place parentheses around the assignment',
      fixits: [
        { file: 'prog.c', line: 2, column: 7, endLine: 2, endColumn: 7, text: '(' },
        { file: 'prog.c', line: 2, column: 12, endLine: 2, endColumn: 12, text: ')' },
      ],
    }),
    diag({
      severity: 'note',
      line: 2,
      message: "use '==' to turn this assignment into an equality comparison",
      fixits: [{ file: 'prog.c', line: 2, column: 9, endLine: 2, endColumn: 10, text: '==' }],
    }),
  ];
  const semicolon = diag({
    line: 3,
    column: 13,
    message: "expected ';' after return statement",
    fixits: [{ file: 'prog.c', line: 3, column: 13, endLine: 3, endColumn: 13, text: ';' }],
  });

  it("makes one fix per diagnostic or note, with the note's alternatives not preferred", () => {
    const fixes = quickFixes([{ ...paren, notes }, semicolon], 'prog.c', lineText);
    expect(fixes.map((f) => [f.title, f.preferred, f.diagnostic.line, f.edits.length])).toEqual([
      ['Place parentheses around the assignment', false, 2, 2],
      ["Use '==' to turn this assignment into an equality comparison", false, 2, 1],
      ["Insert ';'", true, 3, 1],
    ]);
    expect(apply(lines.join('\n'), fixes[0]!.edits).split('\n')[1]).toBe('  if ((x = 1))');
    expect(apply(lines.join('\n'), fixes[1]!.edits).split('\n')[1]).toBe('  if (x == 1)');
  });

  it('describes replacements and removals, and drops fixes for other files or vanished lines', () => {
    const fix = (text: string, column: number, endColumn: number, file = 'prog.c', line = 2) =>
      diag({ line, fixits: [{ file, line, column, endLine: line, endColumn, text }] });
    const fixes = quickFixes(
      [fix('y', 7, 8), fix('', 7, 9), fix(';', 1, 1, 'common.h'), fix(';', 1, 1, 'prog.c', 9)],
      'prog.c',
      lineText,
    );
    expect(fixes.map((f) => f.title)).toEqual(["Replace 'x' with 'y'", "Remove 'x '"]);
  });
});

describe.skipIf(skipLoudly('fix-its from clang.wasm', HAS_CLANG_WASM, 'clang.wasm is not built'))(
  'clang.wasm fix-its',
  () => {
    it('applying the fix-it clang proposes makes the program compile', async () => {
      const source = 'int f(void) {\n  const char *s = "é🐝"; return 0\n}\n';
      const clang = await getNodeClang();
      const compile = async (text: string) =>
        toCompileResult(
          await compileProgram(clang.module, browserInput(text, 'prog.c', {}, new Map()), nodeSystemHeaders()),
          'prog.c',
        );
      const broken = await compile(source);
      expect(broken.object).toBeNull();
      const fixes = quickFixes(broken.diagnostics, 'prog.c', (l) => source.split('\n')[l - 1] ?? null);
      expect(fixes.map((f) => f.title)).toEqual(["Insert ';'"]);
      const fixed = apply(source, fixes[0]!.edits);
      expect(fixed.split('\n')[1]).toBe('  const char *s = "é🐝"; return 0;');
      expect((await compile(fixed)).object).not.toBeNull();
    });
  },
);
