/**
 * syncBounds has a number-only path for values known to lie in [0, 2^32) (bounds.ts, syncBounds32).
 * It must give exactly what the bigint deduction gives: this compares the two on random register
 * states, narrow and wide, consistent and contradictory (a fixed seed, so failures reproduce).
 */
import { describe, expect, it } from 'vitest';
import { syncBounds, syncBoundsReference } from '../../src/bpf/verifier/bounds';
import type { Reg } from '../../src/bpf/verifier/reg';
import { randomReg, rng, text } from './support/random-reg';

describe('syncBounds number path', () => {
  it('matches the bigint deduction on 200,000 random states', () => {
    const next = rng(20261122);
    let mismatches = 0;
    let first = '';
    for (let n = 0; n < 200_000; n++) {
      const a = randomReg(next, { sync: false });
      const b: Reg = { ...a, varOff: { ...a.varOff } };
      const before = text(a);
      syncBounds(a);
      syncBoundsReference(b);
      if (text(a) !== text(b)) {
        mismatches++;
        first ||= `${before}\n  number path: ${text(a)}\n  reference:   ${text(b)}`;
      }
    }
    expect(first).toBe('');
    expect(mismatches).toBe(0);
  });
});
