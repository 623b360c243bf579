/**
 * The runtime's logic, independent of the worker: load → verify → run/step over the core adapters.
 * Stages the core does not provide yet answer 'unavailable' with a reason — never a made-up result.
 */
import type {
  AttachBatch,
  AttachRequest,
  AttachSummary,
  CheckOutcome,
  CheckRequest,
  LoadRequest,
  MapEdit,
  MapSnapshot,
  LoadedObject,
  PipelineStage,
  RunReport,
  RunRequest,
  RuntimeCapabilities,
  RuntimeMethods,
  Stage,
  StepState,
  VerifierReport,
} from '../protocol';
import { ATTACH_BATCH_EVENT, TRAFFIC_PROGRESS_EVENT } from '../protocol';
import { MISSING_REASONS, type RuntimeCore } from './core';
import type { Handlers } from './dispatcher';
import { type LivePackets, TrafficDriver } from './traffic';

/** Most states a stepped run records (stepping is for reading, not for million-instruction loops). */
export const STEP_LIMIT = 100_000;

const unavailable = (stage: Exclude<PipelineStage, 'compiler'>): Stage<never> => ({
  status: 'unavailable',
  stage,
  reason: MISSING_REASONS[stage],
});

const failure = (e: unknown): Stage<never> => ({
  status: 'error',
  message: e instanceof Error ? e.message : String(e),
});

interface Loaded<H> {
  readonly handle: H;
  readonly program: string;
  readonly privileged: boolean;
  verified: VerifierReport | null;
}

const objectName = (fileName: string | undefined): string =>
  fileName === undefined ? 'prog' : (fileName.split('/').pop() ?? 'prog').replace(/\..*$/, '') || 'prog';

export class Session<H = unknown> {
  private loaded: Loaded<H> | null = null;
  private recording: StepState[] = [];

  constructor(private readonly core: RuntimeCore<H>) {}

  capabilities(): RuntimeCapabilities {
    const s = (available: boolean, stage: keyof typeof MISSING_REASONS) => ({
      available,
      reason: available ? '' : MISSING_REASONS[stage],
    });
    return {
      stages: {
        loader: s(this.core.loader !== null, 'loader'),
        disassembler: s(this.core.disassemble !== null, 'disassembler'),
        verifier: s(this.core.verify !== null, 'verifier'),
        vm: s(this.core.run !== null, 'vm'),
      },
    };
  }

  load(req: LoadRequest): Stage<LoadedObject> {
    this.loaded = null;
    this.recording = [];
    const loader = this.core.loader;
    if (loader === null) return unavailable('loader');
    try {
      const { programs, maps, handle } = loader.load(req.object, objectName(req.fileName));
      const chosen =
        req.program === null ? programs[0] : programs.find((p) => p.section === req.program || p.name === req.program);
      if (chosen === undefined) {
        return {
          status: 'error',
          message:
            programs.length === 0
              ? 'The object contains no BPF program (put the function in a SEC("...") section).'
              : `No program "${req.program}" in the object; it has ${programs.map((p) => p.section).join(', ')}.`,
        };
      }
      this.loaded = { handle, program: chosen.name, privileged: req.privileged, verified: null };
      const disassemble = this.core.disassemble;
      let disassembly: LoadedObject['disassembly'];
      if (disassemble === null) disassembly = unavailable('disassembler');
      else {
        try {
          disassembly = { status: 'ok', value: disassemble(handle, chosen.name) };
        } catch (e) {
          disassembly = failure(e);
        }
      }
      const origin =
        req.fileName === undefined ? ({ kind: 'compiled' } as const) : ({ kind: 'file', name: req.fileName } as const);
      return { status: 'ok', value: { origin, programs, maps, program: chosen.name, disassembly } };
    } catch (e) {
      return failure(e);
    }
  }

  verify(): Stage<VerifierReport> {
    if (this.loaded === null) return { status: 'error', message: 'Nothing is loaded: compile first.' };
    const verify = this.core.verify;
    if (verify === null) return unavailable('verifier');
    try {
      const report = verify(this.loaded.handle, this.loaded.program, this.loaded.privileged);
      this.loaded.verified = report;
      return { status: 'ok', value: report };
    } catch (e) {
      return failure(e);
    }
  }

  /** Refuses to run what the verifier rejected, as the kernel would refuse to load it. */
  private runnable(): Stage<never> | null {
    if (this.loaded === null) return { status: 'error', message: 'Nothing is loaded: compile first.' };
    if (this.core.verify === null) return unavailable('verifier');
    if (this.loaded.verified === null) {
      const v = this.verify();
      if (v.status !== 'ok') return v;
    }
    if (this.loaded.verified?.accepted !== true) {
      return {
        status: 'error',
        message: 'The verifier rejected the program, so it cannot run (see the Verifier panel).',
      };
    }
    return null;
  }

  run(req: RunRequest): Stage<RunReport> {
    const blocked = this.runnable();
    if (blocked !== null) return blocked;
    const run = this.core.run;
    if (run === null || this.loaded === null) return unavailable('vm');
    try {
      return {
        status: 'ok',
        value: run(this.loaded.handle, this.loaded.program, this.loaded.privileged, req.packets, req.seed),
      };
    } catch (e) {
      return failure(e);
    }
  }

