/**
 * Our level-2 log line by line against the kernel's, for small accepted programs whose walk is the
 * kernel's (same paths, same pruning). The kernel prints a few things we do not model; they are
 * removed by the explicit normalisations below, and nothing else is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { verify } from '../../src/bpf/verifier';
import { annotationPad } from '../../src/bpf/verifier/walk';
import { compileCase, loadCases } from './support/cases';
import { kernelLoad, kernelStatus } from './support/kernel';
import { oursInput } from './support/run-case';

const CASES = [
  'map-null-checked.c',
  'map-update-ok.c',
  'stack-spill-fill-ptr.c',
  'ctx-skb-narrow-read.c',
  'ringbuf-submit-ok.c',
  'subprog-void-r0-ptr.c',
  'reg-callee-saved.c',
  'cf-branch-both-exit.c',
  'helper-probe-read-ok.c',
  'ctx-st-imm.c',
  'cf-bounded-loop.c',
  'unpriv-c-counter.c',
];

/** What differs by design, each with its reason. */
const NORMALISATIONS: readonly [RegExp, string, string][] = [
  // The kernel's register liveness listing (compute_live_registers) and stack liveness debugging.
  [/^Live regs before insn:\n(?: +(?:\d+ +)?\d+: [.\d]{10} .*\n)*/m, '', 'liveness listing'],
  [/^SCC (?:enter|exit) \(\d+\)\n/gm, '', 'loop (strongly connected component) debugging'],
  [/^\(\d+\) frame \d+ insn \d+ .*\n/gm, '', 'stack liveness debugging'],
  [/^\(\d+\) live stack update done in \d+ iterations\n/gm, '', 'stack liveness debugging'],
  // BTF func-info checks (global functions, argument types): we verify without func info.
  [/^Global function .* doesn't return scalar\. Only those are supported\.\n/gm, '', 'BTF func info'],
  [/^R\d is not a scalar\n/gm, '', 'BTF func info'],
  [/^arg#\d reference type\(.*\) size cannot be determined: -\d+\n/gm, '', 'BTF func info'],
  // We keep no precision marks: the kernel prints them as a P before a precise scalar.
  [/=P(?=scalar|-?\d)/g, '=', 'precision marks'],
  // Map addresses are kernel pointers; ours are stand-ins.
  [/= 0x[0-9a-f]{16}( +;.*map_)/g, '= <map>$1', 'map address in lddw'],
  // State counts follow each verifier's own checkpoint placement: compare the instruction count only.
  [/ max_states_per_insn \d+ total_states \d+ peak_states \d+ mark_read \d+$/m, '', 'state statistics'],
];

/**
 * We keep no precision marks, so the kernel's backtracking lines go; the state line they pushed
 * off the instruction line goes back onto it, aligned as the kernel aligns it.
 */
function withoutPrecisionMarks(log: string): string {
  return log.replace(/^(\d+: \(.*\n)(?:mark_precise: .*\n)+\d+:(.*)\n/gm, (_, insn: string, state: string) => {
    return `${insn.slice(0, -1)}${' '.repeat(annotationPad(insn.length))};${state}\n`;
  });
}

const normalise = (log: string): string =>
  NORMALISATIONS.reduce((t, [re, by]) => t.replace(re, by), withoutPrecisionMarks(log));

const status = kernelStatus();
if (!status.ok) console.warn(`SKIPPING level-2 log comparison: ${status.reason}`);

describe.skipIf(!status.ok)('level-2 log vs the kernel', () => {
  for (const name of CASES) {
    it(name, () => {
      const c = loadCases().find((x) => x.name === name)!;
      const path = compileCase(c);
      const k = kernelLoad(path, 2, c.progType);
      expect(k.loaded, k.log).toBe(true);
      const { bytes, env } = oursInput(k, c.license);
      // Line info from our own loader: the instructions are the same, so are their indices.
      const program = loadObject(readFileSync(path), { name }).programs[0]!;
      const lineInfo = program.lineInfo.map((l) => ({ insn: l.insn, where: `${name}:${l.line}`, text: l.source }));
      const ours = verify(bytes, { ...env, lineInfo }, { logLevel: 2, collectStates: 'none' });
      expect(normalise(ours.log).split('\n')).toEqual(normalise(k.log).split('\n'));
    });
  }
});
