/**
 * Which helpers an unprivileged socket filter may call, asked of the kernel for every helper the
 * registry implements: each is called with its arguments unset, so the kernel either refuses the
 * helper itself or complains about an argument. Ours (privileged: false) must say the same.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allHelpers } from '../../src/bpf/helpers';
import { ARTIFACTS, kernelLoad, lastMessage, unprivilegedStatus } from './support/kernel';
import { runOurs } from './support/run-case';

const status = unprivilegedStatus();
if (!status.ok) console.warn(`SKIPPING unprivileged helper availability: ${status.reason}`);

function callObject(id: number): string {
  const dir = join(ARTIFACTS, 'unpriv-helpers');
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `call-${id}.s`);
  const body = `\tcall ${id}\n\tr0 = 0\n\texit\n`;
  const fn = `.globl prog\n.type prog,@function\nprog:\n${body}.size prog, .-prog\n`;
  writeFileSync(src, `.section "socket","ax"\n${fn}.section "license","aw"\n.asciz "GPL"\n`);
  const out = `${src}.o`;
  execFileSync('llvm-mc-19', ['-triple', 'bpfel', '-mcpu=v4', '-filetype=obj', '-o', out, src], { stdio: 'pipe' });
  return out;
}

describe.skipIf(!status.ok)('helpers an unprivileged socket filter may call', () => {
  it('match the kernel for every registry helper', () => {
    const diffs: string[] = [];
    for (const h of allHelpers()) {
      const k = kernelLoad(callObject(h.id), 1, undefined, { unprivileged: true });
      const kernel = k.loaded ? '' : lastMessage(k.log);
      const ours = runOurs(k, 'GPL', { privileged: false }).error?.message ?? '';
      if (ours !== kernel) diffs.push(`${h.name}#${h.id}: kernel "${kernel}", ours "${ours}"`);
    }
    expect(diffs).toEqual([]);
  });
});
