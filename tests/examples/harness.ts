/**
 * Runs an example the way the page does: compile (clang.wasm when built, else native clang-19 on
 * the same argv and headers: tests/seeds/compile.ts), load, verify with the real verifier, seed
 * the maps, then either run its packets like BPF_PROG_TEST_RUN or play its workload on the
 * simulated kernel. Returns the CLI's text output (the golden form) and the structured results.
 */
import { checkChecksums, parsePacket } from '../../src/bpf/inputs/packets';
import { parseWorkload, workloadPreset } from '../../src/bpf/kernel';
import { RingBufMap } from '../../src/bpf/maps';
import { writeEntry } from '../../src/bpf/maps/user-api';
import { type BpfObject, type BpfProgram, loadObject } from '../../src/bpf/object';
import { packetTypeOfSection } from '../../src/bpf/programs';
import {
  createSession,
  describeRetval,
  formatAttachRun,
  formatReport,
  createAttachSession,
  type AttachedRun,
  type MapReport,
  type RunResult,
  type SessionMap,
  type VerifierReport,
} from '../../src/bpf/session';
import { attachPlan } from '../../src/cli/commands/run-attach';
import { type Example, packetOf } from '../../src/examples/catalogue';
import { toHex } from '../../src/bpf/inputs/packets/addr';
import { seedValueHex } from '../../src/sharing';
import { verifyObjectProgram } from '../../src/bpf/session/verifier-env';
import { compileForTests } from '../seeds/compile';

/** Simulated CPUs: fixed so per-CPU dumps do not depend on the host. */
const CPUS = 2;

export async function compileExample(example: Example): Promise<BpfObject> {
  const entry = `/src/${example.fileName}`;
  const object = await compileForTests({ entry, files: new Map([[entry, example.source]]) });
  return loadObject(object, { name: example.fileName.replace(/\.c$/, '') });
}

/**
 * Our verifier's verdict, with a lower instruction limit than the kernel's million when asked:
 * a verifier that loops to a million takes minutes on a loaded machine.
 */
export function ourVerifier(program: BpfProgram, object: BpfObject, insnLimit?: number): VerifierReport {
  const r = verifyObjectProgram(object, program, { privileged: true, collectStates: 'none', logLevel: 0, ...(insnLimit ? { insnLimit } : {}) }); // prettier-ignore
  if (r === null) return { accepted: true, error: null, log: '' };
  return { accepted: r.accepted, error: r.error && { insn: r.error.insn, message: r.error.message }, log: '' };
}

/** For known gaps only: the run goes ahead on the load-time checks, and the report says so. */
const SKIPPED: VerifierReport = { accepted: true, error: null, log: '' };
const skipVerifier = (): VerifierReport => SKIPPED;

function seedMaps(example: Example, maps: readonly SessionMap[]): void {
  for (const seed of example.meta.mapSeeds) {
    const m = maps.find((x) => x.name === seed.map);
    if (m === undefined) throw new Error(`${example.id}: map pre-seed for unknown map '${seed.map}'`);
    const value = seedValueHex(seed.value, m.map.userValueSize, m.map.spec.valueSize, m.map.cpus);
    const r = writeEntry(m.map, seed.key, value);
    if (!r.ok) throw new Error(`${example.id}: seeding ${seed.map}: ${r.message}`);
  }
}

/**
 * The maps section of the golden text: like `run`'s, but arrays show only their non-zero slots and
 * read-only data (format strings) is left out, so goldens show state, not 256 lines of zeros.
 */
function formatMaps(maps: Readonly<Record<string, MapReport>>): string {
  const lines: string[] = [];
  for (const [name, map] of Object.entries(maps)) {
    if (name.startsWith('.rodata')) continue;
    const shown = map.type.includes('array') ? map.entries.filter((e) => /[^0]/.test(e.value)) : map.entries;
    lines.push(`  ${name} (${map.type}, ${map.entries.length} entries)`);
    for (const e of shown) lines.push(`    ${e.key === '' ? '-' : e.key} => ${e.value}`);
    if (shown.length < map.entries.length)
      lines.push(`    (${map.entries.length - shown.length} zero entries not shown)`);
  }
  return lines.length > 0 ? `\n\nmaps:\n${lines.join('\n')}` : '';
}

