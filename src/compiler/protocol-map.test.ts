import { describe, expect, it } from 'vitest';
import { parseClangDiagnostics } from './diagnostics';
import { toWireDiagnostics } from './protocol-map';

const STDERR = `In file included from prog.c:2:
./common.h:1:38: error: expected expression
    1 |  static int helper(int x) { return x +; }
      |                                       ^
prog.c:4:12:{4:9-4:10}: error: no member named 'b' in 'struct s'
    4 |         return p->b;
      |                 ~  ^
prog.c:3:6:{3:6-3:12}: warning: unused variable 'unused' [-Wunused-variable]
    3 |         int unused;
      |              ^~~~~~
prog.c:9:5: fatal error: too many errors emitted, stopping now
prog.c:1:5: error: Looks like the BPF stack limit is exceeded.

prog.c:1:5: error: Looks like the BPF stack limit is exceeded.

error: unknown target CPU 'v9'
note: valid target CPU values are: generic, v1, v2, v3, v4, probe
4 errors generated.
`;

describe('toWireDiagnostics', () => {
  const wire = toWireDiagnostics(parseClangDiagnostics(STDERR).diagnostics, 'prog.c');

  it('maps severities, widens markers over the ranges and keeps the -W flag in the message', () => {
    expect(wire.map((d) => [d.file, d.line, d.column, d.endColumn, d.severity, d.message])).toEqual([
      ['common.h', 1, 38, 39, 'error', 'expected expression'],
      ['prog.c', 2, 0, undefined, 'error', 'in included file common.h:1:38: expected expression'],
      ['prog.c', 4, 9, 13, 'error', "no member named 'b' in 'struct s'"],
      ['prog.c', 3, 6, 12, 'warning', "unused variable 'unused' [-Wunused-variable]"],
      ['prog.c', 9, 5, 6, 'error', 'too many errors emitted, stopping now'],
      ['prog.c', 1, 5, 6, 'error', 'Looks like the BPF stack limit is exceeded.'],
      ['', 0, 0, undefined, 'error', "unknown target CPU 'v9'"],
    ]);
    expect(wire.every((d) => d.source === 'clang')).toBe(true);
    expect(wire.at(-1)!.notes).toEqual([
      expect.objectContaining({
        severity: 'note',
        message: 'valid target CPU values are: generic, v1, v2, v3, v4, probe',
      }),
    ]);
  });
});

// Recorded from clang-19 -fdiagnostics-parseable-fixits -fdiagnostics-print-source-range-info -Wall.
const FIXITS = `prog.c:2:9:{2:7-2:12}: warning: using the result of an assignment as a condition without parentheses [-Wparentheses]
    2 |   if (x = 1)
      |       ~~^~~
prog.c:2:9: note: place parentheses around the assignment to silence this warning
    2 |   if (x = 1)
      |         ^
      |       (    )
fix-it:"prog.c":{2:7-2:7}:"("
fix-it:"prog.c":{2:12-2:12}:")"
prog.c:2:9: note: use '==' to turn this assignment into an equality comparison
    2 |   if (x = 1)
      |         ^
      |         ==
fix-it:"prog.c":{2:9-2:10}:"=="
prog.c:3:13: error: expected ';' after return statement
    3 |     return 0
      |             ^
      |             ;
fix-it:"prog.c":{3:13-3:13}:";"
./f.h:1:10: fatal error: 'nope.h' file not found
1 warning and 2 errors generated.
`;

describe('fix-its and fatal errors on the wire', () => {
  const [paren, semicolon, fatal] = toWireDiagnostics(parseClangDiagnostics(FIXITS).diagnostics, 'prog.c');

  it('carries fix-its on the diagnostic (or note) clang attached them to', () => {
    expect(paren!.fixits).toBeUndefined();
    expect(paren!.notes!.map((n) => n.fixits)).toEqual([
      [
        { file: 'prog.c', line: 2, column: 7, endLine: 2, endColumn: 7, text: '(' },
        { file: 'prog.c', line: 2, column: 12, endLine: 2, endColumn: 12, text: ')' },
      ],
      [{ file: 'prog.c', line: 2, column: 9, endLine: 2, endColumn: 10, text: '==' }],
    ]);
    expect(semicolon!.fixits).toEqual([{ file: 'prog.c', line: 3, column: 13, endLine: 3, endColumn: 13, text: ';' }]);
  });

  it('marks fatal errors, which stay errors for the UI', () => {
    expect(fatal).toMatchObject({ file: 'f.h', severity: 'error', fatal: true, message: "'nope.h' file not found" });
    expect(semicolon!.fatal).toBeUndefined();
  });
});
