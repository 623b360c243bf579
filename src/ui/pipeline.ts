/**
 * Connects the store to the workers: debounced compile on edit, then load → verify → run in the
 * runtime worker. Every result is tagged with the editor revision it came from; the store drops
 * results for superseded revisions and the clients drop superseded replies.
 */
import { BccError, isBccSource, rewriteBcc } from '../bpf/bcc';
import { tryBuild } from '../bpf/inputs/packets';
import { parseAttachment, type Attachment } from '../bpf/kernel';
import { seedsAfterEdit, seedValueHex } from '../sharing';
import {
  ATTACH_BATCH_EVENT,
  type AttachBatch,
  type CheckOutcome,
  type CheckSpec,
  type Diagnostic,
  type MapEdit,
  type MapSnapshot,
  type Reply,
  type Stage,
  TRAFFIC_PROGRESS_EVENT,
  type TrafficProgress,
} from '../protocol';
import type { CompilerClient } from '../runtime/compiler-client';
import type { RuntimeClient } from '../runtime/runtime-client';
import { stepStops } from './store/breakpoints';
import type { PlaygroundStore } from './store/store';
import type { PlaygroundState } from './store/types';

/**
 * Typing compiles almost at once (edit-to-result is a benchmark: ≤ 300 ms): the short wait only
 * gathers a burst of changes (a paste, a key held down). While a compile and its run are under
 * way, further edits wait for it and then compile once, for the newest text only.
 */
export const COMPILE_DEBOUNCE_MS = 50;

export interface Pipeline {
  compileNow(): Promise<void>;
  /**
   * What typing does (and the page's first load): compile, then run when the verifier accepts a
   * packet program — unless Run was pressed meanwhile, whose run already covers this text.
   */
  compileAndRun(): Promise<void>;
  verify(): Promise<void>;
  run(): Promise<void>;
  /** Step forward (+1) or back (-1) through a recorded run; starts one when there is none. */
  step(delta: 1 | -1): Promise<void>;
  /** Run until the next breakpoint (or the end). */
  continueRun(): Promise<void>;
  /** Jump to the end of the stepped run, ignoring breakpoints. */
  runToEnd(): Promise<void>;
  reset(): Promise<void>;
  /** Loads an object file the user opened (compiled elsewhere, e.g. by native clang). */
  openObject(name: string, bytes: Uint8Array): Promise<void>;
  /** Updates or deletes a map entry from user space; the Maps panel shows the result. */
  editMap(edit: MapEdit): Promise<boolean>;
  /** Reads the maps as they are now. */
  refreshMaps(): Promise<void>;
  /** A lesson check on a fresh copy of the current object (compiling first if needed). */
  check(spec: CheckSpec): Promise<Stage<CheckOutcome> | null>;
  /** Events the runtime worker posts (attach-run batches, traffic-run progress). */
  onRuntimeEvent(event: string, data: unknown): void;
  /** The runtime worker's client, for requests with their own flow (traffic runs: src/ui/traffic). */
  readonly runtime: RuntimeClient;
  dispose(): void;
}

/** The programs BCC-style source defines, attached where the run configuration says (fn → attachment). */
function bccAttachments(specs: readonly string[]): Map<string, Attachment> {
  const out = new Map<string, Attachment>();
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) continue;
    try {
      out.set(spec.slice(eq + 1), parseAttachment(spec.slice(0, eq)));
    } catch {
      // A bad attachment is reported when the run parses it.
    }
  }
  return out;
}

/** Kernel-side program kinds are run by a workload rather than by packets. */
const TRACING = /^(kprobe|kretprobe|tracepoint|tp|raw_tracepoint|raw_tp|fentry|fexit)(\/|$)/;

/** The user-space writes a share link's map pre-seeds stand for, sized to the loaded maps. */
function seedEdits(
  seeds: readonly { map: string; key: string; value: string }[],
  maps: readonly Pick<MapSnapshot, 'name' | 'valueSize' | 'cpus'>[],
): MapEdit[] {
  return seeds.map((seed) => {
    const m = maps.find((x) => x.name === seed.map);
    // Per-CPU maps take one copy per CPU on the syscall side, each padded to 8 bytes.
    const userSize = m === undefined ? 0 : m.cpus > 1 ? Math.ceil(m.valueSize / 8) * 8 * m.cpus : m.valueSize;
    const value = m === undefined ? seed.value : seedValueHex(seed.value, userSize, m.valueSize, m.cpus);
    return { map: seed.map, op: 'update', key: seed.key, value };
  });
}

/** A stage reply flattened: worker trouble (error/restart) becomes a Stage error the panels show. */
function stageOf<T>(reply: Reply<Stage<T>>): Stage<T> | null {
  switch (reply.status) {
    case 'ok':
      return reply.value;
    case 'stale':
      return null;
    case 'error':
      return { status: 'error', message: reply.message };
    case 'restarted':
      return { status: 'error', message: reply.reason };
  }
}

