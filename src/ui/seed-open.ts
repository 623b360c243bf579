/**
 * Opening a seed program from the gallery. A seed is a verbatim file: a C program opens like any
 * example; a BCC script goes through the same import as a pasted or opened .py (C into the editor,
 * its attach_* calls into the run configuration), after the entry's defaults (build options,
 * panels, the seed's workload) are on the page.
 */
import { type Example, exampleShareState, type SeedSource } from '../examples';
import { importBccScript, type ImportOutcome } from './bcc-import';
import { applyShareState } from './share-state';
import type { PlaygroundStore } from './store/store';

export function openSeed(store: PlaygroundStore, example: Example, seed: SeedSource): ImportOutcome {
  const state = exampleShareState(example);
  const attachments = state.inputs.kind === 'attach' ? [...state.inputs.attachments] : [];
  applyShareState(store, state);
  if (!seed.entry.endsWith('.py')) return { ok: true, attachments };
  const out = importBccScript(store, seed.text, seed.entry, seed.files);
  if (!out.ok) return out;
  // The import forgets the selection (a pasted script is the visitor's own); this one is the seed,
  // whose run arguments (seed.json) may attach more than the script does.
  store.setState({ selection: state.selection, attachments });
  return { ok: true, attachments };
}
