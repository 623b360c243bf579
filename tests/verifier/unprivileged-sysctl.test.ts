/** The unprivileged loads' sysctl window: open only while loading, restored even when loading throws. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, unprivilegedStatus } from './support/kernel';
import { UNPRIV_SYSCTL, withUnprivilegedBpf } from './support/unprivileged';

const status = unprivilegedStatus();
if (!status.ok) console.warn(`SKIPPING the unprivileged sysctl window test: ${status.reason}`);

describe.skipIf(!status.ok)('unprivileged bpf() window', () => {
  it('opens the sysctl for the load and restores it when the load throws', () => {
    const read = (): string => readFileSync(UNPRIV_SYSCTL, 'utf8').trim();
    const before = read();
    const lock = join(ARTIFACTS, 'unprivileged-bpf.lock');
    expect(() =>
      withUnprivilegedBpf(lock, () => {
        expect(read()).toBe('0');
        throw new Error('load failed');
      }),
    ).toThrow('load failed');
    expect(read()).toBe(before);
  });
});
