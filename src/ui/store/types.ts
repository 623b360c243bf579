import type {
  AttachSummary,
  CheckOutcome,
  CompileResult,
  CompilerStatus,
  CpuVersion,
  Diagnostic,
  LoadedObject,
  MapSnapshot,
  OptLevel,
  OutputEvent,
  RunReport,
  RuntimeCapabilities,
  Stage,
  StepState,
  TraceLine,
  VerifierReport,
  FiringView,
  WorkloadSpec,
} from '../../protocol';
import type { PacketSpec } from '../../bpf/inputs/packets';
import type { ProgTypeName } from '../../bpf/object/kinds';
import type { ShareMapSeed, ShareSelection } from '../../sharing';
import type { Progress } from '../lessons/progress';
import type { TrafficSlice } from '../traffic/slice';

export type PanelId = 'inputs' | 'verifier' | 'disassembly' | 'registers' | 'result' | 'maps' | 'trace' | 'traffic';
export type Dock = 'side' | 'bottom';
export type Theme = 'system' | 'light' | 'dark';

export interface EditorSlice {
  source: string;
  cursor: { line: number; column: number };
  /** Bumped on every edit; compile results carry the revision they were made from. */
  revision: number;
  /** Another tab saved different text: the user chooses; nothing is overwritten silently. */
  conflict: { theirs: string } | null;
  savedAt: number | null;
  /** Source line the editor should reveal (from a panel click). */
  reveal: { line: number; nonce: number } | null;
  setSource(source: string): void;
  setCursor(line: number, column: number): void;
  setConflict(theirs: string | null): void;
  markSaved(at: number): void;
  revealLine(line: number): void;
}

export type CompilePhase = 'idle' | 'waiting' | 'compiling' | 'done' | 'failed' | 'unavailable';

export interface BuildSlice {
  compiler: CompilerStatus;
  runtime: RuntimeCapabilities | null;
  compile: {
    phase: CompilePhase;
    /** Editor revision the current phase/result belongs to. */
    revision: number;
    result: CompileResult | null;
    message: string | null;
  };
  load: Stage<LoadedObject> | null;
  /** An object file the user opened instead of compiling (until the next compile replaces it). */
  opened: { readonly name: string; readonly size: number } | null;
  verifier: Stage<VerifierReport> | null;
  /** The instruction highlighted across Disassembly, Verifier and Registers. */
  selectedPc: number | null;
  /** The C line highlighted in the Disassembly (from a click on a source line or in the editor). */
  selectedLine: number | null;
  setCompilerStatus(status: CompilerStatus): void;
  setRuntimeCapabilities(caps: RuntimeCapabilities): void;
  compileQueued(revision: number): void;
  compileStarted(revision: number): void;
  /** Ignored when a newer revision has been queued since (a stale result). */
  compileFinished(revision: number, result: CompileResult): void;
  compileFailed(revision: number, message: string, unavailable?: boolean): void;
  /** The compile's result is not shown (an object file was opened meanwhile): back to idle. */
  compileSetAside(revision: number): void;
  loadFinished(revision: number, load: Stage<LoadedObject>): void;
  verifyFinished(revision: number, verifier: Stage<VerifierReport>): void;
  selectPc(pc: number | null): void;
  selectLine(line: number | null): void;
  objectOpened(file: { name: string; size: number } | null): void;
}

export interface RunSlice {
  run: Stage<RunReport> | null;
  /** The maps as user space sees them now: after the last run, stepped run or edit. */
  maps: readonly MapSnapshot[] | null;
  running: boolean;
  trace: TraceLine[];
  /** Lines that arrived while the view was paused; shown on resume. */
  held: TraceLine[];
  tracePaused: boolean;
  traceFilter: string;
  step: Stage<StepState> | null;
  /** States already visited, so Step back works without the worker. */
  stepHistory: StepState[];
  /** Instruction breakpoints (slot numbers of the loaded program). */
  breakpoints: number[];
  /** C line breakpoints: stepping stops at the first instruction of the line (editor glyph margin). */
  lineBreakpoints: number[];
  /** Ring buffer and perf event records of the runs so far, oldest first (the Maps panel streams them). */
  events: OutputEvent[];
  /** How many of the stepped run's trace_pipe lines are already in `trace`. */
  stepTraceShown: number;
  runStarted(): void;
  runFinished(run: Stage<RunReport>): void;
  mapsChanged(maps: readonly MapSnapshot[]): void;
  appendTrace(lines: readonly TraceLine[]): void;
  clearTrace(): void;
  setTracePaused(paused: boolean): void;
  setTraceFilter(filter: string): void;
  stepFinished(step: Stage<StepState>): void;
  toggleBreakpoint(pc: number): void;
  toggleLineBreakpoint(line: number): void;
  /** The editor moved or removed line breakpoints as the text changed. */
  setLineBreakpoints(lines: readonly number[]): void;
  setBreakpoints(pcs: readonly number[]): void;
  resetRun(): void;
  /** Attach runs: the firings so far (newest last), the run's summary, and which run they belong to. */
  firings: FiringView[];
  /** Firings left out of the list because it was full (trace and maps still count them). */
  firingsDropped: number;
  attachRun: Stage<AttachSummary> | null;
  attachRunId: number;
  attachStarted(runId: number): void;
  attachBatch(runId: number, firings: readonly FiringView[], maps: readonly MapSnapshot[]): void;
  attachFinished(runId: number, result: Stage<AttachSummary>): void;
}

