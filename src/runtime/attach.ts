/**
 * Attach runs for the page: the object's programs on the simulated kernel (src/bpf/session
 * attach*.ts) playing a workload, with the firings handed out in batches while the workload plays
 * so trace_pipe, the firing list and the maps fill as it goes.
 */
import { parseWorkload, workloadPreset } from '../bpf/kernel';
import { deleteEntry, writeEntry } from '../bpf/maps';
import type { BpfObject } from '../bpf/object';
import {
  attachmentsFromSections,
  createAttachSession,
  formatRecord,
  parseAttachSpec,
  recordLines,
  traceLines,
  type AttachedRun,
  type AttachSession,
} from '../bpf/session';
import type { AttachBatch, AttachRequest, AttachSummary, FiringView, MapEdit, WorkloadSpec } from '../protocol';
import { runVerifier, snapshotMaps } from './maps-view';

/** Simulated CPUs, as for packet runs. */
const CPUS = 4;
/** A batch goes out after this many firings or this much wall time, whichever comes first. */
const BATCH_FIRINGS = 200;
const BATCH_MS = 60;
/** The page keeps a readable list; a workload that fires more than this is cut (and says so). */
export const MAX_FIRINGS = 50_000;

const clock = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

export function workloadOf(spec: WorkloadSpec): ReturnType<typeof parseWorkload> {
  return 'preset' in spec ? workloadPreset(spec.preset) : parseWorkload(spec.text);
}

export function firingView(played: AttachedRun): FiringView {
  const { firing, run } = played;
  const lines = traceLines(played);
  const messages = 'error' in run ? [] : run.trace;
  return {
    seq: firing.seq,
    timeNs: Number(firing.time),
    cpu: firing.cpu,
    attachment: `${firing.attachment.type}:${firing.attachment.target}`,
    program: played.program,
    comm: firing.task.comm,
    pid: firing.task.pid,
    summary: firing.summary,
    retval: 'error' in run ? null : run.retval,
    error: 'error' in run ? run.error : null,
    trace: [
      ...lines.map((text, i) => ({ text, message: (messages[i] ?? '').replace(/\n$/, ''), run: firing.seq })),
      // Perf/ring buffer records show in trace_pipe's panel, one line each, after the firing's lines.
      ...recordLines(played).map((text) => ({ text, message: text, run: firing.seq })),
    ],
    events: (run.records ?? []).map((r) => ({
      map: r.map,
      cpu: r.cpu,
      data: r.data,
      text: formatRecord(r),
      run: firing.seq,
    })),
  };
}

/** Writes user-space map edits into a session's maps (share-link pre-seeds); throws with the errno text. */
export function applySeeds(session: Pick<AttachSession, 'maps'>, seeds: readonly MapEdit[]): void {
  for (const edit of seeds) {
    const found = session.maps.find((m) => m.name === edit.map);
    if (found === undefined) throw new Error(`map pre-seed: no map "${edit.map}" in the program`);
    const r =
      edit.op === 'delete'
        ? deleteEntry(found.map, edit.key)
        : writeEntry(found.map, edit.key, edit.value ?? '', BigInt(edit.flags ?? 0));
    if (!r.ok) throw new Error(`map pre-seed of ${edit.map}: ${r.message}`);
  }
}

export function createPlannedSession(
  object: BpfObject,
  attachments: readonly string[],
  privileged: boolean,
  seed: number,
): AttachSession {
  const plan =
    attachments.length > 0 ? attachments.map((s) => parseAttachSpec(s, object)) : attachmentsFromSections(object);
  return createAttachSession(object, plan, { cpus: CPUS, privileged, seed, verify: runVerifier });
}

export function playAttached(
  object: BpfObject,
  privileged: boolean,
  req: AttachRequest,
  onBatch: (batch: AttachBatch) => void,
): AttachSummary {
  const workload = workloadOf(req.workload);
  const session = createPlannedSession(object, req.attachments, privileged, req.seed);
  if (!session.verifier.accepted) {
    const e = session.verifier.error;
    throw new Error(
      `The verifier rejected ${session.verifier.log.split(':')[0] ?? 'the program'}${e === null ? '' : ` at insn ${e.insn}: ${e.message}`}`,
    );
  }
  applySeeds(session, req.seeds);
  let pending: FiringView[] = [];
  let last = clock();
  let firings = 0;
  let traced = 0;
  let errors = 0;
  let endNs = 0;
  let startNs: number | null = null;
  const flush = () => {
    onBatch({ runId: req.runId, firings: pending, maps: snapshotMaps(object, session.maps) });
    pending = [];
    last = clock();
  };
  for (const played of session.play(workload)) {
    const view = firingView(played);
    firings++;
    if (view.error !== null) errors++;
    if (view.trace.length > 0) traced++;
    startNs ??= view.timeNs;
    endNs = view.timeNs;
    pending.push(view);
    if (pending.length >= BATCH_FIRINGS || clock() - last > BATCH_MS) flush();
    if (firings >= MAX_FIRINGS) break;
  }
  flush();
  return {
    plan: session.plan.map((p) => ({ attachment: `${p.attachment.type}:${p.attachment.target}`, program: p.program })),
    firings,
    traced,
    errors,
    durationNs: startNs === null ? 0 : endNs - startNs,
    maps: snapshotMaps(object, session.maps),
  };
}
