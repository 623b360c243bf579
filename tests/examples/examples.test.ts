/**
 * The examples gallery: the catalogue is complete and well-formed, every example opens as a share
 * link, and every example does what its meta says, compiled and run the way the page does it
 * (harness.ts), with its output compared to the folder's expected.txt. UPDATE_EXAMPLES=1 rewrites
 * expected.txt, but only for examples whose stated expectations pass (review the diff).
 * The real kernel, when we may load programs, confirms which examples load and which do not.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES as BUNDLED, exampleShareState, SEED_EXAMPLES, SEED_SLOTS } from '../../src/examples';
import { EXAMPLES_DISK_DIR, loadExamplesFromDisk } from '../../src/examples/node-examples';
import { type Example, packetOf } from '../../src/examples/catalogue';
import type { PacketProgramType } from '../../src/bpf/programs';
import { describeRetval } from '../../src/bpf/session';
import { buildShareLink, decodeShareLink } from '../../src/sharing';
import { COMPILER_NAME, compileForTests, HAS_COMPILER } from '../seeds/compile';
import { compileExample, ourVerifier, runAttachExample, runPacketExample } from './harness';
import { CAN_LOAD_IN_KERNEL, kernelLoad, kernelTestRun } from './kernel';
import { KNOWN_VERIFIER_GAPS } from './known-gaps';

const EXAMPLES = loadExamplesFromDisk();

/** The list, by example id (the five seeds are SEED_EXAMPLES, read from tests/seeds). */
const REQUIRED = ['count-protocols', 'drop-icmp', 'port-firewall', 'lpm-blocklist', 'xdp-tx-reflector', 'ttl-decrement', 'vlan-pop', 'tc-port-rewrite', 'socket-filter', 'execve-ringbuf', 'syscall-counts', 'latency-histogram', 'bounded-loop', 'bpf-to-bpf-calls', 'tail-calls', 'percpu-counters', 'atomics', 'forgot-bounds-check', 'forgot-null-check', 'unbounded-loop']; // prettier-ignore

