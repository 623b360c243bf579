import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GALLERY, seedIncludes } from '../examples';
import { createCompilerClient } from '../runtime/compiler-client';
import { findCompilerWorker } from '../runtime/compiler-worker';
import { browserRuntimeWorker, createRuntimeClient } from '../runtime/runtime-client';
import { createActions } from './actions';
import { App } from './App';
import { bootFromAddress, pageMode } from './boot';
import { Autosave, loadPersisted, persist, resolveConflict, SOURCE_KEY } from './persistence';
import { flushPendingAddress, forgetPendingAddress, restorePendingAddress } from './pending-address';
import { createPipeline, type Pipeline } from './pipeline';
import { followInAddressBar } from './share-state';
import { createPlaygroundStore } from './store/store';
import './styles.css';

const storage = window.localStorage;
const autosave = new Autosave(storage);
const mode = pageMode(window.location.href);
const persisted = loadPersisted(storage, autosave);
const store = createPlaygroundStore({
  ...persisted,
  ...(mode.theme !== null ? { settings: { ...persisted.settings, theme: mode.theme } } : {}),
  ui: { ...persisted.ui, presenter: mode.presenter, embed: mode.embed },
});
// The link (if any) goes on the page before autosave starts listening: it never overwrites saved work.
restorePendingAddress(window.location, window.history, window.sessionStorage);
bootFromAddress(store, window.location.href, autosave.read()?.source ?? null, mode.embed !== null);
persist(store, storage, autosave);

const onRestart = ({ worker, reason }: { worker: string; reason: string }) =>
  store.getState().notify('warning', `${reason}. The ${worker} worker was restarted.`);
let pipeline: Pipeline | null = null;
pipeline = createPipeline(
  store,
  createCompilerClient(findCompilerWorker(), onRestart),
  createRuntimeClient(browserRuntimeWorker, onRestart, (event, data) => pipeline?.onRuntimeEvent(event, data)),
  { includes: (s) => seedIncludes(GALLERY, s.selection) },
);
const actions = createActions({
  store,
  pipeline,
  storage,
  autosave,
  examples: GALLERY,
  base: () => {
    const url = new URL(window.location.href);
    url.hash = '';
    url.search = '';
    return url.href.replace(/#$/, '');
  },
});

// The address bar follows the page (debounced replaceState: no history entry per keystroke).
const addressBar = followInAddressBar(store, window.location, window.history, {
  onOversized: (message) => {
    if (message !== null)
      store.getState().notify('warning', `The address bar no longer holds this program: ${message}`);
  },
});
// A reload or a closed tab inside the debounce window must not lose the last change: write it now
// (and remember it for a reload, whose address the browser fixed before the page hid).
const flushAddress = () => flushPendingAddress(() => addressBar.flush(), window.location, window.sessionStorage);
window.addEventListener('pagehide', flushAddress);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushAddress();
  // Back on this page without a reload: the remembered write is history, not a pending one.
  else forgetPendingAddress(window.sessionStorage);
});
window.addEventListener('pageshow', () => forgetPendingAddress(window.sessionStorage));
// A link pasted into the address bar of this tab changes only the fragment: open it like a new visit.
window.addEventListener('hashchange', () => window.location.reload());

// Another tab saved different text: never overwrite either silently.
window.addEventListener('storage', (e) => {
  if (e.key !== SOURCE_KEY || e.newValue === null || store.getState().autosavePaused) return;
  try {
    const theirs = (JSON.parse(e.newValue) as { source?: unknown }).source;
    if (typeof theirs === 'string' && theirs !== store.getState().source) store.getState().setConflict(theirs);
  } catch {
    // Not ours to interpret.
  }
});

// The first compile of the text on screen (the example for a first visit), then — when the
// verifier accepts it — a first run, so a visitor sees the whole pipeline work without a click.
// Run pressed before this finishes runs once, not twice (the counters in the maps would double).
void pipeline.compileAndRun();

// Offline: the service worker caches the app (and serves clang.wasm from the cache) after a first visit.
// Built sites only (the dev server has no sw.js): import.meta.hot exists exactly under the dev server.
if (import.meta.hot === undefined && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
      console.warn('service worker registration failed:', e);
    });
  });
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App ctx={{ store, pipeline, actions }} onResolveConflict={(keep) => resolveConflict(store, autosave, keep)} />
  </StrictMode>,
);
