/**
 * The verifier's verdict on every corpus program must be the kernel's (all corpus programs load in
 * Linux 6.18, checked by kernel-diff.test.ts). The verifier is driven the way the runtime drives it
 * (src/runtime/verifier-env). Programs on VERIFIER_GAPS may disagree, loudly; one that starts
 * agreeing fails the test until it is removed from the list.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { verify } from '../../src/bpf/verifier';
import { verifierEnv, verifierProgType } from '../../src/runtime/verifier-env';
import { listCorpus } from './corpus';
import { compileCorpusProgram } from './kernel-runner';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING verifier-vs-kernel corpus verdicts: clang-19 is not installed !!!\n');

/** Corpus programs the kernel accepts and our verifier still rejects, with its message. */
const VERIFIER_GAPS: Readonly<Record<string, string>> = {
  sock_counter: "insn 24: R0 invalid mem access 'scalar' (map lookup result not a map value)",
  tc_percpu_hash: "insn 11: R0 invalid mem access 'scalar'",
  xdp_array_count: "insn 28: R0 invalid mem access 'scalar'",
  xdp_hash_proto: "insn 39: R1 invalid mem access 'scalar'",
  xdp_loop_sum: "insn 36: R0 invalid mem access 'scalar'",
  xdp_lpm_route: "insn 76: R0 invalid mem access 'scalar'",
  xdp_lru_flows: "insn 39: R0 invalid mem access 'scalar'",
  xdp_percpu_stats: "insn 23: R0 invalid mem access 'scalar'",
  xdp_printk_addr:
    'insn 27: R5 !read_ok — the registry gives bpf_trace_printk 5 args; the kernel proto declares only fmt and size',
  xdp_printk_ints: 'insn 44: R3 !read_ok — same bpf_trace_printk prototype problem',
};

describe.skipIf(!hasClang)('verifier verdicts vs the kernel on the corpus', () => {
  for (const prog of listCorpus()) {
    it(prog.name, () => {
      const object = loadObject(readFileSync(compileCorpusProgram(prog)), { name: prog.name });
      const program = object.programs[0]!;
      const type = verifierProgType(program);
      expect(type, `no verifier program type for SEC("${program.sectionName}")`).not.toBeNull();
      const r = verify(program.code, verifierEnv(object, program, type!), { privileged: true, collectStates: 'none' });
      const gap = VERIFIER_GAPS[prog.name];
      if (gap === undefined)
        expect(r.accepted, `kernel accepts ${prog.name}, ours: ${r.error?.insn}: ${r.error?.message}`).toBe(true);
      else if (r.accepted) expect.fail(`${prog.name} is now accepted: remove it from VERIFIER_GAPS`);
      else console.warn(`VERIFIER GAP ${prog.name}: ${gap}`);
    });
  }
});
