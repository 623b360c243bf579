/** React access to the store and pipeline: one provider, hooks with selectors. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PageActions } from './actions';
import type { CommandContext } from './commands';
import type { PlaygroundState } from './store/types';

export const PlaygroundContext = createContext<CommandContext | null>(null);

export function usePlaygroundContext(): CommandContext {
  const ctx = useContext(PlaygroundContext);
  if (ctx === null) throw new Error('PlaygroundContext is missing');
  return ctx;
}

export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(usePlaygroundContext().store, selector);
}

/** The page's actions (examples, lessons, links); null where a test renders a panel alone. */
export function useActions(): PageActions | null {
  return usePlaygroundContext().actions ?? null;
}
