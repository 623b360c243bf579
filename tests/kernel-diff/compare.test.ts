/** The differential comparison itself: what counts as a difference and how it reads. */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/bpf/session/report';
import { diffReports } from './compare';

const base: RunReport = {
  verifier: { accepted: true, error: null, log: '' },
  runs: [{ retval: 2, packet: '00112233', trace: ['a'] }, { error: 'EINVAL: failed to run program: Invalid argument' }],
  maps: {
    h: {
      type: 'hash',
      entries: [
        { key: '01', value: 'aa' },
        { key: '02', value: 'bb' },
      ],
    },
    a: {
      type: 'array',
      entries: [
        { key: '00000000', value: '01' },
        { key: '01000000', value: '02' },
      ],
    },
  },
};

describe('diffReports', () => {
  it('finds nothing in identical reports, ignoring hash order and error wording', () => {
    const ours: RunReport = {
      ...base,
      runs: [base.runs[0]!, { error: 'EINVAL: a 10-byte packet is shorter than an Ethernet header' }],
      maps: { ...base.maps, h: { type: 'hash', entries: [...base.maps.h!.entries].reverse() } },
    };
    expect(diffReports(base, ours, ['p1', 'p2'])).toEqual([]);
  });

  it('names each difference: retval, packet byte, trace line, errno, map order of arrays, missing maps', () => {
    const ours: RunReport = {
      verifier: base.verifier,
      runs: [{ retval: 1, packet: '00112299', trace: ['b'] }, { error: 'EFAULT: x' }],
      maps: { a: { type: 'array', entries: [...base.maps.a!.entries].reverse() } },
    };
    const diffs = diffReports(base, ours, ['p1', 'p2']);
    expect(diffs[0]).toBe('run 1 (p1): retval kernel 2, ours 1');
    expect(diffs[1]).toMatch(/^run 1 \(p1\): packet out differs, first difference at byte 3/);
    expect(diffs[2]).toBe('run 1 (p1): trace line 1: kernel "a", ours "b"');
    expect(diffs[3]).toMatch(/^run 2 \(p2\): kernel error .*, ours "EFAULT: x"/);
    expect(diffs).toContain('map h: only in the kernel');
    expect(diffs).toContain('map a: entry 0: key kernel 00000000, ours 01000000');
  });

  it('stops at a verifier disagreement', () => {
    const ours: RunReport = { ...base, verifier: { accepted: false, error: { insn: 3, message: 'no' }, log: 'no' } };
    expect(diffReports(base, ours, [])).toEqual(['verifier: kernel accepted, ours rejected (no)']);
  });
});
