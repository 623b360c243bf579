/** The one interface every panel implements; the dock renders whatever the registry lists. */
import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import type { Dock, PanelId, PlaygroundState } from '../store/types';

export interface PanelBadge {
  readonly text: string;
  readonly tone: 'ok' | 'error' | 'warn' | 'muted';
}

export interface PanelPlugin {
  readonly id: PanelId;
  readonly title: string;
  readonly icon: IconName;
  /** Where it opens by default. */
  readonly dock: Dock;
  readonly component: ComponentType;
  /** True when the panel has real data for the current program (otherwise it shows why not). */
  available(s: PlaygroundState): boolean;
  /** Small status on the tab: a count, a verdict. */
  badge?(s: PlaygroundState): PanelBadge | null;
}
