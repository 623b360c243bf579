// clang's stderr → structured diagnostics, on output recorded from native clang-19 with the
// playground's exact flags (fixtures/diagnostics/*.stderr; re-checked against clang-19 below).
import { describe, expect, it } from 'vitest';
import {
  countErrors,
  formatDiagnostics,
  parseClangDiagnostics,
  unescapeClangString,
} from '../../src/compiler/diagnostics';
import { nodeSystemHeaders } from '../../src/compiler/node';
import { DIAGNOSTIC_CASES, recordedStderr } from './diagnostic-cases';
import { compileNative } from './native';
import { CLANG19, skipLoudly } from './toolchain';

const parse = (name: string) => parseClangDiagnostics(recordedStderr(name));

describe('parseClangDiagnostics on real clang-19 output', () => {
  it('errors: include stack, ranges, fix-its and macro notes', () => {
    const { diagnostics, unparsed } = parse('errors');
    expect(unparsed).toEqual([]);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      ['./errors.h', 1, 38, 'error', 'expected expression'],
      ['errors.c', 4, 12, 'error', "no member named 'b' in 'struct s'"],
      ['errors.c', 4, 16, 'error', "use of undeclared identifier 'undeclared_thing'"],
      ['errors.c', 6, 26, 'error', "expected ';' after return statement"],
      ['errors.c', 8, 22, 'error', "use of undeclared identifier 'nope'"],
    ]);
    const [inHeader, member, , semicolon, macro] = diagnostics;
    expect(inHeader!.includedFrom).toEqual([{ file: 'errors.c', line: 1 }]);
    expect(member!.includedFrom).toEqual([]);
    expect(member!.ranges).toEqual([{ startLine: 4, startColumn: 9, endLine: 4, endColumn: 10 }]);
    expect(member!.snippet).toEqual([
      '    4 |         return p->b + undeclared_thing;',
      '      |                 ~  ^',
    ]);
    expect(semicolon!.fixits).toEqual([
      { file: 'errors.c', range: { startLine: 6, startColumn: 26, endLine: 6, endColumn: 26 }, replacement: ';' },
    ]);
    expect(macro!.notes.map((n) => [n.file, n.line, n.column, n.severity, n.message])).toEqual([
      ['errors.c', 7, 21, 'note', "expanded from macro 'M'"],
    ]);
    expect(countErrors(diagnostics)).toBe(5);
  });

  it('warnings: -W option split off, notes carry their own fix-its, several ranges', () => {
    const { diagnostics, unparsed } = parse('warnings');
    expect(unparsed).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.option])).toEqual([
      [6, 9, 'warning', '-Wparentheses'],
      [3, 6, 'warning', '-Wunused-variable'],
      [5, 20, 'warning', '-Wsign-compare'],
    ]);
    const [parens, unused, sign] = diagnostics;
    expect(parens!.message).toBe('using the result of an assignment as a condition without parentheses');
    expect(parens!.fixits).toEqual([]);
    expect(parens!.notes.map((n) => n.fixits.map((f) => f.replacement))).toEqual([['(', ')'], ['==']]);
    expect(parens!.notes[1]!.fixits[0]!.range).toEqual({ startLine: 6, startColumn: 9, endLine: 6, endColumn: 10 });
    expect(unused!.message).toBe("unused variable 'unused'");
    expect(sign!.ranges).toHaveLength(2);
    expect(countErrors(diagnostics)).toBe(0);
  });

  it('fatal errors are their own severity', () => {
    const { diagnostics } = parse('fatal');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'fatal.c',
      line: 2,
      column: 10,
      severity: 'fatal',
      message: "'nothere.h' file not found",
    });
    expect(countErrors(diagnostics)).toBe(1);
  });

  it('BPF backend errors, multi-line messages and notes without excerpts', () => {
    expect(parse('backend').diagnostics.map((d) => d.message)).toEqual(['stack arguments are not supported']);
    const { diagnostics, unparsed } = parse('stack');
    expect(unparsed).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.notes.length])).toEqual([
      [4, 15, 'error', 0],
      [4, 9, 'error', 1],
      [1, 5, 'error', 1],
    ]);
    expect(diagnostics[1]!.message).toMatch(/^Looks like the BPF stack limit is exceeded\. .*-bpf-stack-size\.$/);
    expect(diagnostics[2]!.notes[0]!.snippet).toEqual([]);
  });

  it('diagnostics without a location (driver and option warnings)', () => {
    const { diagnostics } = parse('unknown-warning');
    expect(diagnostics[0]).toMatchObject({
      file: null,
      line: 0,
      column: 0,
      severity: 'warning',
      message: "unknown warning option '-Wno-such-warning'; did you mean '-Wno-#warnings'?",
      option: '-Wunknown-warning-option',
    });
    const driver = parseClangDiagnostics(
      "clang: error: unknown argument: '-fnope'\nerror: unknown target CPU 'v9'\nnote: valid target CPU values are: generic, v1, v2, v3, v4, probe\n",
    );
    expect(driver.diagnostics.map((d) => [d.file, d.severity, d.message, d.notes.length])).toEqual([
      [null, 'error', "unknown argument: '-fnope'", 0],
      [null, 'error', "unknown target CPU 'v9'", 1],
    ]);
  });

  it('keeps what it cannot parse', () => {
    const r = parseClangDiagnostics('PLEASE submit a bug report\nStack dump:\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.unparsed).toEqual(['PLEASE submit a bug report', 'Stack dump:']);
  });

  it('formats diagnostics back the way clang prints them (minus range info, fix-its and blank lines)', () => {
    for (const c of DIAGNOSTIC_CASES) {
      const stderr = recordedStderr(c.name);
      const withoutRanges = stderr
        .replace(/^(\S.*?:\d+:\d+:)(?:\{[^ ]*\}:)/gm, '$1')
        .replace(/^fix-it:.*\n/gm, '')
        .replace(/\n\n+/g, '\n');
      expect(formatDiagnostics(parseClangDiagnostics(stderr).diagnostics), c.name).toBe(withoutRanges);
    }
  });
});

describe('unescapeClangString (llvm::raw_ostream::write_escaped)', () => {
  it('undoes backslash, quote, newline, tab and octal escapes', () => {
    expect(unescapeClangString(String.raw`a\\b\"c\nd\te\001\303\251`)).toBe('a\\b"c\nd\te\u0001é');
  });
});

describe.skipIf(skipLoudly('recorded diagnostics vs live clang-19', CLANG19 !== null, 'clang-19 is not installed'))(
  'recorded fixtures are what clang-19 prints today',
  () => {
    for (const c of DIAGNOSTIC_CASES) {
      it(c.name, () => {
        expect(compileNative(c.input, nodeSystemHeaders()).stderr).toBe(recordedStderr(c.name));
      });
    }
  },
);
