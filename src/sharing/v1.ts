/**
 * Format 1: what the first page could hold (a program, the compile settings of its toolbar, raw
 * packets and hidden panels), flat. Format 2 grouped it and added program type, compile flags,
 * packet-builder layers, workloads, map pre-seeds, active tabs and the example/lesson selection.
 */
import { bool, hex, list, oneOf, record, str } from './check';
import { LIMITS } from './limits';
import {
  CPU_VERSIONS,
  defaultShareState,
  OPT_LEVELS,
  SHARE_PANELS,
  type SharePanelId,
  type ShareState,
} from './schema';

export interface ShareStateV1 {
  readonly source: string;
  readonly section: string;
  readonly optLevel: (typeof OPT_LEVELS)[number];
  readonly cpu: (typeof CPU_VERSIONS)[number];
  readonly privileged: boolean;
  /** Ethernet frames as lowercase hex. */
  readonly packets: readonly string[];
  readonly hiddenPanels: readonly SharePanelId[];
}

export function parseV1(v: unknown): ShareStateV1 {
  const path = 'state';
  const o = record(v, path, ['source', 'section', 'optLevel', 'cpu', 'privileged', 'packets', 'hiddenPanels']);
  return {
    source: str(o.source, `${path}.source`, LIMITS.sourceChars),
    section: str(o.section, `${path}.section`, LIMITS.sectionChars, /^[\x21-\x7e]*$/, 'printable characters without spaces'), // prettier-ignore
    optLevel: oneOf(o.optLevel, `${path}.optLevel`, OPT_LEVELS),
    cpu: oneOf(o.cpu, `${path}.cpu`, CPU_VERSIONS),
    privileged: bool(o.privileged, `${path}.privileged`),
    packets: list(o.packets, `${path}.packets`, LIMITS.packets, (p, at) => hex(p, at, LIMITS.packetBytes)),
    hiddenPanels: list(o.hiddenPanels, `${path}.hiddenPanels`, SHARE_PANELS.length, (p, at) => oneOf(p, at, SHARE_PANELS)), // prettier-ignore
  };
}

/** Everything format 1 had keeps its meaning; what it lacked takes the page's defaults. */
export function migrateV1(v1: ShareStateV1): ShareState {
  const base = defaultShareState(v1.source);
  return {
    ...base,
    program: { section: v1.section, type: null },
    compile: { ...base.compile, optLevel: v1.optLevel, cpu: v1.cpu },
    privileged: v1.privileged,
    inputs: { kind: 'packets', packets: v1.packets.map((hex) => ({ hex })), selected: 0 },
    panels: { ...base.panels, hidden: [...v1.hiddenPanels] },
  };
}
