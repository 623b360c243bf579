/** The lesson tracks, and what a step turns into: a share state to open, a check to run. */
import { packetOf, sharePacket } from '../../examples/catalogue';
import type { CheckSpec, MapEdit } from '../../protocol';
import { defaultShareState, type ShareMapSeed, type ShareState } from '../../sharing';
import { FIRST_STEPS } from './first-steps';
import type { LessonStep, LessonTrack } from './types';

export * from './types';
export { FIRST_STEPS };

export const TRACKS: readonly LessonTrack[] = [FIRST_STEPS];

export function findTrack(id: string): LessonTrack | null {
  return TRACKS.find((t) => t.id === id) ?? null;
}

const seedEdit = (s: ShareMapSeed): MapEdit => ({ map: s.map, op: 'update', key: s.key, value: s.value });

/** The check the runtime runs for a step (hidden packets built to bytes). */
export function checkSpec(step: LessonStep): CheckSpec {
  const c = step.check;
  if (c.kind === 'packets') {
    return {
      kind: 'packets',
      packets: c.packets.map((p) => ({ label: p.label, bytes: packetOf(p), verdict: p.verdict })),
      seeds: (c.seeds ?? []).map(seedEdit),
      trace: c.trace ?? [],
      maps: c.maps ?? [],
    };
  }
  return { kind: 'attach', workload: c.workload, attachments: [], trace: c.trace ?? [], nonEmptyMaps: c.nonEmptyMaps ?? [] }; // prettier-ignore
}

/** Opening a step: its code (the learner's saved code, else the starter), inputs and selection. */
export function stepShareState(track: LessonTrack, index: number, source: string): ShareState {
  const step = track.steps[index]!;
  const base = defaultShareState(source);
  return {
    ...base,
    inputs:
      step.inputs.kind === 'packets'
        ? { kind: 'packets', packets: step.inputs.packets.map(sharePacket), selected: 0 }
        : { kind: 'attach', workload: step.inputs.workload, attachments: [] },
    mapSeeds: step.seeds ?? [],
    panels: {
      hidden: [],
      active: { side: 'inputs', bottom: step.inputs.kind === 'attach' ? 'result' : 'trace' },
    },
    selection: { kind: 'lesson', lesson: track.id, step: index },
  };
}
