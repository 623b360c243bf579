/**
 * What the page opens with, decided from its address before anything renders:
 * - `#s=…` a share link: its state, or — when it cannot be read — a clear message and the default
 *   program (never a blank page);
 * - `?embed[&panels=a,b][&theme=t]` the iframe view, `?present` presenter mode.
 * The visitor's autosaved program is never overwritten by what a link brings: while a link's
 * program differs from it, autosave is paused and the page offers the way back.
 */
import { decodeShareLink, hasShareState, ShareLinkError, SHARE_PANELS } from '../sharing';
import { DEFAULT_PROGRAM } from './default-program';
import { applyShareState } from './share-state';
import type { PlaygroundStore } from './store/store';
import type { PanelId, Theme } from './store/types';

export interface PageMode {
  readonly embed: { readonly panels: PanelId[] } | null;
  readonly presenter: boolean;
  readonly theme: Theme | null;
}

export const DEFAULT_EMBED_PANELS: PanelId[] = ['result', 'trace'];

export function pageMode(href: string): PageMode {
  const params = new URL(href).searchParams;
  const panels = (params.get('panels') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is PanelId => (SHARE_PANELS as readonly string[]).includes(p));
  const theme = params.get('theme');
  return {
    embed: params.has('embed') ? { panels: params.has('panels') ? panels : DEFAULT_EMBED_PANELS } : null,
    presenter: params.has('present'),
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}

export type BootOutcome = { kind: 'plain' } | { kind: 'link'; version: number } | { kind: 'bad-link'; message: string };

/**
 * Applies the link in `href` (if any) to a store that already holds the visitor's persisted state.
 * `saved` is the autosaved program (null on a first visit).
 */
export function bootFromAddress(
  store: PlaygroundStore,
  href: string,
  saved: string | null,
  embed: boolean,
): BootOutcome {
  const s = store.getState();
  if (embed) s.setAutosavePaused(true);
  if (!hasShareState(href)) return { kind: 'plain' };
  const own = saved !== null && saved.trim() !== '' && saved !== DEFAULT_PROGRAM;
  try {
    const { version, state } = decodeShareLink(href);
    applyShareState(store, state);
    if (!embed && own && saved !== state.source) {
      s.setAutosavePaused(true);
      s.setLinkNotice({
        tone: 'info',
        text: 'You opened a shared program. Your own program stays saved in this browser: edits here are not saved over it.',
      });
    }
    return { kind: 'link', version };
  } catch (e) {
    if (!(e instanceof ShareLinkError)) throw e;
    s.resetRun();
    s.setDocument({ selection: null });
    s.setSource(DEFAULT_PROGRAM);
    if (!embed && own) s.setAutosavePaused(true);
    s.setLinkNotice({
      tone: 'error',
      text: `This link could not be opened. ${e.message} The default program is shown instead${own && !embed ? '; your own program is still saved in this browser' : ''}.`,
    });
    return { kind: 'bad-link', message: e.message };
  }
}
