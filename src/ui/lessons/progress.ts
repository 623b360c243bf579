/** Lesson progress, kept in this browser: steps passed and the learner's code per step. */
import type { StorageLike } from '../persistence';

export const PROGRESS_KEY = 'ebpf-playground:lessons:v1';

export interface TrackProgress {
  /** Ids of the steps whose check passed. */
  readonly passed: readonly string[];
  /** The learner's code per step id (what they had when they last left the step). */
  readonly code: Readonly<Record<string, string>>;
  /** The step to continue with. */
  readonly current: number;
}

export type Progress = Readonly<Record<string, TrackProgress>>;

const EMPTY: TrackProgress = { passed: [], code: {}, current: 0 };

export function readProgress(storage: StorageLike): Progress {
  try {
    const raw = storage.getItem(PROGRESS_KEY);
    const v = raw === null ? null : (JSON.parse(raw) as unknown);
    if (typeof v !== 'object' || v === null) return {};
    const out: Record<string, TrackProgress> = {};
    for (const [track, p] of Object.entries(v as Record<string, Partial<TrackProgress>>)) {
      out[track] = {
        passed: Array.isArray(p.passed) ? p.passed.filter((x): x is string => typeof x === 'string') : [],
        code:
          typeof p.code === 'object' && p.code !== null
            ? Object.fromEntries(Object.entries(p.code).filter(([, c]) => typeof c === 'string'))
            : {},
        current: typeof p.current === 'number' && p.current >= 0 ? Math.floor(p.current) : 0,
      };
    }
    return out;
  } catch {
    return {};
  }
}

export function trackProgress(progress: Progress, track: string): TrackProgress {
  return progress[track] ?? EMPTY;
}

export function updateProgress(
  storage: StorageLike,
  track: string,
  change: (p: TrackProgress) => TrackProgress,
): Progress {
  const all = readProgress(storage);
  const next = { ...all, [track]: change(trackProgress(all, track)) };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: progress lives for this visit only.
  }
  return next;
}
