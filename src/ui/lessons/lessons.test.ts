/**
 * Every lesson step: the reference solution passes its check and the starter code does not, run
 * through the runtime's real check (objects from native clang-19 until clang.wasm is built).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CORE } from '../../runtime/core';
import { Session } from '../../runtime/session';
import { checkSpec, stepShareState, TRACKS } from '.';
import { encodeShareFragment, decodeShareLink } from '../../sharing';

const haveClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!haveClang) console.warn('\n*** lesson checks SKIPPED: clang-19 is missing (apt-get install clang-19) ***\n');
const include = fileURLToPath(new URL('../../compiler/headers/include', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compile(name: string, source: string): Uint8Array {
  const c = join(dir, `${name}.c`);
  writeFileSync(c, source);
  execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', include, '-c', c, '-o', `${c}.o`], {
    stdio: 'pipe',
  });
  return readFileSync(`${c}.o`);
}

describe('lesson tracks', () => {
  it('have a complete first track (8+ steps, unique ids, hints, prose) whose steps open as share links', () => {
    const track = TRACKS[0]!;
    expect(track.steps.length).toBeGreaterThanOrEqual(8);
    expect(new Set(track.steps.map((s) => s.id)).size).toBe(track.steps.length);
    expect(track.steps.some((s) => s.check.kind === 'attach')).toBe(true);
    track.steps.forEach((step, i) => {
      expect(step.hints.length).toBeGreaterThan(0);
      expect(step.prose.length).toBeGreaterThan(0);
      const state = stepShareState(track, i, step.starter);
      expect(decodeShareLink(`#${encodeShareFragment(state)}`).state).toEqual(state);
    });
  });

  for (const track of TRACKS) {
    for (const step of track.steps) {
      it.skipIf(!haveClang)(`${track.id}/${step.id}: the solution passes, the starter does not`, () => {
        const session = new Session(CORE);
        const run = (name: string, source: string) => {
          const r = session.check({ object: compile(`${step.id}-${name}`, source), program: null, privileged: true, check: checkSpec(step) }); // prettier-ignore
          if (r.status !== 'ok') throw new Error(`${step.id} ${name}: ${JSON.stringify(r)}`);
          return r.value;
        };
        const solved = run('solution', step.solution);
        expect(solved.items.filter((i) => !i.ok)).toEqual([]);
        expect(solved.passed).toBe(true);
        expect(run('starter', step.starter).passed).toBe(false);
      });
    }
  }
});