const header = (text: string, options: RunOptions): string =>
  options.verifier ? text : text.replace(/^verifier: accepted/, 'verifier: skipped (a known gap of our verifier; the kernel accepts it)'); // prettier-ignore

export interface PacketOutcome {
  readonly text: string;
  readonly verifier: VerifierReport;
  readonly runs: readonly RunResult[];
  readonly verdicts: readonly string[];
  /** Per run: checksum fields of the output packet that are wrong ("ipv4 checksum 0x1234, should be ..."). */
  readonly badChecksums: readonly string[][];
}

/**
 * `verifier: false` runs with the load-time checks only: for examples the kernel accepts but our
 * verifier does not yet (tests/examples/known-gaps.ts), so their runs are still golden-tested.
 * The golden text then says "verifier: skipped" instead of "accepted".
 */
export interface RunOptions {
  readonly verifier: boolean;
}

export function runPacketExample(example: Example, object: BpfObject, options: RunOptions): PacketOutcome {
  if (example.meta.inputs.kind !== 'packets') throw new Error(`${example.id} is not a packet example`);
  const session = createSession(object, { programName: example.meta.program.section, cpus: CPUS, privileged: true, seed: 1, ...(options.verifier ? {} : { verify: skipVerifier }) }); // prettier-ignore
  seedMaps(example, session.maps);
  const packets = example.meta.inputs.packets.map(packetOf);
  const runs = packets.map((p) => session.run(p));
  const verifier = { ...session.verifier, log: '' };
  const type = packetTypeOfSection(session.program.sectionName);
  const text = header(formatReport({ verifier, runs, maps: {} }, type, packets.map(toHex)), options) + formatMaps(session.dumpMaps()); // prettier-ignore
  const verdicts = runs.map((r) => ('error' in r ? `error: ${r.error}` : describeRetval(type, r.retval)));
  const badChecksums = runs.map((r) => {
    if ('error' in r) return [];
    const parsed = parsePacket(Uint8Array.from(r.packet.match(/../g) ?? [], (b) => parseInt(b, 16)));
    return checkChecksums(parsed.layers)
      .filter((c) => c.actual !== c.expected)
      .map((c) => `${c.kind} checksum 0x${c.actual.toString(16)}, should be 0x${c.expected.toString(16)}`);
  });
  return { text, verifier, runs, verdicts, badChecksums };
}

export interface AttachOutcome {
  readonly text: string;
  readonly verifier: VerifierReport;
}

export function runAttachExample(example: Example, object: BpfObject, options: RunOptions): AttachOutcome {
  const inputs = example.meta.inputs;
  if (inputs.kind !== 'attach') throw new Error(`${example.id} is not an attach example`);
  if (example.meta.mapSeeds.length > 0)
    throw new Error(`${example.id}: map pre-seeds of attach runs are not wired here`);
  const plan = attachPlan(object, inputs.attachments, []);
  const workload = 'preset' in inputs.workload ? workloadPreset(inputs.workload.preset) : parseWorkload(inputs.workload.text); // prettier-ignore
  const session = createAttachSession(object, plan, { cpus: CPUS, privileged: true, seed: 1, ...(options.verifier ? {} : { verify: skipVerifier }) }); // prettier-ignore
  const played = [...session.play(workload)];
  const attached = plan.map((p) => `attached ${p.program} to ${p.attachment.type}:${p.attachment.target}`);
  const text = header(formatAttachRun(session.verifier, played, session.dumpMaps()), options);
  return { text: [...attached, text].join('\n') + ringbufRecords(session.maps, played), verifier: session.verifier };
}

/** What user space read from each ring buffer (the session drains them after each firing). */
function ringbufRecords(maps: readonly SessionMap[], played: readonly AttachedRun[]): string {
  const lines: string[] = [];
  for (const { name, map } of maps) {
    if (!(map instanceof RingBufMap)) continue;
    const records = played.flatMap((p) => (p.run.records ?? []).filter((r) => r.map === name).map((r) => r.data));
    lines.push('', `${name} records (${records.length}):`, ...records.map((r) => `  ${r}`));
  }
  return lines.length > 0 ? `\n${lines.join('\n')}` : '';
}
