import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCompilerClient } from '../runtime/compiler-client';
import { findCompilerWorker } from '../runtime/compiler-worker';
import { browserRuntimeWorker, createRuntimeClient } from '../runtime/runtime-client';
import { App } from './App';
import { Autosave, loadPersisted, persist, resolveConflict, SOURCE_KEY } from './persistence';
import { createPipeline } from './pipeline';
import { createPlaygroundStore } from './store/store';
import './styles.css';

const storage = window.localStorage;
const autosave = new Autosave(storage);
const store = createPlaygroundStore(loadPersisted(storage, autosave));
persist(store, storage, autosave);

const onRestart = ({ worker, reason }: { worker: string; reason: string }) =>
  store.getState().notify('warning', `${reason}. The ${worker} worker was restarted.`);
const pipeline = createPipeline(
  store,
  createCompilerClient(findCompilerWorker(), onRestart),
  createRuntimeClient(browserRuntimeWorker, onRestart),
);

// Another tab saved different text: never overwrite either silently.
window.addEventListener('storage', (e) => {
  if (e.key !== SOURCE_KEY || e.newValue === null) return;
  try {
    const theirs = (JSON.parse(e.newValue) as { source?: unknown }).source;
    if (typeof theirs === 'string' && theirs !== store.getState().source) store.getState().setConflict(theirs);
  } catch {
    // Not ours to interpret.
  }
});

// The first compile of the text on screen (the example for a first visit), then — when the
// verifier accepts it — a first run, so a visitor sees the whole pipeline work without a click.
void pipeline.compileNow().then(() => {
  const s = store.getState();
  if (s.verifier?.status === 'ok' && s.verifier.value.accepted && s.run === null) void pipeline.run();
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App ctx={{ store, pipeline }} onResolveConflict={(keep) => resolveConflict(store, autosave, keep)} />
  </StrictMode>,
);
