/**
 * The page's side of share links: the store ↔ the share schema (src/sharing), the address bar that
 * follows edits (replaceState, debounced: no history entry per keystroke), and what the page opens
 * with — a link, an example, a lesson step — all through the one `applyShareState`.
 */
import type { Layer, PacketSpec } from '../bpf/inputs/packets';
import {
  encodeShareFragment,
  FRAGMENT_KEY,
  MAX_URL_CHARS,
  ShareLinkError,
  type SharePacket,
  type ShareState,
} from '../sharing';
import type { PlaygroundStore } from './store/store';
import type { PanelId, PlaygroundState } from './store/types';

/** A single raw payload layer is how the builder holds a hex packet. */
function sharePacket(spec: PacketSpec): SharePacket {
  const only = spec.layers.length === 1 ? spec.layers[0] : undefined;
  if (only?.kind === 'payload') return { hex: only.hex };
  return { layers: spec.layers.map((l) => ({ ...l })) };
}

export function packetSpec(p: SharePacket): PacketSpec {
  if ('hex' in p) return { layers: [{ kind: 'payload', hex: p.hex.toLowerCase() }] };
  return { layers: p.layers.map((l) => ({ ...l }) as Layer) };
}

/** Everything a link restores, read from the store. */
export function toShareState(s: PlaygroundState): ShareState {
  return {
    source: s.source,
    program: { section: s.section, type: s.programType },
    compile: { optLevel: s.optLevel, cpu: s.cpu, debugInfo: s.debugInfo, defines: s.defines, warnings: s.warnings },
    privileged: s.privileged,
    inputs:
      s.inputsKind === 'attach'
        ? { kind: 'attach', workload: s.workload, attachments: s.attachments }
        : { kind: 'packets', packets: s.packets.map(sharePacket), selected: s.selectedPacket },
    mapSeeds: s.mapSeeds,
    panels: { hidden: s.hiddenPanels, active: s.activeTab },
    selection: s.selection,
  };
}

/**
 * Puts a state on the page: program, build options, inputs (both kinds keep their other half: a
 * link with a workload leaves the packet list as it was, and the other way round), panels.
 */
export function applyShareState(store: PlaygroundStore, state: ShareState): void {
  const s = store.getState();
  s.resetRun();
  s.clearTrace();
  s.setCheck(null);
  s.setSettings({
    section: state.program.section,
    optLevel: state.compile.optLevel,
    cpu: state.compile.cpu,
    privileged: state.privileged,
  });
  s.setDocument({
    programType: state.program.type,
    debugInfo: state.compile.debugInfo,
    defines: [...state.compile.defines],
    warnings: [...state.compile.warnings],
    selection: state.selection,
  });
  s.setMapSeeds([...state.mapSeeds]);
  const inputs = state.inputs;
  if (inputs.kind === 'attach') {
    store.setState({ inputsKind: 'attach', workload: inputs.workload, attachments: [...inputs.attachments] });
  } else {
    const packets = inputs.packets.map(packetSpec);
    store.setState({
      inputsKind: 'packets',
      ...(packets.length > 0
        ? { packets, selectedPacket: Math.max(0, Math.min(inputs.selected, packets.length - 1)) }
        : {}),
    });
  }
  store.setState({
    hiddenPanels: [...state.panels.hidden] as PanelId[],
    activeTab: { side: state.panels.active.side, bottom: state.panels.active.bottom },
  });
  s.setSource(state.source);
}

/** The fragment for the page's state, or the reason there is none (too big for a link). */
export function fragmentFor(s: PlaygroundState): { fragment: string } | { error: string } {
  try {
    return { fragment: encodeShareFragment(toShareState(s)) };
  } catch (e) {
    if (e instanceof ShareLinkError) return { error: e.message };
    throw e;
  }
}

/** The link to the page's state at `base` (the page's own address without fragment). */
export function linkFor(s: PlaygroundState, base: string): { link: string } | { error: string } {
  const f = fragmentFor(s);
  if ('error' in f) return f;
  const url = new URL(base);
  url.hash = f.fragment;
  if (url.href.length > MAX_URL_CHARS) {
    return {
      error: `The link would be ${(url.href.length / 1024).toFixed(1)} KiB long, more than browsers keep in the address bar (${MAX_URL_CHARS / 1024} KiB). Make the program or its inputs smaller.`,
    };
  }
  return { link: url.href };
}

export const ADDRESS_DEBOUNCE_MS = 400;

export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

export interface LocationLike {
  readonly href: string;
  readonly hash: string;
}

/** Does this store change alter what a link holds? */
const shared = (s: PlaygroundState, p: PlaygroundState): boolean =>
  s.source !== p.source ||
  s.section !== p.section ||
  s.optLevel !== p.optLevel ||
  s.cpu !== p.cpu ||
  s.privileged !== p.privileged ||
  s.programType !== p.programType ||
  s.debugInfo !== p.debugInfo ||
  s.defines !== p.defines ||
  s.warnings !== p.warnings ||
  s.inputsKind !== p.inputsKind ||
  s.packets !== p.packets ||
  s.selectedPacket !== p.selectedPacket ||
  s.workload !== p.workload ||
  s.attachments !== p.attachments ||
  s.mapSeeds !== p.mapSeeds ||
  s.hiddenPanels !== p.hiddenPanels ||
  s.activeTab !== p.activeTab ||
  s.selection !== p.selection;

/**
 * Keeps the address bar's fragment equal to the page's state: debounced, with replaceState (one
 * history entry however much is typed). A state too big for a link removes the fragment, so the
 * address bar never holds a stale program. Other fragment parameters and the query are kept.
 */
export function followInAddressBar(
  store: PlaygroundStore,
  location: LocationLike,
  history: HistoryLike,
  opts: { debounceMs?: number; onOversized?: (message: string | null) => void } = {},
): { flush(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let oversized = false;
  const write = () => {
    timer = null;
    const f = fragmentFor(store.getState());
    const url = new URL(location.href);
    const others = url.hash
      .replace(/^#/, '')
      .split('&')
      .filter((p) => p !== '' && !p.startsWith(`${FRAGMENT_KEY}=`));
    const next = 'error' in f ? others : [f.fragment, ...others];
    url.hash = next.join('&');
    const href = next.length === 0 ? url.href.replace(/#$/, '') : url.href;
    if (href !== location.href) history.replaceState(null, '', href);
    const now = 'error' in f;
    if (now !== oversized) opts.onOversized?.('error' in f ? f.error : null);
    oversized = now;
  };
  const unsub = store.subscribe((s, p) => {
    if (!shared(s, p)) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, opts.debounceMs ?? ADDRESS_DEBOUNCE_MS);
  });
  return {
    flush() {
      if (timer === null) return; // nothing pending: the address already holds the page's state
      clearTimeout(timer);
      write();
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      unsub();
    },
  };
}
