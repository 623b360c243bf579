/**
 * What the page opens and how it protects the visitor's work: examples, lesson steps, the way back
 * from a shared link to the visitor's own program. Anything that would replace text the visitor
 * cannot get back asks first.
 */
import type { Example } from '../examples';
import { exampleShareState } from '../examples';
import type { ShareState } from '../sharing';
import { DEFAULT_PROGRAM } from './default-program';
import { checkSpec, findTrack, stepShareState, type LessonTrack } from './lessons';
import { readProgress, trackProgress, updateProgress } from './lessons/progress';
import type { Autosave, StorageLike } from './persistence';
import type { Pipeline } from './pipeline';
import { openSeed } from './seed-open';
import { applyShareState, linkFor } from './share-state';
import type { PlaygroundStore } from './store/store';
import type { PlaygroundState } from './store/types';

export interface PageActions {
  openExample(example: Example): Promise<boolean>;
  /** Opens a lesson step with the learner's saved code for it (or the starter). */
  openLessonStep(trackId: string, index: number): Promise<boolean>;
  /** Back to the starter code of the current step (asks first). */
  resetLessonStep(): Promise<void>;
  leaveLesson(): void;
  checkLessonStep(): Promise<void>;
  /** A shared link is open: go back to the visitor's own saved program. */
  backToMine(): void;
  /** A shared link is open: make it the visitor's saved program (asks first). */
  keepShared(): Promise<void>;
  /** The link to the page as it is now, at this page's address. */
  shareLink(): { link: string } | { error: string };
}

/** Text the visitor could not get back if it were replaced: not the default, an example or a step's starter. */
export function hasOwnWork(s: PlaygroundState, examples: readonly Example[]): boolean {
  if (s.source.trim() === '' || s.source === DEFAULT_PROGRAM) return false;
  if (s.autosavePaused) return false; // a shared program: the link holds it, the visitor's own is saved
  const sel = s.selection;
  if (sel?.kind === 'example') return examples.find((e) => e.id === sel.id)?.source !== s.source;
  if (sel?.kind === 'lesson') return false; // lesson code is kept per step
  return true;
}

export function createActions(opts: {
  store: PlaygroundStore;
  pipeline: Pipeline;
  storage: StorageLike;
  autosave: Autosave;
  examples: readonly Example[];
  /** This page's address without the fragment (for links). */
  base: () => string;
}): PageActions {
  const { store, pipeline, storage, autosave, examples } = opts;
  const get = () => store.getState();

  const saveStepCode = () => {
    const sel = get().selection;
    if (sel?.kind !== 'lesson') return;
    const track = findTrack(sel.lesson);
    const step = track?.steps[sel.step];
    if (track === null || step === undefined) return;
    const source = get().source;
    get().setProgress(
      updateProgress(storage, track.id, (p) => ({ ...p, code: { ...p.code, [step.id]: source }, current: sel.step })),
    );
  };

  // Lesson code follows the editor: leaving a step and coming back finds it as it was.
  let timer: ReturnType<typeof setTimeout> | null = null;
  store.subscribe((s, p) => {
    if (s.source === p.source || s.selection?.kind !== 'lesson') return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(saveStepCode, 300);
  });
  get().setProgress(readProgress(storage));

  /** Puts something on the page (through `put`), asking first when it would replace the visitor's work. */
  async function open(put: ShareState | (() => void), what: string): Promise<boolean> {
    if (hasOwnWork(get(), examples)) {
      const ok = await get().confirm({
        title: `Replace your program with ${what}?`,
        body: 'The program in the editor is yours and is saved in this browser only; opening this replaces it. Copy it or share a link to it first if you want to keep it.',
        confirm: 'Replace it',
        cancel: 'Keep my program',
      });
      if (!ok) return false;
    }
    if (timer !== null) {
      clearTimeout(timer);
      saveStepCode();
    }
    if (typeof put === 'function') put();
    else applyShareState(store, put);
    get().setOverlay(null);
    return true;
  }

  function stepSource(track: LessonTrack, index: number): string {
    const step = track.steps[index]!;
    return trackProgress(readProgress(storage), track.id).code[step.id] ?? step.starter;
  }

  return {
    async openExample(example) {
      const seed = example.seed;
      let failed: string | null = null;
      const put = seed
        ? () => {
            const out = openSeed(store, example, seed);
            if (!out.ok) failed = out.message;
          }
        : exampleShareState(example);
      const ok = await open(put, `the example “${example.meta.title}”`);
      if (failed !== null) get().notify('error', failed);
      else if (ok) {
        get().notify('info', `Opened the example “${example.meta.title}”.`);
        if (get().compile.phase === 'unavailable') return ok;
        await pipeline.compileNow();
      }
      return ok;
    },
    async openLessonStep(trackId, index) {
      const track = findTrack(trackId);
      if (track === null || index < 0 || index >= track.steps.length) {
        get().notify('error', `There is no lesson step ${trackId} #${index + 1}.`);
        return false;
      }
      const step = track.steps[index]!;
      const ok = await open(stepShareState(track, index, stepSource(track, index)), `the lesson step “${step.title}”`);
      if (ok) {
        get().setProgress(updateProgress(storage, track.id, (p) => ({ ...p, current: index })));
      }
      return ok;
    },
    async resetLessonStep() {
      const sel = get().selection;
      if (sel?.kind !== 'lesson') return;
      const step = findTrack(sel.lesson)?.steps[sel.step];
      if (step === undefined) return;
      if (get().source !== step.starter) {
        const ok = await get().confirm({
          title: 'Start this step over?',
          body: 'Your code for this step is replaced by the starter code.',
          confirm: 'Reset to starter code',
          cancel: 'Keep my code',
        });
        if (!ok) return;
      }
      get().setCheck(null);
      get().setSource(step.starter);
    },
    leaveLesson() {
      if (timer !== null) {
        clearTimeout(timer);
        saveStepCode();
      }
      get().setDocument({ selection: null });
      get().setCheck(null);
    },
    async checkLessonStep() {
      const sel = get().selection;
      if (sel?.kind !== 'lesson') return;
      const track = findTrack(sel.lesson);
      const step = track?.steps[sel.step];
      if (track === null || step === undefined) return;
      get().setCheck({ status: 'running' });
      const result = await pipeline.check(checkSpec(step));
      if (result === null) {
        get().setCheck(null);
        return;
      }
      get().setCheck({ status: 'done', result });
      if (result.status === 'ok' && result.value.passed) {
        get().setProgress(
          updateProgress(storage, track.id, (p) => ({
            ...p,
            passed: p.passed.includes(step.id) ? p.passed : [...p.passed, step.id],
          })),
        );
      }
    },
    backToMine() {
      const saved = autosave.read();
      get().setAutosavePaused(false);
      get().setLinkNotice(null);
      get().setDocument({ selection: null });
      get().setSource(saved?.source ?? DEFAULT_PROGRAM);
    },
    async keepShared() {
      const ok = await get().confirm({
        title: 'Keep this program as yours?',
        body: 'Your own program saved in this browser is replaced by this one.',
        confirm: 'Replace my saved program',
        cancel: 'Cancel',
      });
      if (!ok) return;
      const out = autosave.save(get().source, true);
      if (out.status === 'saved') get().markSaved(out.at);
      get().setAutosavePaused(false);
      get().setLinkNotice(null);
    },
    shareLink: () => linkFor(get(), opts.base()),
  };
}
