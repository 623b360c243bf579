/**
 * The runtime's core adapters over real objects: tests/e2e/fixtures compiled with native clang-19
 * (skipped loudly without it), loaded, disassembled, verified, run, stepped and edited.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPacket, PACKET_TEMPLATES } from '../bpf/inputs/packets';
import { CORE, type LoadedCore } from './core';
import { Session } from './session';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n*** runtime core tests SKIPPED: clang-19 is missing (apt-get install clang-19) ***\n');

const out = hasClang ? mkdtempSync(join(tmpdir(), 'runtime-core-')) : '';
function compile(name: string): Uint8Array {
  const path = join(out, `${name}.o`);
  execFileSync('clang-19', [
    ...['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', join(root, 'src/compiler/headers/include')],
    ...['-c', join(root, 'tests/e2e/fixtures', `${name}.c`), '-o', path],
  ]);
  return readFileSync(path);
}

const packet = (): Uint8Array => buildPacket(PACKET_TEMPLATES[0]!.spec);

describe.skipIf(!hasClang)('runtime core over clang-19 objects', () => {
  const load = (name: string) => CORE.loader!.load(compile(name), name);

  it('lists programs and maps and disassembles with C lines, jump targets and named relocations', () => {
    const { programs, maps, handle } = load('ttl_count');
    expect(programs).toEqual([{ name: 'ttl_count', section: 'xdp', kind: 'xdp', insnCount: expect.any(Number) }]);
    expect(maps.map((m) => [m.name, m.type, m.cpus])).toEqual([
      ['proto_seen', 'hash', 1],
      ['last_len', 'percpu_array', 4],
      ['.rodata', 'array', 1],
    ]);
    const lines = CORE.disassemble!(handle, 'ttl_count');
    expect(lines[0]).toMatchObject({ pc: 0, label: 'ttl_count' });
    expect(lines.some((l) => l.relocation === 'map proto_seen' && l.text.endsWith(' ll'))).toBe(true);
    expect(lines.some((l) => l.relocation === 'bpf_map_update_elem' && l.text === 'call 0x2')).toBe(true);
    const jump = lines.find((l) => l.target !== null)!;
    expect(jump.text).toMatch(/^if .* goto [+-]0x/);
    expect(lines.some((l) => l.source?.text.includes('ip->ttl--'))).toBe(true);
  });

  it('verifies, runs with verdict, packet out, kernel-format trace and maps, and steps on the VM', () => {
    const { handle } = load('ttl_count');
    expect(CORE.verify!(handle, 'ttl_count', true)).toMatchObject({ accepted: true, error: null });
    const report = CORE.run!(handle, 'ttl_count', true, [packet(), packet()], 1);
    const [first] = report.runs;
    expect(first).toMatchObject({ retval: 2n, verdict: 'XDP_PASS', error: null });
    expect(first!.packetOut[22]).toBe(first!.packetIn[22]! - 1); // the TTL
    expect(first!.trace[0]!.text).toMatch(
      /^ +bpftool-1000 +\[000\] b\.\.11 +\d+\.\d{6}: bpf_trace_printk: proto 6 ttl/,
    );
    const seen = report.maps.find((m) => m.name === 'proto_seen')!;
    expect(seen.entries).toEqual([{ key: '06000000', value: '0100000000000000', keyText: '6', valueText: '1' }]);
    const perCpu = report.maps.find((m) => m.name === 'last_len')!;
    expect(perCpu.entries[0]!.valueText).toEqual(['54', '0', '0', '0']);

    const rec = CORE.record!(handle, 'ttl_count', true, packet(), 1, 10_000);
    expect(rec.run.verdict).toBe('XDP_PASS');
    const last = rec.states[rec.states.length - 1]!;
    expect(last.retval).toBe(2n);
    expect(last.trace).toHaveLength(1);
    expect(rec.states[0]!.registers[1]!.pointer).toMatchObject({ offset: 0 });
    expect(rec.states[0]!.registers[10]!.pointer).toEqual({ region: 'fp', offset: 0 });
    expect(rec.states.some((s) => s.changed.length > 0)).toBe(true);
    expect(rec.states.every((s, i) => s.step === i && s.totalSteps === rec.states.length - 1)).toBe(true);
  });

  it('edits maps from user space and reports errno failures', () => {
    const { handle } = load('ttl_count');
    const maps = CORE.editMap!(handle, 'ttl_count', true, {
      map: 'proto_seen',
      op: 'update',
      key: '11000000',
      value: '0700000000000000',
    });
    expect(maps.find((m) => m.name === 'proto_seen')!.entries).toEqual([
      { key: '11000000', value: '0700000000000000', keyText: '17', valueText: '7' },
    ]);
    const after = CORE.editMap!(handle, 'ttl_count', true, { map: 'proto_seen', op: 'delete', key: '11000000' });
    expect(after.find((m) => m.name === 'proto_seen')!.entries).toEqual([]);
    expect(() =>
      CORE.editMap!(handle, 'ttl_count', true, { map: 'proto_seen', op: 'delete', key: '11000000' }),
    ).toThrow(/ENOENT/);
  });

  it('reports a verifier rejection with the failing instruction, C line, path and a marker', () => {
    const { handle } = load('unchecked');
    const v = CORE.verify!(handle, 'unchecked', true);
    expect(v.accepted).toBe(false);
    expect(v.log).toMatch(/invalid access to packet/);
    expect(v.error!.message).toMatch(/packet/);
    expect(v.error!.line).toBe('unchecked.c:12');
    expect(v.explanation).not.toBeNull();
    expect(v.path.length).toBeGreaterThan(0);
    expect(v.diagnostics[0]).toMatchObject({ source: 'verifier', line: 12, severity: 'error' });
    // The runtime refuses to run what the verifier rejected.
    const s = new Session<LoadedCore>(CORE);
    s.load({ object: compile('unchecked'), program: null, privileged: true });
    expect(s.run({ packets: [packet()], seed: 1 })).toMatchObject({ status: 'error', message: /rejected/ });
  });
});
