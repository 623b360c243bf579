/** `ebpf-playground traffic`: the totals as text and the documented --json shape (clang-19 builds the fixture). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trafficCommand } from '../../src/cli/commands/traffic';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING traffic CLI tests: clang-19 is not installed !!!\n');

const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-traffic-cli-'));
const HEADERS = join(import.meta.dirname, '../../src/compiler/headers/include');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await trafficCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe.skipIf(!hasClang)('traffic command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const object = join(dir, 'traffic_probe.o');
  if (hasClang) {
    const src = join(import.meta.dirname, 'fixtures/traffic_probe.c');
    execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', HEADERS, '-c', src, '-o', object]);
  }

  it('prints the documented JSON: verdicts, classes and maps add up', async () => {
    const mix = '3 ipv4-tcp-syn sport=1000-1999, 1 ipv4-udp-dns';
    const { code, out } = await cli([object, '--packets', '2000', '--mix', mix, '--rate', '1000', '--seed', '4', '--json']); // prettier-ignore
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(['verifier', 'engine', 'packets', 'rate_pps', 'seed', 'elapsed_ms', 'packets_per_second', 'simulated_ns', 'verdicts', 'classes', 'first_error', 'trace_lines', 'maps']); // prettier-ignore
    expect(r.packets).toBe(2000);
    expect(r.simulated_ns).toBe(2_000_000_000);
    expect(r.engine).toEqual({ engine: 'jit', reason: null });
    const udp = r.classes.find((c: { label: string }) => c.label === 'ipv4-udp-dns').count;
    expect(r.verdicts).toEqual([
      { name: 'XDP_PASS', retval: 2, count: 2000 - udp },
      { name: 'XDP_DROP', retval: 1, count: udp },
    ]);
    const slot = (key: string) =>
      Number(Buffer.from(r.maps.proto_count.entries.find((e: { key: string }) => e.key === key).value, 'hex').readBigUInt64LE()); // prettier-ignore
    expect(slot('11000000')).toBe(udp);
    expect(slot('06000000')).toBe(2000 - udp);
  });

  it('prints totals as text and refuses bad options', async () => {
    const { code, out } = await cli([object, '--packets', '500']);
    expect(code).toBe(0);
    expect(out).toMatch(/^500 packets in [\d.]+ s: [\d,]+ packets\/s with the JIT/);
    expect(out).toMatch(/XDP_DROP/);
    await expect(cli([object, '--packets', '0'])).rejects.toThrow(/--packets must be a positive integer/);
    expect(await cli([object, '--mix', '1 nope', '--json'])).toMatchObject({ code: 1, out: expect.stringMatching(/no packet preset 'nope'/) }); // prettier-ignore
  });
});
