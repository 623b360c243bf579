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
