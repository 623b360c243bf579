/**
 * The verifier wired into everything that loads programs: a session (and so `run`) refuses to run a
 * rejected program and reports the verifier's verdict; `verify` prints the issue-4 contract; the
 * page's default program verifies (and the kernel agrees, where bpf() is available).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { createSession } from '../../src/bpf/session';
import { verifyObjectProgram } from '../../src/bpf/session/verifier-env';
import { verifyCommand } from '../../src/cli/commands/verify';
import { DEFAULT_PROGRAM } from '../../src/ui/default-program';
import { nodeSystemHeaders } from '../../src/compiler/node';
import { compileNative } from '../compiler/native';
import { compileCase, loadCases } from './support/cases';
import { kernelLoad, kernelStatus } from './support/kernel';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING verifier wiring tests: clang-19 is not installed !!!\n');

const caseObject = (name: string): { path: string; object: ReturnType<typeof loadObject> } => {
  const c = loadCases().find((x) => x.name === name)!;
  const path = compileCase(c);
  return { path, object: loadObject(readFileSync(path), { name: 'prog' }) };
};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await verifyCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe.skipIf(!hasClang)('verifier wiring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-verify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a session refuses to run what the verifier rejects, with its verdict in the report', () => {
    const { object } = caseObject('map-lookup-null-deref.c');
    const s = createSession(object, { cpus: 1, privileged: true, seed: 1 });
    expect(s.verifier.accepted).toBe(false);
    expect(s.verifier.error).toEqual({ insn: 7, message: "R0 invalid mem access 'map_value_or_null'" });
    // libbpf's retry at log level 1: the log ends with the message and the statistics line.
    expect(s.verifier.log).toMatch(/R0 invalid mem access 'map_value_or_null'\nprocessed 7 insns/);
    expect(s.run(new Uint8Array(64))).toEqual({
      error: "EACCES: the program was not loaded: R0 invalid mem access 'map_value_or_null'",
    });
  });

  it('a session runs what the verifier accepts, with an empty log as a log-level-0 load has', () => {
    const { object } = caseObject('map-null-checked.c');
    const s = createSession(object, { cpus: 1, privileged: true, seed: 1 });
    expect(s.verifier).toEqual({ accepted: true, error: null, log: '' });
    expect(s.run(new Uint8Array(64))).toHaveProperty('retval');
  });

  it('verify --json prints exactly the contract, with the C line', async () => {
    const { path } = caseObject('map-lookup-null-deref.c');
    const r = await cli([path, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['accepted', 'error', 'log', 'stats']);
    expect(json.error).toEqual({
      insn: 7,
      line: 'map-lookup-null-deref.c:10',
      message: "R0 invalid mem access 'map_value_or_null'",
    });
    // The kernel's own figures for this object: 7 insns, no state stored (no two jumps before the failure).
    expect(json.stats).toEqual({ processed: 7, states: 0 });
  });

  it('verify prints the verdict, the kernel text, the explanation and the C line', async () => {
    const { path } = caseObject('map-lookup-null-deref.c');
    const r = await cli([path]);
    expect(r.out).toContain('REJECTED');
    expect(r.out).toContain('C line:  *v += 1;');
    expect(r.out).toContain("kernel:  R0 invalid mem access 'map_value_or_null'");
    expect(r.out).toMatch(/why: .*NULL/);
  });

  it('verify --unprivileged applies the unprivileged rules', async () => {
    const { path } = caseObject('stack-read-uninit-root.c');
    expect((await cli([path, '--json'])).code).toBe(0);
    const r = await cli([path, '--json', '--unprivileged']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { accepted: boolean }).accepted).toBe(false);
  });

  it('verify names a missing section and the programs there are', async () => {
    const { path } = caseObject('map-null-checked.c');
    const r = await cli([path, '--section', 'nope', '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain("no program or section named 'nope'");
  });

  it("the page's default program verifies (and loads in the kernel, where bpf() works)", () => {
    const out = compileNative({ entry: '/src/default.c', files: new Map([['/src/default.c', DEFAULT_PROGRAM]]) }, nodeSystemHeaders()); // prettier-ignore
    expect(out.object, out.stderr).not.toBeNull();
    const object = loadObject(out.object!, { name: 'default' });
    const r = verifyObjectProgram(object, object.programs[0]!, { logLevel: 1 })!;
    expect(r.error, r.log).toBeNull();
    if (!kernelStatus().ok) return console.warn('SKIPPING the kernel half of the default-program check: no bpf()');
    const objPath = join(dir, 'default.o');
    writeFileSync(objPath, out.object!);
    expect(kernelLoad(objPath, 1).loaded).toBe(true);
  });
});