describe('examples catalogue', () => {
  it('has the examples the issue asks for', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(20);
    expect(EXAMPLES.map((e) => e.id)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('the bundled catalogue (Vite glob) equals the one read from disk', () => {
    expect(BUNDLED).toEqual(EXAMPLES);
  });

  it('every example opens as a share link that restores it', () => {
    for (const e of EXAMPLES) {
      const state = exampleShareState(e);
      expect(decodeShareLink(buildShareLink(state)).state, e.id).toEqual(state);
    }
  });

  it('lists the five seed programs (six entries), read from tests/seeds, each opening as a share link', () => {
    expect(SEED_EXAMPLES.map((e) => e.folder)).toEqual(SEED_SLOTS.map((slot) => slot.seedFolder));
    for (const e of SEED_EXAMPLES) {
      expect(e.expected, e.id).toBe(readFileSync(join(import.meta.dirname, '../seeds', e.folder, 'expected.txt'), 'utf8')); // prettier-ignore
      const state = exampleShareState(e);
      expect(decodeShareLink(buildShareLink(state)).state, e.id).toEqual(state);
    }
  });

  it('known verifier gaps name real examples', () => {
    for (const id of Object.keys(KNOWN_VERIFIER_GAPS)) expect(EXAMPLES.map((e) => e.id)).toContain(id);
  });
});

function checkGolden(e: Example, text: string): void {
  for (const line of e.meta.expect.outputIncludes ?? []) expect(text, `${e.folder} output`).toContain(line);
  const path = join(EXAMPLES_DISK_DIR, e.folder, 'expected.txt');
  if (process.env.UPDATE_EXAMPLES === '1') writeFileSync(path, `${text}\n`);
  expect(existsSync(path), `${e.folder}/expected.txt is missing: run with UPDATE_EXAMPLES=1`).toBe(true);
  expect(`${text}\n`).toBe(readFileSync(path, 'utf8'));
}

if (!HAS_COMPILER)
  console.warn('\n*** SKIPPING example golden tests: neither clang.wasm nor clang-19 is available ***\n');

describe.skipIf(!HAS_COMPILER)(`examples run as their meta says (compiled with ${COMPILER_NAME})`, () => {
  for (const e of EXAMPLES) {
    const { expect: want, category } = e.meta;
    const gap = KNOWN_VERIFIER_GAPS[e.id];

    if (want.pending !== undefined) {
      it(`${e.folder} is PENDING: ${want.pending}`, { timeout: 60_000 }, async () => {
        // It must still fail this way; when it stops failing, drop "pending" and record its golden.
        await expect(compileExample(e)).rejects.toThrow(want.pending);
      });
      continue;
    }

    it(`${e.folder}`, { timeout: 120_000 }, async () => {
      const object = await compileExample(e);
      if (gap !== undefined) {
        const program = object.programs.find((p) => p.sectionName === e.meta.program.section || p.name === e.meta.program.section) ?? object.programs[0]!; // prettier-ignore
        // A lower instruction limit than the kernel's million: these programs need a few thousand
        // in the kernel, and a verifier that loops to a million takes minutes on a loaded machine.
        const verdict = ourVerifier(program, object, 100_000);
        expect(verdict.accepted, `${e.id} is listed in known-gaps.ts but our verifier accepts it now: remove the entry`).toBe(false); // prettier-ignore
        expect(verdict.error?.message).toContain(gap);
      }
      const options = { verifier: gap === undefined };
      if (e.meta.inputs.kind === 'attach') {
        const out = runAttachExample(e, object, options);
        expect(out.verifier.error?.message ?? null).toBeNull();
        checkGolden(e, out.text);
        return;
      }
      const out = runPacketExample(e, object, options);
      if (category === 'verifier') {
        expect(out.verifier.accepted).toBe(false);
        expect(out.verifier.error?.message).toContain(want.verifierError);
      } else {
        expect(out.verifier.error?.message ?? null).toBeNull();
        if (want.verdicts) expect(out.verdicts).toEqual(want.verdicts);
        if (want.checksumsValid) expect(out.badChecksums).toEqual(out.badChecksums.map(() => []));
      }
      checkGolden(e, out.text);
    });
  }
});

if (!CAN_LOAD_IN_KERNEL)
  console.warn('\n*** SKIPPING examples in the real kernel: needs root, bpffs and bpftool ***\n');

describe.skipIf(!HAS_COMPILER || !CAN_LOAD_IN_KERNEL)('examples in the real kernel', () => {
  for (const e of EXAMPLES) {
    const reject = e.meta.expect.verifierError;
    it(`${e.folder} ${reject === undefined ? 'loads' : 'is rejected'}`, { timeout: 60_000 }, async () => {
      const entry = `/src/${e.fileName}`;
      const { ok, log } = kernelLoad(await compileForTests({ entry, files: new Map([[entry, e.source]]) }));
      // The log can be megabytes: report its end, where the verifier says why.
      const tail = log.split('\n').slice(-15).join('\n');
      if (reject === undefined) expect(ok, tail).toBe(true);
      else {
        expect(ok).toBe(false);
        expect(log.includes(reject), tail).toBe(true);
      }
    });
  }
});

const PACKET_TYPE: Partial<Record<string, PacketProgramType>> = { xdp: 'xdp', sched_cls: 'tc', sched_act: 'tc', socket_filter: 'socket_filter' }; // prettier-ignore

/**
 * Packet examples in the kernel's BPF_PROG_TEST_RUN: same verdicts and output packets as the
 * session's runs (which are what the goldens record).
 */
describe.skipIf(!HAS_COMPILER || !CAN_LOAD_IN_KERNEL)('packet examples agree with BPF_PROG_TEST_RUN', () => {
  for (const e of EXAMPLES) {
    const { inputs, category, expect: want } = e.meta;
    if (inputs.kind !== 'packets' || category !== 'packets') continue;
    if (want.pending !== undefined) {
      // We cannot run it yet, but the kernel can: its verdicts must be the ones the meta promises.
      it(`${e.folder} (pending here): the kernel's verdicts are the meta's`, { timeout: 60_000 }, () => {
        const entry = `/src/${e.fileName}`;
        return compileForTests({ entry, files: new Map([[entry, e.source]]) }).then((bytes) => {
          const runs = kernelTestRun(bytes, e.meta.program.section, e.meta.mapSeeds, inputs.packets.map(packetOf));
          expect(runs.map((r) => describeRetval(PACKET_TYPE[e.meta.program.type] ?? null, r.retval))).toEqual(want.verdicts); // prettier-ignore
        });
      });
      continue;
    }
    it(`${e.folder}`, { timeout: 60_000 }, async () => {
      const entry = `/src/${e.fileName}`;
      const bytes = await compileForTests({ entry, files: new Map([[entry, e.source]]) });
      const object = await compileExample(e);
      const program = object.programs.find((p) => p.name === e.meta.program.section) ?? object.programs.find((p) => p.sectionName === e.meta.program.section)!; // prettier-ignore
      const packets = inputs.packets.map(packetOf);
      const kernel = kernelTestRun(bytes, program.name, e.meta.mapSeeds, packets);
      const ours = runPacketExample(e, object, { verifier: KNOWN_VERIFIER_GAPS[e.id] === undefined }).runs;
      expect(ours.map((r) => ('error' in r ? r.error : { retval: r.retval, packet: r.packet }))).toEqual(kernel);
    });
  }
});
