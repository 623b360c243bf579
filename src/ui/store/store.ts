/** One factory for the whole playground state; each test and each page gets a fresh store. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_PROGRAM } from '../default-program';
import { buildSlice, documentSlice, editorSlice, inputsSlice, runSlice, settingsSlice, uiSlice } from './slices';
import type { PlaygroundState, SettingsValues, UiSlice } from './types';
import { trafficSlice } from '../traffic/slice';

export interface StoreInit {
  source?: string;
  /** Another tab's text that differs from `source` (see persistence.ts). */
  conflict?: string;
  settings?: Partial<SettingsValues>;
  ui?: Partial<Pick<UiSlice, 'hiddenPanels' | 'activeTab' | 'presenter' | 'embed'>>;
  /** Breakpoints saved with the program text (C lines and instruction slots). */
  breakpoints?: { lines: number[]; insns: number[] };
}

export type PlaygroundStore = StoreApi<PlaygroundState>;

export function createPlaygroundStore(init: StoreInit = {}): PlaygroundStore {
  return createStore<PlaygroundState>()((set, get) => ({
    ...editorSlice(set, get, init.source ?? DEFAULT_PROGRAM),
    ...buildSlice(set, get),
    ...runSlice(set),
    ...inputsSlice(set, get),
    ...settingsSlice(set),
    ...uiSlice(set, get),
    ...documentSlice(set),
    ...trafficSlice(set),
    ...init.settings,
    ...init.ui,
    ...(init.conflict !== undefined ? { conflict: { theirs: init.conflict } } : {}),
    ...(init.breakpoints !== undefined
      ? { lineBreakpoints: init.breakpoints.lines, breakpoints: init.breakpoints.insns }
      : {}),
  }));
}
