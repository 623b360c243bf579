/**
 * Local persistence: the program text (autosave on every edit), settings and panel layout.
 * Text is never overwritten silently: if another tab saved something different since this tab
 * last read or wrote, the store gets a conflict and the user chooses.
 */
import type { PlaygroundStore, StoreInit } from './store/store';
import { DEFAULT_SETTINGS } from './store/slices';
import type { PanelId, SettingsValues } from './store/types';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const SOURCE_KEY = 'ebpf-playground:source:v1';
export const SETTINGS_KEY = 'ebpf-playground:settings:v1';
export const LAYOUT_KEY = 'ebpf-playground:panels:v1';
/** Breakpoints of the saved program: C lines and instruction slots (saved with the text). */
export const BREAKPOINTS_KEY = 'ebpf-playground:breakpoints:v1';
/** This tab's text while a conflict is open, so that a reload in between loses nothing. */
export const BACKUP_KEY = 'ebpf-playground:source-unresolved:v1';

interface SavedSource {
  readonly source: string;
  readonly savedAt: number;
}

function readJson(storage: StorageLike, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

const asSaved = (v: unknown): SavedSource | null =>
  typeof v === 'object' && v !== null && typeof (v as SavedSource).source === 'string'
    ? { source: (v as SavedSource).source, savedAt: Number((v as SavedSource).savedAt) || 0 }
    : null;

export type SaveOutcome =
  { status: 'saved'; at: number } | { status: 'conflict'; theirs: string } | { status: 'failed'; reason: string };

export class Autosave {
  /** The text this tab last read from or wrote to storage. */
  private known: string | null;

  constructor(
    private readonly storage: StorageLike,
    private readonly now: () => number = Date.now,
  ) {
    this.known = this.read()?.source ?? null;
  }

  read(): SavedSource | null {
    return asSaved(readJson(this.storage, SOURCE_KEY));
  }

  /** Saves unless another tab changed the stored text since we last saw it. */
  save(source: string, force = false): SaveOutcome {
    const stored = this.read();
    if (!force && stored !== null && stored.source !== this.known && stored.source !== source) {
      return { status: 'conflict', theirs: stored.source };
    }
    const at = this.now();
    try {
      this.storage.setItem(SOURCE_KEY, JSON.stringify({ source, savedAt: at }));
    } catch (e) {
      return { status: 'failed', reason: e instanceof Error ? e.message : String(e) };
    }
    this.known = source;
    return { status: 'saved', at };
  }

  /** The user chose the other tab's text: it becomes what we know. */
  adopt(source: string): void {
    this.known = source;
  }
}

const PANEL_IDS: readonly PanelId[] = ['inputs', 'verifier', 'disassembly', 'registers', 'result', 'maps', 'trace', 'traffic']; // prettier-ignore

/** What the store starts from: saved text (or the example), saved settings and layout. */
export function loadPersisted(storage: StorageLike, autosave: Autosave): StoreInit {
  const init: StoreInit = {};
  const saved = autosave.read();
  if (saved !== null) init.source = saved.source;
  const backup = asSaved(readJson(storage, BACKUP_KEY));
  if (backup !== null && backup.source !== '' && backup.source !== saved?.source) {
    init.source = backup.source;
    if (saved !== null) init.conflict = saved.source;
  }
  init.breakpoints = readBreakpoints(readJson(storage, BREAKPOINTS_KEY), init.source ?? null);
  const settings = readJson(storage, SETTINGS_KEY);
  if (typeof settings === 'object' && settings !== null) {
    const picked: Partial<SettingsValues> = {};
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SettingsValues)[]) {
      const v = (settings as Record<string, unknown>)[key];
      if (typeof v === typeof DEFAULT_SETTINGS[key]) (picked as Record<string, unknown>)[key] = v;
    }
    init.settings = picked;
  }
  const layout = readJson(storage, LAYOUT_KEY) as { hiddenPanels?: unknown; activeTab?: unknown } | null;
  if (layout !== null && Array.isArray(layout.hiddenPanels)) {
    init.ui = {
      hiddenPanels: layout.hiddenPanels.filter((p): p is PanelId => PANEL_IDS.includes(p as PanelId)),
    };
    const tabs = layout.activeTab as Record<string, unknown> | undefined;
    if (tabs !== undefined && PANEL_IDS.includes(tabs.side as PanelId) && PANEL_IDS.includes(tabs.bottom as PanelId)) {
      init.ui.activeTab = { side: tabs.side as PanelId, bottom: tabs.bottom as PanelId };
    }
  }
  return init;
}

