/**
 * Runs an example the way the page does: compile (clang.wasm when built, else native clang-19 on
 * the same argv and headers: tests/seeds/compile.ts), load, verify with the real verifier, seed
 * the maps, then either run its packets like BPF_PROG_TEST_RUN or play its workload on the
 * simulated kernel. Returns the CLI's text output (the golden form) and the structured results.
 */
import { checkChecksums, parsePacket } from '../../src/bpf/inputs/packets';
import { parseWorkload, workloadPreset } from '../../src/bpf/kernel';
import { writeEntry } from '../../src/bpf/maps/user-api';
import { type BpfObject, type BpfProgram, loadObject } from '../../src/bpf/object';
import { packetTypeOfSection } from '../../src/bpf/programs';
import {
  createSession,
  describeRetval,
  formatAttachRun,
  formatReport,
  runAttached,
  type RunResult,
  type SessionMap,
  type VerifierReport,
} from '../../src/bpf/session';
import { verify } from '../../src/bpf/verifier';
import { attachPlan } from '../../src/cli/commands/run-attach';
import { type Example, packetOf } from '../../src/examples/catalogue';
import { toHex } from '../../src/bpf/inputs/packets/addr';
import { seedValueHex } from '../../src/sharing';
import { verifierEnv, verifierProgType } from '../../src/runtime/verifier-env';
import { compileForTests } from '../seeds/compile';

/** Simulated CPUs: fixed so per-CPU dumps do not depend on the host. */
const CPUS = 2;

export async function compileExample(example: Example): Promise<BpfObject> {
  const entry = `/src/${example.fileName}`;
  const object = await compileForTests({ entry, files: new Map([[entry, example.source]]) });
  return loadObject(object, { name: example.fileName.replace(/\.c$/, '') });
}

/** The real verifier where it models the program type; the load-time checks elsewhere. */
export function realVerifier(program: BpfProgram, object: BpfObject, privileged: boolean): VerifierReport {
  const type = verifierProgType(program);
  if (type === null) return { accepted: true, error: null, log: '' };
  const r = verify(program.code, verifierEnv(object, program, type), { privileged, collectStates: 'none' });
  return { accepted: r.accepted, error: r.error && { insn: r.error.insn, message: r.error.message }, log: '' };
}

function seedMaps(example: Example, maps: readonly SessionMap[]): void {
  for (const seed of example.meta.mapSeeds) {
    const m = maps.find((x) => x.name === seed.map);
    if (m === undefined) throw new Error(`${example.id}: map pre-seed for unknown map '${seed.map}'`);
    const value = seedValueHex(seed.value, m.map.userValueSize, m.map.spec.valueSize, m.map.cpus);
    const r = writeEntry(m.map, seed.key, value);
    if (!r.ok) throw new Error(`${example.id}: seeding ${seed.map}: ${r.message}`);
  }
}

export interface PacketOutcome {
  readonly text: string;
  readonly verifier: VerifierReport;
  readonly runs: readonly RunResult[];
  readonly verdicts: readonly string[];
  /** Per run: checksum fields of the output packet that are wrong ("ipv4 checksum 0x1234, should be ..."). */
  readonly badChecksums: readonly string[][];
}

export function runPacketExample(example: Example, object: BpfObject): PacketOutcome {
  if (example.meta.inputs.kind !== 'packets') throw new Error(`${example.id} is not a packet example`);
  const session = createSession(object, { programName: example.meta.program.section, cpus: CPUS, privileged: true, seed: 1, verify: realVerifier }); // prettier-ignore
  seedMaps(example, session.maps);
  const packets = example.meta.inputs.packets.map(packetOf);
  const runs = packets.map((p) => session.run(p));
  const verifier = { ...session.verifier, log: '' };
  const type = packetTypeOfSection(session.program.sectionName);
  const text = formatReport({ verifier, runs, maps: session.dumpMaps() }, type, packets.map(toHex));
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

export function runAttachExample(example: Example, object: BpfObject): AttachOutcome {
  const inputs = example.meta.inputs;
  if (inputs.kind !== 'attach') throw new Error(`${example.id} is not an attach example`);
  const plan = attachPlan(object, inputs.attachments, []);
  const workload = 'preset' in inputs.workload ? workloadPreset(inputs.workload.preset) : parseWorkload(inputs.workload.text); // prettier-ignore
  const { report, played } = runAttached(object, plan, workload, { cpus: CPUS, privileged: true, seed: 1, verify: realVerifier }); // prettier-ignore
  const attached = plan.map((p) => `attached ${p.program} to ${p.attachment.type}:${p.attachment.target}`);
  return { text: [...attached, formatAttachRun(report.verifier, played, report.maps)].join('\n'), verifier: report.verifier }; // prettier-ignore
}
