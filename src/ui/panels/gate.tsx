/**
 * Why a panel has nothing to show yet, in plain words, derived from the pipeline state.
 * Every panel uses this so the page never pretends a stage ran when it did not.
 */
import type { ReactNode } from 'react';
import type { Stage } from '../../protocol';
import { EmptyState } from '../components/EmptyState';
import type { IconName } from '../components/Icon';
import type { PlaygroundState } from '../store/types';

export interface Blocker {
  readonly icon: IconName;
  readonly title: string;
  readonly text: string;
  readonly tone: 'muted' | 'pending' | 'error';
}

export function stageBlocker(stage: Stage<unknown> | null, what: string): Blocker | null {
  if (stage === null) return null;
  if (stage.status === 'unavailable') {
    return { icon: 'hourglass', title: `${what} not available yet`, text: stage.reason, tone: 'muted' };
  }
  if (stage.status === 'error') return { icon: 'alert', title: `${what} failed`, text: stage.message, tone: 'error' };
  return null;
}

/** What stands between the current text and a loaded object. */
export function compileBlocker(s: PlaygroundState): Blocker | null {
  if (s.opened !== null) {
    return s.load === null
      ? { icon: 'hourglass', title: 'Loading…', text: `Loading ${s.opened.name}.`, tone: 'pending' }
      : stageBlocker(s.load, `Loading ${s.opened.name}`);
  }
  const c = s.compile;
  switch (c.phase) {
    case 'unavailable':
      return {
        icon: 'hourglass',
        title: 'Compiler not available yet',
        text: `${c.message ?? 'clang.wasm is not part of this build.'} Your program is saved; it compiles as soon as the compiler lands.`,
        tone: 'muted',
      };
    case 'idle':
      return s.compiler.state === 'loading'
        ? { icon: 'hourglass', title: 'Compiler loading…', text: 'clang.wasm is downloading.', tone: 'pending' }
        : {
            icon: 'compile',
            title: 'Not compiled yet',
            text: 'Press Compile (Ctrl+B) or edit the program.',
            tone: 'muted',
          };
    case 'waiting':
    case 'compiling':
      return { icon: 'hourglass', title: 'Compiling…', text: 'clang is building the object.', tone: 'pending' };
    case 'failed': {
      const first = c.result?.diagnostics.find((d) => d.severity === 'error');
      return {
        icon: 'alert',
        title:
          c.result?.crash !== null && c.result?.crash !== undefined
            ? 'The compiler crashed'
            : 'The program does not compile',
        text:
          first !== undefined
            ? `line ${first.line}: ${first.message}`
            : (c.message ?? 'See the markers in the editor.'),
        tone: 'error',
      };
    }
    case 'done':
      if (c.revision !== s.revision) {
        return {
          icon: 'hourglass',
          title: 'Compiling…',
          text: 'The text changed since the last build.',
          tone: 'pending',
        };
      }
      if (s.load === null)
        return { icon: 'hourglass', title: 'Loading…', text: 'Loading the object.', tone: 'pending' };
      return stageBlocker(s.load, 'Loading the object');
  }
}

export function Blocked({ blocker, children }: { blocker: Blocker; children?: ReactNode }) {
  return (
    <EmptyState icon={blocker.icon} title={blocker.title} tone={blocker.tone}>
      {blocker.text}
      {children}
    </EmptyState>
  );
}