interface SavedBreakpoints {
  readonly lines: readonly number[];
  readonly insns: readonly number[];
  /** Lines of the text they were saved with: breakpoints of some other text are not restored. */
  readonly lineCount: number;
}

const lineCount = (source: string): number => source.split('\n').length;
const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((n): n is number => Number.isSafeInteger(n) && (n as number) >= 0) : [];

function readBreakpoints(v: unknown, source: string | null): StoreInit['breakpoints'] {
  if (typeof v !== 'object' || v === null || source === null) return undefined;
  const saved = v as Partial<SavedBreakpoints>;
  if (saved.lineCount !== lineCount(source)) return undefined;
  return { lines: numbers(saved.lines).filter((l) => l >= 1), insns: numbers(saved.insns) };
}

/** Keeps storage in step with the store. Returns an unsubscribe function. */
export function persist(store: PlaygroundStore, storage: StorageLike, autosave: Autosave): () => void {
  const saveSource = (source: string) => {
    const out = autosave.save(source);
    if (out.status === 'saved') store.getState().markSaved(out.at);
    else if (out.status === 'conflict') store.getState().setConflict(out.theirs);
    else store.getState().notify('error', `Could not save locally: ${out.reason}`);
  };
  return store.subscribe((s, prev) => {
    // A shared link (or an embed) is on screen: the visitor's own saved work is left alone.
    if (s.autosavePaused) return;
    if (s.lineBreakpoints !== prev.lineBreakpoints || s.breakpoints !== prev.breakpoints || s.source !== prev.source) {
      const saved: SavedBreakpoints = {
        lines: s.lineBreakpoints,
        insns: s.breakpoints,
        lineCount: lineCount(s.source),
      };
      storage.setItem(BREAKPOINTS_KEY, JSON.stringify(saved));
    }
    if (s.source !== prev.source) {
      if (s.conflict === null) saveSource(s.source);
      else storage.setItem(BACKUP_KEY, JSON.stringify({ source: s.source, savedAt: Date.now() }));
    }
    if (s.conflict !== null && prev.conflict === null) {
      storage.setItem(BACKUP_KEY, JSON.stringify({ source: s.source, savedAt: Date.now() }));
    }
    if (s.conflict === null && prev.conflict !== null) storage.setItem(BACKUP_KEY, '{"source":""}');
    const settingsChanged = (Object.keys(DEFAULT_SETTINGS) as (keyof SettingsValues)[]).some((k) => s[k] !== prev[k]);
    if (settingsChanged) {
      const values = Object.fromEntries(Object.keys(DEFAULT_SETTINGS).map((k) => [k, s[k as keyof SettingsValues]]));
      storage.setItem(SETTINGS_KEY, JSON.stringify(values));
    }
    if (s.hiddenPanels !== prev.hiddenPanels || s.activeTab !== prev.activeTab) {
      storage.setItem(LAYOUT_KEY, JSON.stringify({ hiddenPanels: s.hiddenPanels, activeTab: s.activeTab }));
    }
  });
}

/** Resolves a conflict: keep this tab's text (overwrite) or take the other tab's. */
export function resolveConflict(store: PlaygroundStore, autosave: Autosave, keep: 'mine' | 'theirs'): void {
  const s = store.getState();
  if (s.conflict === null) return;
  if (keep === 'theirs') {
    autosave.adopt(s.conflict.theirs);
    s.setConflict(null);
    s.setSource(s.conflict.theirs);
  } else {
    const out = autosave.save(s.source, true);
    s.setConflict(null);
    if (out.status === 'saved') s.markSaved(out.at);
  }
}
