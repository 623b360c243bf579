/**
 * The current share state: everything about the playground that a link restores. Format version
 * 2 (see versions.ts for the history). Only plain JSON data: the page turns it into store state,
 * the CLI prints it; nothing in it is ever executed outside the VM or rendered as HTML.
 */
import type { Layer } from '../bpf/inputs/packets/types';
import type { ProgTypeName } from '../bpf/object/kinds';

export const CURRENT_VERSION = 2;

/** The page's panels; the same list as the UI's PanelId (a test checks they agree). */
export const SHARE_PANELS = [
  'inputs',
  'verifier',
  'disassembly',
  'registers',
  'result',
  'maps',
  'trace',
  'traffic',
] as const;
export type SharePanelId = (typeof SHARE_PANELS)[number];

export const OPT_LEVELS = [0, 1, 2, 3] as const;
export const CPU_VERSIONS = ['v1', 'v2', 'v3', 'v4'] as const;

export interface ShareCompile {
  readonly optLevel: (typeof OPT_LEVELS)[number];
  readonly cpu: (typeof CPU_VERSIONS)[number];
  readonly debugInfo: boolean;
  /** -D values (NAME or NAME=VALUE), checked like the compiler checks them. */
  readonly defines: readonly string[];
  /** -W values without the -W. */
  readonly warnings: readonly string[];
}

/** A packet as the builder's layers (computed fields null) or as raw bytes. */
export type SharePacket = { readonly hex: string } | { readonly layers: readonly Layer[] };

export interface SharePacketInputs {
  readonly kind: 'packets';
  readonly packets: readonly SharePacket[];
  /** Index of the packet shown in the builder (0 when there are none). */
  readonly selected: number;
}

/** A preset by name or the workload text itself (src/bpf/kernel/WORKLOADS.md). */
export type ShareWorkload = { readonly preset: string } | { readonly text: string };

export interface ShareAttachInputs {
  readonly kind: 'attach';
  readonly workload: ShareWorkload;
  /** "TYPE:TARGET[=FUNCTION]" as the CLI's --attach takes them; empty = from the SEC() names. */
  readonly attachments: readonly string[];
}

export type ShareInputs = SharePacketInputs | ShareAttachInputs;

/** One map element written from "user space" before the first run (per-CPU maps: every CPU's copy). */
export interface ShareMapSeed {
  readonly map: string;
  readonly key: string;
  readonly value: string;
}

export type ShareSelection =
  | { readonly kind: 'example'; readonly id: string }
  | { readonly kind: 'lesson'; readonly lesson: string; readonly step: number };

export interface ShareState {
  readonly source: string;
  readonly program: {
    /** SEC() name or function to load; '' = the object's first program. */
    readonly section: string;
    /** The program type the user chose; null = the one the SEC() name implies. */
    readonly type: ProgTypeName | null;
  };
  readonly compile: ShareCompile;
  /** Verify as root (true) or as an unprivileged user. */
  readonly privileged: boolean;
  readonly inputs: ShareInputs;
  readonly mapSeeds: readonly ShareMapSeed[];
  readonly panels: {
    readonly hidden: readonly SharePanelId[];
    readonly active: { readonly side: SharePanelId; readonly bottom: SharePanelId };
  };
  readonly selection: ShareSelection | null;
}

/** The page's defaults, with `source` as the program. */
export function defaultShareState(source: string): ShareState {
  return {
    source,
    program: { section: '', type: null },
    compile: { optLevel: 2, cpu: 'v3', debugInfo: true, defines: [], warnings: [] },
    privileged: true,
    inputs: { kind: 'packets', packets: [], selected: 0 },
    mapSeeds: [],
    panels: { hidden: [], active: { side: 'inputs', bottom: 'trace' } },
    selection: null,
  };
}
