/**
 * A program reached only through a prog_array is loaded (and verified) with its object, as libbpf
 * loads every program: when the kernel rejects such a target the whole object fails to load, and
 * our session refuses it too, naming the target.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { createSession } from '../../src/bpf/session';
import { CORPUS_DIR, readPacket } from './corpus';
import { kernelUnavailableReason } from './kernel-runner';
import { libbpfUnavailableReason, runWithLibbpf } from './libbpf-runner';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
const kernelReason = hasClang ? (kernelUnavailableReason() ?? libbpfUnavailableReason()) : 'clang-19 is not installed';
if (!hasClang) console.warn('\n!!! SKIPPING tail-call target checks: clang-19 is not installed !!!\n');
else if (kernelReason) console.warn(`\n!!! SKIPPING the kernel side of tail-call target checks: ${kernelReason} !!!\n`);

/** The target reads the packet without a bounds check: every verifier must refuse it. */
const SOURCE = `#include "common.h"
int unchecked(struct xdp_md *ctx);
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} targets SEC(".maps") = { .values = { [0] = (void *)&unchecked } };
SEC("xdp") int unchecked(struct xdp_md *ctx) { return *(__u8 *)(long)ctx->data; }
SEC("xdp") int entry(struct xdp_md *ctx) { bpf_tail_call(ctx, &targets, 0); return XDP_PASS; }
`;

const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-tail-'));

function build(): string {
  const src = join(dir, 'bad_target.c');
  writeFileSync(src, SOURCE);
  const arch = execFileSync('uname', ['-m']).toString().trim();
  const out = join(dir, 'bad_target.o');
  const flags = ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', `-I/usr/include/${arch}-linux-gnu`, `-I${CORPUS_DIR}`];
  execFileSync('clang-19', [...flags, '-c', src, '-o', out]);
  return out;
}

describe.skipIf(!hasClang)('tail-call targets are verified with their object', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const options = { cpus: 2, privileged: true, seed: 1, programName: 'entry' };

  const ours = () => createSession(loadObject(readFileSync(build()), { name: 'bad_target' }), options);
  const PREFIX = `program 'unchecked' (SEC "xdp"), loaded with 'entry' was rejected: `;

  it('refuses the object when a target is rejected, naming the target', () => {
    const session = ours();
    expect(session.verifier.accepted).toBe(false);
    expect(session.verifier.error?.message.startsWith(PREFIX)).toBe(true);
    expect(session.run(readPacket('ipv4-udp'))).toMatchObject({ error: expect.stringMatching(/^EACCES: /) });
  });

  it.skipIf(kernelReason !== null)('matches the kernel, which refuses the object with the same message', () => {
    const kernel = runWithLibbpf(build(), 'entry', [readPacket('ipv4-udp')]);
    expect(kernel.verifier.accepted).toBe(false);
    const message = ours().verifier.error!.message.slice(PREFIX.length);
    expect(kernel.verifier.log.split('\n')).toContain(message);
  });
});
