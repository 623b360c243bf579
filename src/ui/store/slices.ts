/** The six slices. Each is a function of (set, get) so one factory composes them into a store. */
import type { StoreApi } from 'zustand/vanilla';
import { PACKET_TEMPLATES } from '../../bpf/inputs/packets';
import type { TraceLine } from '../../protocol';
import { keptBreakpoints } from './breakpoints';
import type {
  BuildSlice,
  DocumentSlice,
  EditorSlice,
  InputsSlice,
  PlaygroundState,
  RunSlice,
  SettingsSlice,
  UiSlice,
} from './types';

type Set = StoreApi<PlaygroundState>['setState'];
type Get = StoreApi<PlaygroundState>['getState'];

/** trace_pipe keeps the newest lines only, like the kernel's ring buffer. */
export const TRACE_LIMIT = 20_000;
/** The Maps panel's ring buffer / perf event stream keeps the newest records only. */
export const EVENTS_LIMIT = 5_000;
/** The firing list keeps the newest firings only. */
export const FIRINGS_LIMIT = 5_000;

export const editorSlice = (set: Set, get: Get, source: string): EditorSlice => ({
  source,
  cursor: { line: 1, column: 1 },
  revision: 0,
  conflict: null,
  savedAt: null,
  reveal: null,
  setSource: (next) => {
    if (next === get().source) return;
    set((s) => ({ source: next, revision: s.revision + 1 }));
  },
  setCursor: (line, column) => set({ cursor: { line, column } }),
  setConflict: (theirs) => set({ conflict: theirs === null ? null : { theirs } }),
  markSaved: (at) => set({ savedAt: at }),
  revealLine: (line) => set((s) => ({ reveal: { line, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
});

export const buildSlice = (set: Set, get: Get): BuildSlice => {
  /** A result is current when no newer revision has been queued since it was requested. */
  const current = (revision: number) => revision >= get().compile.revision;
  return {
    compiler: { state: 'loading', loadedBytes: 0, totalBytes: null },
    runtime: null,
    compile: { phase: 'idle', revision: -1, result: null, message: null },
    load: null,
    opened: null,
    verifier: null,
    selectedPc: null,
    selectedLine: null,
    setCompilerStatus: (compiler) => set({ compiler }),
    setRuntimeCapabilities: (runtime) => set({ runtime }),
    compileQueued: (revision) => {
      if (!current(revision)) return;
      set((s) => ({ compile: { ...s.compile, phase: 'waiting', revision } }));
    },
    compileStarted: (revision) => {
      if (!current(revision)) return;
      set((s) => ({ compile: { ...s.compile, phase: 'compiling', revision } }));
    },
    compileFinished: (revision, result) => {
      if (!current(revision)) return;
      set({
        compile: { phase: result.object !== null ? 'done' : 'failed', revision, result, message: result.crash },
        load: null,
        maps: null,
        run: null,
        verifier: null,
        selectedPc: null,
      });
    },
    compileFailed: (revision, message, unavailable = false) => {
      if (!current(revision)) return;
      set({ compile: { phase: unavailable ? 'unavailable' : 'failed', revision, result: null, message } });
    },
    compileSetAside: (revision) => {
      if (!current(revision)) return;
      set((s) => ({ compile: { ...s.compile, phase: 'idle', revision } }));
    },
    loadFinished: (revision, load) => {
      if (revision !== get().compile.revision) return;
      const breakpoints = keptBreakpoints(get().load, load, get().breakpoints);
      set({ load, verifier: null, maps: null, run: null, step: null, stepHistory: [], selectedPc: null, breakpoints });
    },
    verifyFinished: (revision, verifier) => {
      if (revision !== get().compile.revision) return;
      set({ verifier });
    },
    selectPc: (selectedPc) => set({ selectedPc, selectedLine: null }),
    selectLine: (selectedLine) => set({ selectedLine, selectedPc: null }),
    objectOpened: (opened) =>
      set(
        opened === null
          ? { opened }
          : {
              opened,
              load: null,
              verifier: null,
              maps: null,
              run: null,
              step: null,
              stepHistory: [],
              selectedPc: null,
            },
      ),
  };
};

const withTrace = (s: PlaygroundState, lines: readonly TraceLine[]): Partial<PlaygroundState> =>
  lines.length === 0
    ? {}
    : s.tracePaused
      ? { held: [...s.held, ...lines].slice(-TRACE_LIMIT) }
      : { trace: [...s.trace, ...lines].slice(-TRACE_LIMIT) };

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const toggled = (list: readonly number[], n: number): number[] =>
  list.includes(n) ? list.filter((x) => x !== n) : [...list, n].sort((a, b) => a - b);

export const runSlice = (set: Set): RunSlice => ({
  run: null,
  maps: null,
  running: false,
  trace: [],
  held: [],
  tracePaused: false,
  traceFilter: '',
  step: null,
  stepHistory: [],
  breakpoints: [],
  events: [],
  lineBreakpoints: [],
  stepTraceShown: 0,
  runStarted: () => set({ running: true }),
  runFinished: (run) =>
    set((s) => ({
      run,
      running: false,
      ...(run.status === 'ok'
        ? {
            maps: run.value.maps,
            events: [...s.events, ...run.value.runs.flatMap((r) => r.events)].slice(-EVENTS_LIMIT),
          }
        : {}),
      ...withTrace(s, run.status === 'ok' ? run.value.runs.flatMap((r) => r.trace) : []),
    })),
  mapsChanged: (maps) => set({ maps }),
  appendTrace: (lines) => set((s) => withTrace(s, lines)),
  clearTrace: () => set({ trace: [], held: [] }),
  setTracePaused: (paused) =>
    set((s) =>
      paused
        ? { tracePaused: true }
        : { tracePaused: false, trace: [...s.trace, ...s.held].slice(-TRACE_LIMIT), held: [] },
    ),
  setTraceFilter: (traceFilter) => set({ traceFilter }),
  stepFinished: (step) =>
    set((s) => {
      if (step.status !== 'ok') return { step };
      const seen = s.stepHistory.some((h) => h.step === step.value.step);
      const history = s.stepHistory.filter((h) => h.step !== step.value.step);
      history.push(step.value);
      history.sort((a, b) => a.step - b.step);
      // trace_pipe lines appear as the stepped run prints them (once: stepping back keeps them, as a
      // stream would); the maps show their state at this step.
      const shown = s.step?.status === 'ok' || seen ? s.stepTraceShown : 0;
      const fresh = step.value.trace.slice(shown);
      return {
        step,
        stepHistory: history,
        stepTraceShown: shown + fresh.length,
        ...withTrace(s, fresh),
        ...(step.value.maps !== null ? { maps: step.value.maps } : {}),
      };
    }),
  toggleBreakpoint: (pc) => set((s) => ({ breakpoints: toggled(s.breakpoints, pc) })),
  toggleLineBreakpoint: (line) => set((s) => ({ lineBreakpoints: toggled(s.lineBreakpoints, line) })),
  setLineBreakpoints: (lines) =>
    set((s) => {
      const next = [...new Set(lines)].sort((a, b) => a - b);
      return sameNumbers(next, s.lineBreakpoints) ? {} : { lineBreakpoints: next };
    }),
  setBreakpoints: (pcs) => set({ breakpoints: [...new Set(pcs)].sort((a, b) => a - b) }),
  resetRun: () =>
    set({
      run: null,
      maps: null,
      running: false,
      step: null,
      stepHistory: [],
      firings: [],
      firingsDropped: 0,
      attachRun: null,
      events: [],
    }),
  firings: [],
  firingsDropped: 0,
  attachRun: null,
  attachRunId: 0,
  attachStarted: (runId) =>
    set({ running: true, attachRunId: runId, firings: [], firingsDropped: 0, attachRun: null, run: null, events: [] }),
  attachBatch: (runId, firings, maps) =>
    set((s) => {
      if (runId !== s.attachRunId) return {};
      const all = [...s.firings, ...firings];
      const drop = Math.max(0, all.length - FIRINGS_LIMIT);
      return {
        firings: drop > 0 ? all.slice(drop) : all,
        firingsDropped: s.firingsDropped + drop,
        events: [...s.events, ...firings.flatMap((f) => f.events)].slice(-EVENTS_LIMIT),
        maps,
        ...withTrace(
          s,
          firings.flatMap((f) => f.trace),
        ),
      };
    }),
  attachFinished: (runId, attachRun) =>
    set((s) =>
      runId !== s.attachRunId
        ? {}
        : { attachRun, running: false, ...(attachRun.status === 'ok' ? { maps: attachRun.value.maps } : {}) },
    ),
});

export const inputsSlice = (set: Set, get: Get): InputsSlice => ({
  inputsKind: 'packets',
  workload: { preset: 'demo' },
  attachments: [],
  mapSeeds: [],
  setInputsKind: (inputsKind) => set({ inputsKind }),
  setWorkload: (workload) => set({ workload }),
  setAttachments: (attachments) => set({ attachments }),
  setMapSeeds: (mapSeeds) => set({ mapSeeds }),
  packets: [structuredClone(PACKET_TEMPLATES[0]!.spec)],
  selectedPacket: 0,
  setPacket: (index, spec) => set((s) => ({ packets: s.packets.map((p, i) => (i === index ? spec : p)) })),
  addPacket: (spec) => set((s) => ({ packets: [...s.packets, spec], selectedPacket: s.packets.length })),
  removePacket: (index) => {
    if (get().packets.length <= 1) return;
    set((s) => {
      const packets = s.packets.filter((_, i) => i !== index);
      return { packets, selectedPacket: Math.min(s.selectedPacket, packets.length - 1) };
    });
  },
  selectPacket: (index) => set((s) => ({ selectedPacket: Math.max(0, Math.min(index, s.packets.length - 1)) })),
});

export const DEFAULT_SETTINGS = {
  section: '',
  optLevel: 2,
  cpu: 'v3',
  privileged: true,
  vim: false,
  theme: 'system',
  autoCompile: true,
} as const satisfies Partial<SettingsSlice>;

export const settingsSlice = (set: Set): SettingsSlice => ({
  ...DEFAULT_SETTINGS,
  setSettings: (patch) => set(patch),
});

export const documentSlice = (set: Set): DocumentSlice => ({
  programType: null,
  debugInfo: true,
  defines: [],
  warnings: [],
  selection: null,
  check: null,
  setDocument: (patch) => set(patch),
  setCheck: (check) => set({ check }),
  progress: {},
  setProgress: (progress) => set({ progress }),
});

let noticeId = 0;

export const uiSlice = (set: Set, get: Get): UiSlice => ({
  overlay: null,
  presenter: false,
  embed: null,
  confirmRequest: null,
  linkNotice: null,
  autosavePaused: false,
  setOverlay: (overlay) => set({ overlay }),
  setPresenter: (presenter) => set({ presenter }),
  confirm: (request) =>
    new Promise<boolean>((resolve) => {
      // A question still open is answered "no" by the new one.
      get().confirmRequest?.resolve(false);
      set({ confirmRequest: { ...request, resolve } });
    }),
  answerConfirm: (ok) => {
    const r = get().confirmRequest;
    set({ confirmRequest: null });
    r?.resolve(ok);
  },
  setLinkNotice: (linkNotice) => set({ linkNotice }),
  setAutosavePaused: (autosavePaused) => set({ autosavePaused }),
  hiddenPanels: [],
  activeTab: { side: 'inputs', bottom: 'trace' },
  notices: [],
  togglePanel: (id) =>
    set((s) => ({
      hiddenPanels: s.hiddenPanels.includes(id) ? s.hiddenPanels.filter((p) => p !== id) : [...s.hiddenPanels, id],
    })),
  showPanel: (id, dock) =>
    set((s) => ({ hiddenPanels: s.hiddenPanels.filter((p) => p !== id), activeTab: { ...s.activeTab, [dock]: id } })),
  setActiveTab: (dock, id) => set((s) => ({ activeTab: { ...s.activeTab, [dock]: id } })),
  notify: (tone, text) => {
    const id = ++noticeId;
    set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id, tone, text }].slice(-4) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