  stepStart(req: RunRequest): Stage<StepState> {
    this.recording = [];
    const blocked = this.runnable();
    if (blocked !== null) return blocked;
    const record = this.core.record;
    if (record === null || this.loaded === null) return unavailable('vm');
    const packet = req.packets[0];
    if (packet === undefined) return { status: 'error', message: 'Stepping needs an input packet.' };
    try {
      const l = this.loaded;
      this.recording = record(l.handle, l.program, l.privileged, packet, req.seed, STEP_LIMIT).states;
    } catch (e) {
      return failure(e);
    }
    const first = this.recording[0];
    return first === undefined
      ? { status: 'error', message: 'The run recorded no state.' }
      : { status: 'ok', value: first };
  }

  stepTo(req: { readonly step: number } | { readonly untilBreakpoint: readonly number[] }, from = 0): Stage<StepState> {
    if (this.recording.length === 0) return { status: 'error', message: 'No stepped run: press Step first.' };
    let index: number;
    if ('step' in req) index = Math.max(0, Math.min(req.step, this.recording.length - 1));
    else {
      const stops = new Set(req.untilBreakpoint);
      index = this.recording.findIndex((s, i) => i > from && stops.has(s.pc));
      if (index < 0) index = this.recording.length - 1;
    }
    return { status: 'ok', value: this.recording[index]! };
  }

  maps(): Stage<readonly MapSnapshot[]> {
    if (this.loaded === null) return { status: 'error', message: 'Nothing is loaded.' };
    const maps = this.core.maps;
    if (maps === null) return unavailable('vm');
    try {
      return { status: 'ok', value: maps(this.loaded.handle, this.loaded.program, this.loaded.privileged) };
    } catch (e) {
      return failure(e);
    }
  }

  editMap(edit: MapEdit): Stage<readonly MapSnapshot[]> {
    if (this.loaded === null) return { status: 'error', message: 'Nothing is loaded.' };
    const editMap = this.core.editMap;
    if (editMap === null) return unavailable('vm');
    try {
      return { status: 'ok', value: editMap(this.loaded.handle, this.loaded.program, this.loaded.privileged, edit) };
    } catch (e) {
      return failure(e);
    }
  }

  /** Plays a workload against the loaded object; batches of firings go to `onBatch` as they happen. */
  attach(req: AttachRequest, onBatch: (batch: AttachBatch) => void): Stage<AttachSummary> {
    if (this.loaded === null) return { status: 'error', message: 'Nothing is loaded: compile first.' };
    const attach = this.core.attach;
    if (attach === null) return unavailable('vm');
    try {
      return { status: 'ok', value: attach(this.loaded.handle, this.loaded.privileged, req, onBatch) };
    } catch (e) {
      return failure(e);
    }
  }

  check(req: CheckRequest): Stage<CheckOutcome> {
    const check = this.core.check;
    if (check === null) return unavailable('vm');
    try {
      return { status: 'ok', value: check(req) };
    } catch (e) {
      return failure(e);
    }
  }

  /** The loaded program's live packet session for a traffic run (it refuses what the verifier rejected). */
  livePackets(): Stage<LivePackets> {
    const blocked = this.runnable();
    if (blocked !== null) return blocked;
    const live = this.core.live;
    const loaded = this.loaded;
    if (live === undefined || live === null || loaded === null) return unavailable('vm');
    try {
      const value = live(loaded.handle, loaded.program, loaded.privileged);
      return { status: 'ok', value: { ...value, isCurrent: () => this.loaded === loaded } };
    } catch (e) {
      return failure(e);
    }
  }

  reset(): null {
    this.loaded = null;
    this.recording = [];
    return null;
  }
}

/** The worker's handlers: one per method of the runtime API. */
export function runtimeHandlers<H>(
  session: Session<H>,
  emit: (event: string, data: unknown) => void = () => undefined,
): Handlers<RuntimeMethods> {
  let current = 0;
  const traffic = new TrafficDriver((progress) => emit(TRAFFIC_PROGRESS_EVENT, progress));
  return {
    capabilities: () => session.capabilities(),
    load: (req) => session.load(req),
    verify: () => session.verify(),
    run: (req) => session.run(req),
    stepStart: (req) => {
      current = 0;
      return session.stepStart(req);
    },
    stepTo: (req) => {
      const r = session.stepTo(req, current);
      if (r.status === 'ok') current = r.value.step;
      return r;
    },
    maps: () => session.maps(),
    editMap: (edit) => session.editMap(edit),
    reset: () => session.reset(),
    attach: (req) => session.attach(req, (batch) => emit(ATTACH_BATCH_EVENT, batch)),
    check: (req) => session.check(req),
    traffic: (req) => {
      const live = session.livePackets();
      return live.status === 'ok' ? traffic.run(req, live.value) : live;
    },
    trafficCancel: (req) => traffic.cancel(req.runId),
  };
}
