/**
 * Stepped runs over a real clang-19 object with bpf-to-bpf calls (tests/e2e/fixtures/call_frames.c):
 * every frame's r6–r10 and stack, trace_pipe lines and map updates at the step that makes them, and
 * plain runs on the JIT. Skipped loudly without clang-19.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPacket, PACKET_TEMPLATES } from '../bpf/inputs/packets';
import { CORE } from './core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang)
  console.warn('\n*** runtime recording tests SKIPPED: clang-19 is missing (apt-get install clang-19) ***\n');

function compile(name: string): Uint8Array {
  const path = join(mkdtempSync(join(tmpdir(), 'runtime-recording-')), `${name}.o`);
  execFileSync('clang-19', [
    ...['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', join(root, 'src/compiler/headers/include')],
    ...['-c', join(root, 'tests/e2e/fixtures', `${name}.c`), '-o', path],
  ]);
  return readFileSync(path);
}

describe.skipIf(!hasClang)('stepped runs with call frames', () => {
  const packet = () => buildPacket(PACKET_TEMPLATES[0]!.spec);

  it('shows every frame, and trace lines and map changes at the step that made them', () => {
    const { handle } = CORE.loader!.load(compile('call_frames'), 'call_frames');
    const rec = CORE.record!(handle, 'call_frames', true, packet(), 1, 10_000);
    const { states } = rec;
    expect(states[states.length - 1]!.retval).toBe(2n);

    // Three frames deep inside note(), outermost first, each with r6-r10 and its own stack.
    const deepest = states.find((s) => s.frames.length === 3)!;
    expect(deepest.frames.map((f) => f.function)).toEqual(['call_frames', 'bump', 'note']);
    expect(deepest.frames.every((f) => f.registers.length === 5 && f.stack.length === 512)).toBe(true);
    expect(deepest.frames[1]!.returnPc).toBeGreaterThan(deepest.frames[0]!.pc);
    expect(deepest.frames.map((f) => f.registers[4]!.pointer?.region)).toEqual(['fp', 'fp[frame 1]', 'fp[frame 2]']);
    expect(deepest.stack).toBe(deepest.frames[2]!.stack);

    // The first line is printed mid-run, while the second bump() has not happened yet.
    const firstLine = states.findIndex((s) => s.trace.length === 1);
    const secondLine = states.findIndex((s) => s.trace.length === 2);
    expect(firstLine).toBeGreaterThan(0);
    expect(secondLine).toBeGreaterThan(firstLine);
    expect(states[firstLine]!.trace[0]!.message).toBe('note 120');
    expect(states[states.length - 1]!.trace.map((t) => t.message)).toEqual(['note 120', 'total 160', 'note 123']);

    // hits[0] is written before hits[1]: a state in between shows exactly that.
    const value = (i: number, slot: number) =>
      states[i]!.maps!.find((m) => m.name === 'hits')!.entries[slot]!.valueText;
    expect(value(0, 0)).toBe('0');
    expect(value(firstLine, 0)).toBe('120');
    expect(value(firstLine, 1)).toBe('0');
    expect(value(states.length - 1, 1)).toBe('123');
  });

  it('runs plain runs on the JIT and says so, with the same result as stepping', () => {
    const { handle } = CORE.loader!.load(compile('call_frames'), 'call_frames');
    const report = CORE.run!(handle, 'call_frames', true, [packet()], 1);
    expect(report.engine).toEqual({ engine: 'jit', fallback: null });
    expect(report.runs[0]).toMatchObject({ retval: 2n, verdict: 'XDP_PASS', error: null });
    const stepped = CORE.record!(handle, 'call_frames', true, packet(), 1, 10_000);
    expect(report.runs[0]!.instructions).toBe(stepped.states.length - 1);
  });

  it('drains ring buffer records after each packet run, as user space polling would', () => {
    const { handle } = CORE.loader!.load(compile('ringbuf_events'), 'ringbuf_events');
    const report = CORE.run!(handle, 'ringbuf_events', true, [packet(), packet()], 1);
    const length = packet().length.toString(16).padStart(2, '0');
    expect(report.runs.map((r) => r.events)).toEqual([
      [{ map: 'events', cpu: 0, data: `${length}000000`, text: `events: ${length}000000`, run: 0 }],
      [{ map: 'events', cpu: 0, data: `${length}000000`, text: `events: ${length}000000`, run: 1 }],
    ]);
  });
});
