/**
 * The verifier fuzzer in CI: a fixed seed and a small budget (see run-fuzz.ts for long runs).
 * Every program we accept must run without a fault in the interpreter and, where bpf() works,
 * be accepted by the kernel.
 */
import { describe, expect, it } from 'vitest';
import { describeFinding, runCampaign } from './campaign';
import { hasClang, kernelReady } from './oracle';
import { runUnprivilegedCampaign } from './unprivileged';
import { unprivilegedStatus } from '../verifier/support/kernel';

const SEED = 20251;
const RUNS = 250;

if (!hasClang)
  console.warn('\n!!! SKIPPING the verifier fuzzer: clang-19 (for its template object) is not installed !!!\n');

describe.skipIf(!hasClang)('verifier fuzzer (fixed seed)', () => {
  it(`${RUNS} generated programs: accepted ones never fault and the kernel accepts them too`, () => {
    const r = runCampaign(SEED, RUNS);
    if (r.kernelSkipped !== null) console.warn(`SKIPPING the kernel half of the fuzzer: ${r.kernelSkipped}`);
    for (const g of r.gaps) console.warn(`precision gap (we reject, the kernel accepts) ${describeFinding(g)}`);
    expect(r.failures.map(describeFinding)).toEqual([]);
    // The generator must keep producing both verdicts, or the property says little.
    expect(r.counts.accepted).toBeGreaterThan(RUNS / 10);
    expect(r.counts.rejected).toBeGreaterThan(RUNS / 10);
  });
});

const unpriv = hasClang ? unprivilegedStatus() : { ok: false as const, reason: 'clang-19 is not installed' };
const kbatch = unpriv.ok ? kernelReady() : unpriv;
if (!kbatch.ok) console.warn(`SKIPPING the unprivileged verifier fuzzer: ${kbatch.reason}`);

describe.skipIf(!kbatch.ok)('verifier fuzzer, unprivileged (fixed seed)', () => {
  it(`${RUNS} generated socket filters: what we accept without privileges, the kernel accepts as nobody`, () => {
    const r = runUnprivilegedCampaign(SEED, RUNS);
    expect(r.failures).toEqual([]);
    expect(r.accepted).toBeGreaterThan(RUNS / 20);
  });
});
