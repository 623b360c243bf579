import type {
  CompileResult,
  CompilerStatus,
  CpuVersion,
  Diagnostic,
  LoadedObject,
  MapSnapshot,
  OptLevel,
  RunReport,
  RuntimeCapabilities,
  Stage,
  StepState,
  TraceLine,
  VerifierReport,
} from '../../protocol';
import type { PacketSpec } from '../../bpf/inputs/packets';

export type PanelId = 'inputs' | 'verifier' | 'disassembly' | 'registers' | 'result' | 'maps' | 'trace';
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
  breakpoints: number[];
  runStarted(): void;
  runFinished(run: Stage<RunReport>): void;
  mapsChanged(maps: readonly MapSnapshot[]): void;
  appendTrace(lines: readonly TraceLine[]): void;
  clearTrace(): void;
  setTracePaused(paused: boolean): void;
  setTraceFilter(filter: string): void;
  stepFinished(step: Stage<StepState>): void;
  toggleBreakpoint(pc: number): void;
  resetRun(): void;
}

export interface InputsSlice {
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

export type SettingsValues = Pick<
  SettingsSlice,
  'section' | 'optLevel' | 'cpu' | 'privileged' | 'vim' | 'theme' | 'autoCompile'
>;

export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'success' | 'warning' | 'error';
  readonly text: string;
}

export interface UiSlice {
  hiddenPanels: PanelId[];
  activeTab: Record<Dock, PanelId>;
  notices: Notice[];
  togglePanel(id: PanelId): void;
  showPanel(id: PanelId, dock: Dock): void;
  setActiveTab(dock: Dock, id: PanelId): void;
  notify(tone: Notice['tone'], text: string): number;
  dismiss(id: number): void;
}

export type PlaygroundState = EditorSlice & BuildSlice & RunSlice & InputsSlice & SettingsSlice & UiSlice;

/** Markers for the editor: clang's and the verifier's, for the current revision only. */
export function currentDiagnostics(s: PlaygroundState): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (s.compile.revision === s.revision && s.compile.result !== null) out.push(...s.compile.result.diagnostics);
  // An opened object file's lines are not the editor's lines: mark only the editor's own program.
  if (s.verifier?.status === 'ok' && s.opened === null) out.push(...s.verifier.value.diagnostics);
  if (s.load?.status === 'error' && s.load.diagnostics !== undefined) out.push(...s.load.diagnostics);
  return out;
}
