import { describe, expect, it } from 'vitest';
import { C_DOCS, findDoc, hoverMarkdown, isaDocItems } from './docs';
import { toMarkers } from './markers';

describe('editor docs', () => {
  it('has one instruction item per mnemonic of the instruction table', () => {
    const items = isaDocItems();
    const names = items.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    expect(findDoc(items, 'exit')?.doc).toBeTruthy();
  });
  it('finds section prefixes and renders a hover card', () => {
    expect(findDoc(C_DOCS, 'kprobe/do_sys_openat2')?.signature).toBe('SEC("kprobe/<function>")');
    expect(hoverMarkdown(findDoc(C_DOCS, 'XDP_DROP')!)).toEqual(['```c\nXDP_DROP = 1\n```', 'Drop the packet.']);
    expect(findDoc(C_DOCS, 'nothing')).toBeNull();
  });
});

describe('markers', () => {
  it('maps clang and verifier diagnostics onto the right lines', () => {
    const markers = toMarkers(
      [
        {
          source: 'clang',
          severity: 'error',
          message: "use of undeclared identifier 'x'",
          file: 'prog.c',
          line: 4,
          column: 9,
        },
        {
          source: 'verifier',
          severity: 'error',
          message: 'invalid access to packet',
          file: 'prog.c',
          line: 12,
          column: 0,
          notes: [
            {
              source: 'verifier',
              severity: 'note',
              message: 'check data + 14 <= data_end',
              file: 'prog.c',
              line: 12,
              column: 0,
            },
          ],
        },
        { source: 'clang', severity: 'warning', message: 'in a header', file: 'bpf/bpf_helpers.h', line: 1, column: 1 },
      ],
      'prog.c',
      () => 20,
    );
    expect(markers).toEqual([
      {
        severity: 8,
        message: "use of undeclared identifier 'x'",
        source: 'clang',
        startLineNumber: 4,
        startColumn: 9,
        endLineNumber: 4,
        endColumn: 10,
      },
      {
        severity: 8,
        message: 'invalid access to packet\nnote: check data + 14 <= data_end',
        source: 'verifier',
        startLineNumber: 12,
        startColumn: 1,
        endLineNumber: 12,
        endColumn: 21,
      },
    ]);
  });
});