export type InputsKind = 'packets' | 'attach';

export interface InputsSlice {
  /** Packet runs (BPF_PROG_TEST_RUN) or attach runs (the simulated kernel plays a workload). */
  inputsKind: InputsKind;
  workload: WorkloadSpec;
  /** "TYPE:TARGET[=FUNCTION]"; empty = from the SEC() names (libbpf's auto-attach). */
  attachments: string[];
  /** User-space map writes applied after each load, before runs (share links carry them). */
  mapSeeds: ShareMapSeed[];
  setInputsKind(kind: InputsKind): void;
  setWorkload(workload: WorkloadSpec): void;
  setAttachments(attachments: string[]): void;
  setMapSeeds(seeds: ShareMapSeed[]): void;
  packets: PacketSpec[];
  selectedPacket: number;
  setPacket(index: number, spec: PacketSpec): void;
  addPacket(spec: PacketSpec): void;
  removePacket(index: number): void;
  selectPacket(index: number): void;
}

export interface SettingsSlice {
  /** SEC() name of the program to load; '' = the first program in the object. */
  section: string;
  optLevel: OptLevel;
  cpu: CpuVersion;
  privileged: boolean;
  vim: boolean;
  theme: Theme;
  autoCompile: boolean;
  setSettings(patch: Partial<SettingsValues>): void;
}

/**
 * Parts of the shareable state that have no control of their own yet but must survive a link
 * round trip exactly (the share schema's program type, -g, -D and -W values, and what was opened).
 */
export interface DocumentSlice {
  programType: ProgTypeName | null;
  debugInfo: boolean;
  defines: string[];
  warnings: string[];
  /** The example or lesson step the program came from. */
  selection: ShareSelection | null;
  /** The last lesson check of the current step. */
  check: { readonly status: 'running' } | { readonly status: 'done'; readonly result: Stage<CheckOutcome> } | null;
  setDocument(
    patch: Partial<Pick<DocumentSlice, 'programType' | 'debugInfo' | 'defines' | 'warnings' | 'selection'>>,
  ): void;
  setCheck(check: DocumentSlice['check']): void;
  /** Lesson progress as stored in this browser (lessons/progress.ts). */
  progress: Progress;
  setProgress(progress: Progress): void;
}

export type SettingsValues = Pick<
  SettingsSlice,
  'section' | 'optLevel' | 'cpu' | 'privileged' | 'vim' | 'theme' | 'autoCompile'
>;

export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'success' | 'warning' | 'error';
  readonly text: string;
}

/** A question the page asks before doing something that loses work. */
export interface ConfirmRequest {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly cancel?: string;
  readonly resolve: (ok: boolean) => void;
}

export type Overlay = 'gallery' | 'share' | 'lessons' | null;

export interface UiSlice {
  /** A modal view over the workspace. */
  overlay: Overlay;
  /** Large fonts, simplified chrome, trace and maps large (a projector at 1280x720). */
  presenter: boolean;
  /** ?embed: the iframe view (editor + these panels). */
  embed: { readonly panels: PanelId[] } | null;
  confirmRequest: ConfirmRequest | null;
  /**
   * A message about what the page opened (a link that failed, a shared program shown while the
   * visitor's own autosaved program is kept aside).
   */
  linkNotice: { readonly tone: 'warning' | 'error' | 'info'; readonly text: string } | null;
  /** While true, edits are not autosaved over the visitor's saved program (a shared link is open). */
  autosavePaused: boolean;
  setOverlay(overlay: Overlay): void;
  setPresenter(on: boolean): void;
  /** Asks the user; resolves true when they confirm. */
  confirm(request: Omit<ConfirmRequest, 'resolve'>): Promise<boolean>;
  answerConfirm(ok: boolean): void;
  setLinkNotice(notice: UiSlice['linkNotice']): void;
  setAutosavePaused(paused: boolean): void;
  hiddenPanels: PanelId[];
  activeTab: Record<Dock, PanelId>;
  notices: Notice[];
  togglePanel(id: PanelId): void;
  showPanel(id: PanelId, dock: Dock): void;
  setActiveTab(dock: Dock, id: PanelId): void;
  notify(tone: Notice['tone'], text: string): number;
  dismiss(id: number): void;
}

export type PlaygroundState = EditorSlice &
  BuildSlice &
  RunSlice &
  InputsSlice &
  SettingsSlice &
  UiSlice &
  DocumentSlice &
  TrafficSlice;

/** Markers for the editor: clang's and the verifier's, for the current revision only. */
export function currentDiagnostics(s: PlaygroundState): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (s.compile.revision === s.revision && s.compile.result !== null) out.push(...s.compile.result.diagnostics);
  // An opened object file's lines are not the editor's lines: mark only the editor's own program.
  if (s.verifier?.status === 'ok' && s.opened === null) out.push(...s.verifier.value.diagnostics);
  if (s.load?.status === 'error' && s.load.diagnostics !== undefined) out.push(...s.load.diagnostics);
  return out;
}
