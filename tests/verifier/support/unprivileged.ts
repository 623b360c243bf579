/**
 * Unprivileged loads need kernel.unprivileged_bpf_disabled = 0. This machine keeps it at 2
 * (disabled, root may change it), so root opens it for one loader run at a time and restores it,
 * also on failure. A lock file serialises test processes, so one cannot restore the setting while
 * another is still loading.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const UNPRIV_SYSCTL = '/proc/sys/kernel/unprivileged_bpf_disabled';

/** A holder that died leaves its lock behind; one load takes far less than this. */
const STALE_MS = 120_000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

function withLock<T>(lock: string, fn: () => T): T {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 2 * STALE_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      if (lockAge(lock) > STALE_MS) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      else sleep(20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Runs `fn` with unprivileged bpf() enabled, then restores the machine's setting. */
export function withUnprivilegedBpf<T>(lock: string, fn: () => T): T {
  return withLock(lock, () => {
    const saved = readFileSync(UNPRIV_SYSCTL, 'utf8').trim();
    if (saved === '0') return fn();
    writeFileSync(UNPRIV_SYSCTL, '0');
    try {
      return fn();
    } finally {
      writeFileSync(UNPRIV_SYSCTL, saved);
    }
  });
}
