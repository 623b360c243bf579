/**
 * The fuzzer's unprivileged half: generated programs verified as socket filters with
 * `privileged: false`, and loaded by user nobody without capabilities (the kernel's unprivileged
 * rules). Any program we accept that the kernel rejects is a soundness failure.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { PROG_TYPE_IDS, verifierEnv, verify } from '../../src/bpf/verifier';
import { ARTIFACTS as VERIFIER_ARTIFACTS, lastMessage } from '../verifier/support/kernel';
import { withUnprivilegedBpf } from '../verifier/support/unprivileged';
import { kbatchPath, templateObject } from './oracle';
import { programArb } from './programs';

export interface UnprivilegedResult {
  programs: number;
  accepted: number;
  bothReject: number;
  sameMessage: number;
  precisionGaps: number;
  /** Programs we accept and the kernel rejects, with the kernel's message. */
  failures: string[];
}

const DROP_TO_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all'];
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

export function runUnprivilegedCampaign(seed: number, numRuns: number): UnprivilegedResult {
  const template = templateObject();
  const env = { ...verifierEnv(template, template.programs[0]!, 'socket_filter'), lineInfo: [] };
  const programs = fc.sample(programArb, { seed, numRuns }).map((p) => p.code);
  const ours = programs.map((code) => verify(code, env, { privileged: false, logLevel: 1, collectStates: 'none' }));
  const maps = template.maps.map((m) => `${m.type}:${m.keySize}:${m.valueSize}:${m.maxEntries}`);
  const lock = join(VERIFIER_ARTIFACTS, 'unprivileged-bpf.lock');
  const run = withUnprivilegedBpf(lock, () =>
    spawnSync('setpriv', [...DROP_TO_NOBODY, kbatchPath(), String(PROG_TYPE_IDS.socket_filter), ...maps], {
      input: programs.map(hex).join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    }),
  );
  if (run.status !== 0) throw new Error(`kbatch failed: ${run.stderr}`);
  const kernel = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { loaded: boolean; log: string });
  const r: UnprivilegedResult = { programs: programs.length, accepted: 0, bothReject: 0, sameMessage: 0, precisionGaps: 0, failures: [] }; // prettier-ignore
  ours.forEach((o, i) => {
    const k = kernel[i]!;
    if (o.accepted) r.accepted++;
    if (o.accepted && !k.loaded) r.failures.push(`program ${i}: kernel says ${lastMessage(k.log)}`);
    else if (!o.accepted && k.loaded) r.precisionGaps++;
    else if (!o.accepted) {
      r.bothReject++;
      if (o.error?.message === lastMessage(k.log)) r.sameMessage++;
    }
  });
  return r;
}
