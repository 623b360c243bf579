/**
 * Kernel-differential suite: every program in tests/verifier/cases is loaded into the running kernel
 * (the reference) and verified by ours; verdicts and the kernel's error message must match.
 * Adding a case is adding one file (see support/cases.ts for its header).
 */
import { describe, expect, it } from 'vitest';
import { compileCase, loadCases } from './support/cases';
import { kernelStatus, unprivilegedStatus } from './support/kernel';
import { compare } from './support/run-case';

const status = kernelStatus();
if (!status.ok) console.warn(`SKIPPING verifier differential suite: ${status.reason}`);

const unpriv = unprivilegedStatus();
if (status.ok && !unpriv.ok) console.warn(`SKIPPING unprivileged verifier cases: ${unpriv.reason}`);

const RUN_SLOW = process.env.VERIFIER_SLOW === '1';
const slow = loadCases().filter((c) => c.slow);
if (status.ok && !RUN_SLOW && slow.length)
  console.warn(`SKIPPING slow verifier cases (set VERIFIER_SLOW=1): ${slow.map((c) => c.name).join(', ')}`);

describe.skipIf(!status.ok)('verifier vs the running kernel', () => {
  for (const c of loadCases()) {
    const skip = (c.slow && !RUN_SLOW) || (c.unprivileged && !unpriv.ok);
    it.skipIf(skip)(`${c.name}: ${c.why}`, { timeout: c.slow ? 900_000 : undefined }, () => {
      const object = compileCase(c);
      const { kernel, ours } = compare(object, c.license, c.progType, c.unprivileged);
      // The case must still show what it claims to, on this kernel.
      expect(kernel.accepted ? 'accept' : 'reject', `kernel log:\n${kernel.log}`).toBe(c.expect);
      expect(
        { accepted: ours.accepted, message: ours.error?.message ?? '' },
        `our log:\n${ours.log}\nkernel log:\n${kernel.log}`,
      ).toEqual({
        accepted: kernel.accepted,
        message: kernel.message,
      });
    });
  }
});
