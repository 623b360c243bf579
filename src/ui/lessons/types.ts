/** Lessons as data: tracks of steps, each with prose, starter code, hints and a check. */
import type { ExamplePacket } from '../../examples/meta';
import type { MapExpectation, TraceExpectation, WorkloadSpec } from '../../protocol';
import type { ShareMapSeed } from '../../sharing';

/** A packet the check sends, and the verdict the learner's program must give it. */
export type CheckPacket = ExamplePacket & { readonly verdict: string };

export type StepCheck =
  | {
      readonly kind: 'packets';
      /** Hidden packets: the learner sees the verdicts only after a check. */
      readonly packets: readonly CheckPacket[];
      readonly seeds?: readonly ShareMapSeed[];
      readonly trace?: readonly TraceExpectation[];
      readonly maps?: readonly MapExpectation[];
    }
  | {
      readonly kind: 'attach';
      readonly workload: WorkloadSpec;
      readonly trace?: readonly TraceExpectation[];
      readonly nonEmptyMaps?: readonly string[];
    };

/** What the Inputs panel shows for the step (the visible part of the exercise). */
export type StepInputs =
  | { readonly kind: 'packets'; readonly packets: readonly ExamplePacket[] }
  | { readonly kind: 'attach'; readonly workload: WorkloadSpec };

export interface LessonStep {
  /** Stable: progress and share links name steps by index, and tests by id. */
  readonly id: string;
  readonly title: string;
  /** Paragraphs; `backticks` mark code. Rendered as text, never as HTML. */
  readonly prose: readonly string[];
  /** The goal in one line, shown next to the Check button. */
  readonly goal: string;
  readonly starter: string;
  /** A reference solution (the lesson test proves it passes the check and the starter does not). */
  readonly solution: string;
  readonly hints: readonly string[];
  readonly inputs: StepInputs;
  readonly check: StepCheck;
  /** Map pre-seeds the step's visible run uses too (a firewall's rules). */
  readonly seeds?: readonly ShareMapSeed[];
}

export interface LessonTrack {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly LessonStep[];
}