export function createPipeline(
  store: PlaygroundStore,
  compiler: CompilerClient,
  runtime: RuntimeClient,
  opts: {
    debounceMs?: number;
    /** Headers the program includes with quotes, given by what is open (a seed's network.h). */
    includes?: (s: PlaygroundState) => Readonly<Record<string, string>>;
  } = {},
): Pipeline {
  const debounceMs = opts.debounceMs ?? COMPILE_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const get = () => store.getState();
  /** The bytes of the object file the user opened, while it is what the page shows. */
  let opened: { name: string; bytes: Uint8Array } | null = null;
  /** The object the panels show (compiled or opened): lesson checks load their own copy. */
  let lastObject: Uint8Array | null = null;
  let attachRunId = 0;

  const unsubStatus = compiler.onStatus((status) => get().setCompilerStatus(status));
  void compiler.status().then((status) => get().setCompilerStatus(status));
  void runtime.call('capabilities', null).then((r) => {
    if (r.status === 'ok') get().setRuntimeCapabilities(r.value);
  });

  const packets = (): Uint8Array[] | null => {
    const out: Uint8Array[] = [];
    for (const [i, spec] of get().packets.entries()) {
      const built = tryBuild(spec);
      if (built.error !== null) {
        get().notify('error', `Packet ${i + 1} cannot be built: ${built.error}`);
        return null;
      }
      out.push(built.bytes);
    }
    return out;
  };

  /** Compiles the current text and, when it yields an object, loads and verifies it. Returns whether it loaded. */
  /** The compile (and load) under way, so a Run pressed meanwhile waits for it instead of failing. */
  let inflight: { revision: number; done: Promise<void> } | null = null;

  function compileNow(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const revision = get().revision;
    if (inflight !== null && inflight.revision === revision) return inflight.done;
    const done = compileRevision(revision).finally(() => {
      if (inflight?.done === done) inflight = null;
    });
    inflight = { revision, done };
    return done;
  }

  async function compileRevision(revision: number): Promise<void> {
    const s = get();
    s.compileQueued(revision);
    const status = get().compiler;
    if (status.state === 'unavailable') {
      // An opened object stays on screen; without one, the page says the compiler is missing.
      if (opened !== null) return;
      get().compileFailed(revision, status.reason, true);
      return;
    }
    get().compileStarted(revision);
    let source = s.source;
    if (isBccSource(source)) {
      // BCC-style C compiles through the rewrite (maps macros, method calls, probe reads, SEC()).
      try {
        source = rewriteBcc(source, { fileName: 'prog.c', attachments: bccAttachments(s.attachments) }).source;
      } catch (e) {
        if (!(e instanceof BccError)) throw e;
        const diagnostic: Diagnostic = {
          source: 'clang',
          severity: 'error',
          message: `BCC: ${e.message.replace(/^line \d+: /, '')}`,
          file: 'prog.c',
          line: e.line ?? 1,
          column: 1,
        };
        get().compileFinished(revision, { object: null, diagnostics: [diagnostic], crash: null, durationMs: 0 });
        return;
      }
    }
    const openedBefore = opened;
    const reply = await compiler.compile(
      source,
      { optLevel: s.optLevel, cpu: s.cpu, debugInfo: s.debugInfo, defines: s.defines },
      opts.includes?.(s),
    );
    if (reply.status === 'stale') return;
    // An object file opened while this compile ran is what the user asked for last: keep it.
    if (opened !== null && opened !== openedBefore) {
      get().compileSetAside(revision);
      return;
    }
    if (reply.status !== 'ok') {
      const message = reply.status === 'error' ? reply.message : reply.reason;
      get().compileFailed(revision, message, get().compiler.state === 'unavailable');
      return;
    }
    get().compileFinished(revision, reply.value);
    const object = reply.value.object;
    if (object === null) return;
    opened = null;
    lastObject = object;
    get().objectOpened(null);
    const load = stageOf(
      await runtime.call(
        'load',
        { object, program: get().section === '' ? null : get().section, privileged: get().privileged },
        { channel: 'load' },
      ),
    );
    if (load === null) return;
    get().loadFinished(revision, load);
    if (load.status === 'ok') await afterLoad(revision, load.value);
  }

  /** Verify, pre-seed the maps, and pick the inputs a tracing program needs. */
  async function afterLoad(
    revision: number,
    loaded: {
      program: string;
      programs: readonly { name: string; section: string }[];
      maps: readonly { name: string; valueSize: number; cpus: number }[];
    },
  ): Promise<void> {
    const section = loaded.programs.find((p) => p.name === loaded.program)?.section ?? '';
    if (TRACING.test(section) && get().inputsKind === 'packets') get().setInputsKind('attach');
    await verifyRevision(revision);
    const seeds = get().mapSeeds;
    for (const edit of seedEdits(seeds, loaded.maps)) {
      const r = stageOf(await runtime.call('editMap', edit, { channel: 'seed' }));
      if (r !== null && r.status !== 'ok')
        get().notify('error', `Map pre-seed of ${edit.map}: ${r.status === 'error' ? r.message : r.reason}`);
    }
    await refreshMaps();
  }

  async function loadOpened(): Promise<void> {
    if (opened === null) return;
    const revision = get().compile.revision;
    const load = stageOf(
      await runtime.call(
        'load',
        {
          object: opened.bytes,
          program: get().section === '' ? null : get().section,
          privileged: get().privileged,
          fileName: opened.name,
        },
        { channel: 'load' },
      ),
    );
    if (load === null) return;
    get().loadFinished(revision, load);
    if (load.status === 'ok') await afterLoad(revision, load.value);
  }

  async function refreshMaps(): Promise<void> {
    const r = stageOf(await runtime.call('maps', null, { channel: 'maps' }));
    if (r !== null && r.status === 'ok') get().mapsChanged(r.value);
  }

  async function verifyRevision(revision: number): Promise<void> {
    const v = stageOf(await runtime.call('verify', null, { channel: 'verify' }));
    if (v !== null) get().verifyFinished(revision, v);
  }

  /** Makes sure the current text is compiled and loaded; false (with the reason shown) otherwise. */
  async function ensureLoaded(action: string): Promise<boolean> {
    if (opened !== null) {
      if (get().load === null) await loadOpened();
      const load = get().load;
      if (load?.status === 'ok') return true;
      get().notify('info', `${action}: ${load === null ? 'nothing loaded' : describe(load)}`);
      return false;
    }
    const s = get();
    if (s.compile.revision !== s.revision || s.compile.phase !== 'done' || s.load === null) await compileNow();
    const t = get();
    if (t.compile.phase === 'unavailable') {
      t.notify('info', `${action} needs the compiler, which is not available yet.`);
      return false;
    }
    if (t.compile.phase !== 'done') {
      t.notify('error', `${action}: the program does not compile (see the markers in the editor).`);
      return false;
    }
    if (t.load?.status !== 'ok') {
      t.notify('info', `${action}: ${t.load === null ? 'nothing loaded' : describe(t.load)}`);
      return false;
    }
    return true;
  }

  const describe = (stage: Stage<unknown>): string =>
    stage.status === 'unavailable' ? stage.reason : stage.status === 'error' ? stage.message : 'ok';

  const onSourceOrSettings = store.subscribe((s, prev) => {
    const changed =
      s.revision !== prev.revision ||
      s.optLevel !== prev.optLevel ||
      s.cpu !== prev.cpu ||
      s.section !== prev.section ||
      s.debugInfo !== prev.debugInfo ||
      s.defines !== prev.defines ||
      // BCC source: where functions attach decides their SEC() and argument reads.
      (s.attachments !== prev.attachments && isBccSource(s.source));
    const privChanged = s.privileged !== prev.privileged;
    if (opened !== null && (privChanged || s.section !== prev.section)) {
      get().resetRun();
      void loadOpened();
      return;
    }
    if (!s.autoCompile || (!changed && !privChanged)) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void compileLatest(), debounceMs);
  });

  let busy = false;
  let again = false;
  /** One compile-and-run at a time; edits made meanwhile are compiled together when it ends. */
  async function compileLatest(): Promise<void> {
    timer = null;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await compileAndRun();
      } while (again);
    } finally {
      busy = false;
    }
  }

  /**
   * What typing does: compile, load, verify and — for packet programs the verifier accepts — run,
   * so the result follows the text. Not while stepping through a run, and not for workloads (a
   * workload run is longer and streams; it starts from the Run button).
   */
  async function compileAndRun(): Promise<void> {
    const revision = get().revision;
    const requestsBefore = runRequests;
    await compileNow();
    const s = get();
    const accepted = s.verifier?.status === 'ok' && s.verifier.value.accepted;
    if (s.revision !== revision || s.compile.revision !== revision || !accepted || s.inputsKind !== 'packets') return;
    if (s.step !== null || s.running) return;
    // Run pressed during this compile already runs this text once it loads; a second run would
    // double every counter in the maps.
    if (runRequests !== requestsBefore) return;
    await runNow();
  }

  /** Explicit Run requests (button, shortcut, command), counted so typing's automatic run can yield to them. */
  let runRequests = 0;

  async function runNow(): Promise<void> {
    if (!(await ensureLoaded('Run'))) return;
    if (get().inputsKind === 'attach') {
      const runId = ++attachRunId;
      const s = get();
      s.attachStarted(runId);
      s.clearTrace();
      const maps = s.load?.status === 'ok' ? s.load.value.maps : [];
      const r = stageOf(
        await runtime.call(
          'attach',
          // Pre-seeds of maps this program lacks were reported when it loaded; they must not fail the run.
          { workload: s.workload, attachments: s.attachments, seeds: seedEdits(s.mapSeeds.filter((x) => maps.some((m) => m.name === x.map)), maps), seed: 1, runId }, // prettier-ignore
          { channel: 'run' },
        ),
      );
      get().attachFinished(runId, r ?? { status: 'error', message: 'superseded by a newer run' });
      return;
    }
    const input = packets();
    if (input === null) return;
    get().runStarted();
    const r = stageOf(await runtime.call('run', { packets: input, seed: 1 }, { channel: 'run' }));
    if (r !== null) get().runFinished(r);
    else get().runFinished({ status: 'error', message: 'superseded by a newer run' });
  }

  const pipeline: Pipeline = {
    compileNow,
    compileAndRun,
    async verify() {
      if (!(await ensureLoaded('Verify'))) return;
      await verifyRevision(get().revision);
    },
    run() {
      runRequests++;
      return runNow();
    },
    async step(delta) {
      const s = get();
      const current = s.step?.status === 'ok' ? s.step.value : null;
      if (current === null) {
        if (delta < 0 || !(await ensureLoaded('Step'))) return;
        const input = packets();
        if (input === null) return;
        // Each state carries the maps as they are at that step, so the Maps panel follows the stepping.
        const r = stageOf(await runtime.call('stepStart', { packets: input, seed: 1 }, { channel: 'step' }));
        if (r !== null) get().stepFinished(r);
        return;
      }
      const target = current.step + delta;
      if (target < 0) return;
      const known = s.stepHistory.find((h) => h.step === target);
      if (known !== undefined) {
        get().stepFinished({ status: 'ok', value: known });
        return;
      }
      const r = stageOf(await runtime.call('stepTo', { step: target }, { channel: 'step' }));
      if (r !== null) get().stepFinished(r);
    },
    async continueRun() {
      const s = get();
      const stops = stepStops(s);
      if (s.step?.status !== 'ok') {
        await this.step(1);
        const first = get().step;
        // A breakpoint on the very first instruction stops right there.
        if (first?.status !== 'ok' || stops.includes(first.value.pc)) return;
      }
      const r = stageOf(await runtime.call('stepTo', { untilBreakpoint: stops }, { channel: 'step' }));
      if (r !== null) get().stepFinished(r);
    },
    async runToEnd() {
      if (get().step?.status !== 'ok') {
        await this.step(1);
        if (get().step?.status !== 'ok') return;
      }
      const r = stageOf(await runtime.call('stepTo', { step: Number.MAX_SAFE_INTEGER }, { channel: 'step' }));
      if (r !== null) get().stepFinished(r);
    },
    async reset() {
      get().resetRun();
      get().clearTrace();
      await runtime.call('reset', null, { channel: 'load' });
      if (opened !== null) await loadOpened();
      else if (get().compile.phase === 'done') await compileNow();
    },
    async openObject(name, bytes) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      opened = { name, bytes };
      get().objectOpened({ name, size: bytes.length });
      await loadOpened();
      const load = get().load;
      if (load?.status === 'ok') {
        get().notify(
          'success',
          `Opened ${name}: ${load.value.programs.length} program(s), ${load.value.maps.length} map(s).`,
        );
      }
    },
    refreshMaps,
    async check(spec) {
      if (!(await ensureLoaded('Check'))) return null;
      const object = opened?.bytes ?? lastObject;
      if (object === null) return null;
      const s = get();
      return stageOf(
        await runtime.call(
          'check',
          { object, program: s.section === '' ? null : s.section, privileged: s.privileged, check: spec },
          { channel: 'check' },
        ),
      );
    },
    runtime,
    onRuntimeEvent(event, data) {
      if (event === TRAFFIC_PROGRESS_EVENT) get().trafficProgress(data as TrafficProgress);
      if (event !== ATTACH_BATCH_EVENT) return;
      const batch = data as AttachBatch;
      get().attachBatch(batch.runId, batch.firings, batch.maps);
    },
    async editMap(edit) {
      if (get().load?.status !== 'ok') return false;
      const r = stageOf(await runtime.call('editMap', edit, { channel: 'maps' }));
      if (r === null) return false;
      if (r.status !== 'ok') {
        get().notify('error', r.status === 'error' ? r.message : r.reason);
        return false;
      }
      get().mapsChanged(r.value);
      // What the user wrote is a pre-seed: share links and workload runs (fresh maps) replay it.
      get().setMapSeeds(seedsAfterEdit(get().mapSeeds, edit));
      return true;
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      onSourceOrSettings();
      unsubStatus();
      compiler.dispose();
      runtime.dispose();
    },
  };
  return pipeline;
}
