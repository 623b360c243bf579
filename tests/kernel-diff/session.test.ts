/**
 * Session behaviour that needs no kernel (only clang-19 to build corpus objects): map state across
 * runs, user-space edits, refused packets, rejected programs, program selection and --repeat.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEntry } from '../../src/bpf/maps';
import { loadObject } from '../../src/bpf/object';
import { createSession, type RunSuccess } from '../../src/bpf/session';
import { ALL_PACKETS, CORPUS_DIR, readPacket } from './corpus';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING session tests: clang-19 is not installed !!!\n');

const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-session-'));
const arch = hasClang ? execFileSync('uname', ['-m']).toString().trim() : '';

function build(name: string, source?: string) {
  const src = source === undefined ? join(CORPUS_DIR, `${name}.c`) : join(dir, `${name}.c`);
  if (source !== undefined) writeFileSync(src, source);
  const out = join(dir, `${name}.o`);
  const flags = ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', `-I/usr/include/${arch}-linux-gnu`, `-I${CORPUS_DIR}`];
  execFileSync('clang-19', [...flags, '-c', src, '-o', out]);
  return loadObject(readFileSync(out), { name });
}

const options = { cpus: 2, privileged: true, seed: 1 };
const udp = readPacket('ipv4-udp');
const ok = (r: unknown): RunSuccess => {
  if (typeof r !== 'object' || r === null || 'error' in r) throw new Error(`run failed: ${JSON.stringify(r)}`);
  return r as RunSuccess;
};

describe.skipIf(!hasClang)('session', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps map state across runs and sees user-space edits', () => {
    const s = createSession(build('xdp_array_count'), options);
    expect(s.verifier.accepted).toBe(true);
    ok(s.run(udp));
    ok(s.run(udp));
    expect(s.dumpMaps().counts!.entries[0]).toEqual({ key: '00000000', value: '0200000000000000' });
    const counts = s.maps.find((m) => m.name === 'counts')!.map;
    expect(writeEntry(counts, '00000000', '0a00000000000000')).toEqual({ ok: true });
    ok(s.run(udp));
    expect(s.dumpMaps().counts!.entries[0]!.value).toBe('0b00000000000000');
  });

  it('refuses packets BPF_PROG_TEST_RUN refuses, per program type', () => {
    const xdp = createSession(build('xdp_array_count'), options);
    expect(xdp.run(readPacket('short-10'))).toMatchObject({ error: expect.stringMatching(/^EINVAL: /) });
    expect(ok(xdp.run(readPacket('short-14'))).retval).toBe(2);
    const tc = createSession(build('tc_skb_fields'), options);
    expect(tc.run(readPacket('short-14'))).toMatchObject({ error: expect.stringMatching(/IPv4 frame needs/) });
    expect(ok(tc.run(readPacket('arp'))).trace[0]).toBe('len=42 proto=806 pkt_type=2');
  });

  it('runs the same packet n times with runRepeat and reports a duration', () => {
    const s = createSession(build('xdp_array_count'), {
      ...options,
      clockNs: (() => {
        let t = 0;
        return () => (t += 500);
      })(),
    });
    const r = ok(s.runRepeat(udp, 10));
    expect(r.duration_ns_avg).toBe(50);
    expect(s.dumpMaps().counts!.entries[0]!.value).toBe('0a00000000000000');
  });

  it('refuses to run a program the load-time checks reject', () => {
    const s = createSession(
      build(
        'bad_helper',
        '#include "common.h"\nSEC("xdp") int bad(struct xdp_md *c) { return ((long (*)(void))999)(); }\n',
      ),
      options,
    );
    expect(s.verifier).toMatchObject({ accepted: false, error: { message: 'invalid func unknown#999' } });
    expect(s.run(udp)).toMatchObject({ error: expect.stringMatching(/^EACCES: .*unknown#999/) });
  });

  it('runs cgroup_skb programs the same in the interpreter, the JIT and runRepeat', () => {
    const packets = ALL_PACKETS.map(readPacket);
    for (const name of ['cgskb_fields', 'cgskb_port_filter', 'cgskb_egress_cn', 'cgskb_v6_sum']) {
      const object = build(name);
      const [interp, jit, repeat] = (['interpreter', 'jit', 'jit'] as const).map((engine) =>
        createSession(object, { ...options, engine }),
      );
      expect(jit!.type).toBe('cgroup_skb');
      const viaInterp = packets.map((p) => interp!.run(p));
      expect(packets.map((p) => jit!.run(p))).toEqual(viaInterp);
      expect(packets.map((p) => repeat!.runRepeat(p, 1))).toEqual(viaInterp.map((r) => expect.objectContaining(r)));
      expect(jit!.dumpMaps()).toEqual(interp!.dumpMaps());
    }
  });

  it('gives cgroup_skb the IP header at skb->data and zeroes the Ethernet header on the way out', () => {
    const r = ok(createSession(build('cgskb_fields'), options).run(udp));
    expect(r.trace[4]).toBe('data_len=44 tstamp=0 hw=0');
    expect(r.trace[5]).toBe('family=2 remote=10.0.0.2 local=192.168.1.10');
    expect(r.packet).toBe('00'.repeat(14) + Buffer.from(udp.subarray(14)).toString('hex'));
  });

  it('selects a program by name and names the choices when it is missing', () => {
    const object = build('xdp_subprog');
    expect(createSession(object, { ...options, programName: 'xdp' }).program.name).toBe('xdp_subprog');
    expect(() => createSession(object, { ...options, programName: 'nope' })).toThrow(/xdp_subprog \(SEC "xdp"\)/);
  });
});
