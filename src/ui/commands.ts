/**
 * THE command registry: the toolbar, keyboard shortcuts and Monaco actions all read this list, so a
 * command's label, shortcut and behaviour are stated once.
 */
import type { PageActions } from './actions';
import { chooseAndOpenFile } from './bcc-import';
import type { Pipeline } from './pipeline';
import type { PlaygroundStore } from './store/store';

export type CommandId =
  | 'compile'
  | 'verify'
  | 'run'
  | 'step'
  | 'stepBack'
  | 'continue'
  | 'breakpoint'
  | 'reset'
  | 'share'
  | 'save'
  | 'examples'
  | 'lessons'
  | 'present'
  | 'traffic'
  | 'open';

export interface Shortcut {
  /** KeyboardEvent.key, compared case-insensitively: 'Enter', 's', 'F10'. */
  readonly key: string;
  /** Ctrl on Linux/Windows, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface CommandContext {
  readonly store: PlaygroundStore;
  readonly pipeline: Pipeline;
  /** Examples, lessons and links (absent in tests that render single panels). */
  readonly actions?: PageActions;
}

export interface Command {
  readonly id: CommandId;
  readonly label: string;
  /** Tooltip / accessible description. */
  readonly description: string;
  readonly shortcut: Shortcut | null;
  /** Shown in the toolbar (Save is shortcut-only). */
  readonly toolbar: boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'compile',
    label: 'Compile',
    description: 'Compile the program with clang',
    shortcut: { key: 'b', mod: true },
    toolbar: true,
    run: ({ pipeline }) => pipeline.compileNow(),
  },
  {
    id: 'verify',
    label: 'Verify',
    description: 'Check the program with the verifier',
    shortcut: { key: 'Enter', mod: true, shift: true },
    toolbar: true,
    run: ({ pipeline }) => pipeline.verify(),
  },
  {
    id: 'run',
    label: 'Run',
    description: 'Run the program on the input packets',
    shortcut: { key: 'Enter', mod: true },
    toolbar: true,
    run: ({ pipeline }) => pipeline.run(),
  },
  {
    id: 'step',
    label: 'Step',
    description: 'Execute one instruction',
    shortcut: { key: 'F10' },
    toolbar: true,
    run: ({ pipeline }) => pipeline.step(1),
  },
  {
    id: 'stepBack',
    label: 'Step back',
    description: 'Go back one instruction',
    shortcut: { key: 'F10', shift: true },
    toolbar: false,
    run: ({ pipeline }) => pipeline.step(-1),
  },
  {
    id: 'continue',
    label: 'Continue',
    description: 'Run to the next breakpoint or the end',
    shortcut: { key: 'F8' },
    toolbar: false,
    run: ({ pipeline }) => pipeline.continueRun(),
  },
  {
    id: 'breakpoint',
    label: 'Toggle breakpoint',
    description: 'Set or clear a breakpoint on the C line the cursor is on (or click beside the line number)',
    shortcut: { key: 'F9' },
    toolbar: false,
    run: ({ store }) => store.getState().toggleLineBreakpoint(store.getState().cursor.line),
  },
  {
    id: 'reset',
    label: 'Reset',
    description: 'Clear the run, maps and stepping state',
    shortcut: null,
    toolbar: true,
    run: ({ pipeline }) => pipeline.reset(),
  },
  {
    id: 'share',
    label: 'Share',
    description: 'Copy a link to this program, or an embed snippet',
    shortcut: null,
    toolbar: true,
    run: ({ store }) => store.getState().setOverlay('share'),
  },
  {
    id: 'examples',
    label: 'Examples',
    description: 'Browse the examples gallery',
    shortcut: null,
    toolbar: false,
    run: ({ store }) => store.getState().setOverlay('gallery'),
  },
  {
    id: 'lessons',
    label: 'Lessons',
    description: 'Step-by-step lessons with checks',
    shortcut: null,
    toolbar: false,
    run: ({ store }) => store.getState().setOverlay('lessons'),
  },
  {
    id: 'present',
    label: 'Presenter mode',
    description: 'Large fonts and simple chrome for a projector; F5 runs, Esc leaves',
    shortcut: null,
    toolbar: false,
    run: ({ store }) => store.getState().setPresenter(!store.getState().presenter),
  },
  {
    id: 'traffic',
    label: 'Traffic run',
    description: 'Run a mix of packets (up to millions) against the program, with live charts',
    shortcut: null,
    toolbar: false,
    run: ({ store }) => store.getState().showPanel('traffic', 'bottom'),
  },
  {
    id: 'open',
    label: 'Open file',
    description: 'Open a BCC Python script (.py), a C source or a BPF object (.o)',
    shortcut: { key: 'o', mod: true },
    toolbar: false,
    run: (ctx) => chooseAndOpenFile(ctx),
  },
  {
    id: 'save',
    label: 'Save',
    description: 'Your program is saved in this browser as you type',
    shortcut: { key: 's', mod: true },
    toolbar: false,
    run: ({ store }) => {
      store.getState().notify('success', 'Saved in this browser — your program is kept as you type.');
    },
  },
];

export const commandById = (id: CommandId): Command => {
  const c = COMMANDS.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no command ${id}`);
  return c;
};

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export function matches(sc: Shortcut, e: KeyLike, isMac: boolean): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  return (
    e.key.toLowerCase() === sc.key.toLowerCase() &&
    mod === (sc.mod ?? false) &&
    e.shiftKey === (sc.shift ?? false) &&
    e.altKey === (sc.alt ?? false)
  );
}

/** The command a key press triggers, if any. */
export const commandForKey = (e: KeyLike, isMac: boolean): Command | null =>
  COMMANDS.find((c) => c.shortcut !== null && matches(c.shortcut, e, isMac)) ?? null;

export function shortcutLabel(sc: Shortcut, isMac: boolean): string {
  const key = sc.key === 'Enter' ? (isMac ? '↵' : 'Enter') : sc.key.length === 1 ? sc.key.toUpperCase() : sc.key;
  const parts = [
    ...(sc.mod === true ? [isMac ? '⌘' : 'Ctrl'] : []),
    ...(sc.alt === true ? [isMac ? '⌥' : 'Alt'] : []),
    ...(sc.shift === true ? [isMac ? '⇧' : 'Shift'] : []),
    key,
  ];
  return parts.join(isMac ? '' : '+');
}

export const isMacPlatform = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
