import { describe, expect, it } from 'vitest';
import type { DisasmLine, LoadedObject, Stage } from '../../protocol';
import { keptBreakpoints, lineEntryPcs, stopPcs } from './breakpoints';

const insn = (pc: number, text: string, line: number | null): DisasmLine => ({
  pc,
  bytes: '',
  text,
  target: null,
  relocation: null,
  source: line === null ? null : { line, text: `line ${line}` },
});

const loaded = (lines: DisasmLine[]): Stage<LoadedObject> => ({
  status: 'ok',
  value: {
    origin: { kind: 'compiled' },
    programs: [],
    maps: [],
    program: 'p',
    disassembly: { status: 'ok', value: lines },
  },
});

const listing = [insn(0, 'r2 = 0', 3), insn(1, 'r3 = 1', 3), insn(2, 'call 0x6', 4), insn(3, 'r0 = 2', 3)];

describe('breakpoints', () => {
  it('stops where stepping enters a C line, plus the instruction breakpoints', () => {
    expect(lineEntryPcs(listing, 3)).toEqual([0, 3]);
    expect(lineEntryPcs(listing, 9)).toEqual([]);
    expect(stopPcs(listing, [2, 1], [3])).toEqual([0, 1, 2, 3]);
    expect(stopPcs(null, [2], [3])).toEqual([2]);
  });

  it('keeps instruction breakpoints only where the recompiled program has the same instruction', () => {
    const edited = [insn(0, 'r2 = 0', 3), insn(1, 'r3 = 7', 3), insn(2, 'call 0x6', 5)];
    expect(keptBreakpoints(loaded(listing), loaded(edited), [0, 1, 2, 3])).toEqual([0, 2]);
    // The first load after a reload has nothing to compare with: the saved ones stay.
    expect(keptBreakpoints(null, loaded(edited), [1, 3])).toEqual([1, 3]);
  });
});
