/** The panels of the page, in tab order. Adding a panel = adding one entry here. */
import type { Dock, PanelId } from '../store/types';
import { DisassemblyPanel } from './DisassemblyPanel';
import { InputsPanel } from './InputsPanel';
import { MapsPanel } from './MapsPanel';
import { RegistersPanel } from './RegistersPanel';
import { ResultPanel } from './ResultPanel';
import { TracePanel } from './TracePanel';
import type { PanelPlugin } from './types';
import { VerifierPanel } from './VerifierPanel';
import { TrafficPanel } from '../traffic/TrafficPanel';

export const PANELS: readonly PanelPlugin[] = [
  {
    id: 'inputs',
    title: 'Inputs',
    icon: 'packet',
    dock: 'side',
    component: InputsPanel,
    available: () => true,
    badge: (s) =>
      s.inputsKind === 'attach'
        ? { text: 'workload', tone: 'muted' }
        : { text: String(s.packets.length), tone: 'muted' },
  },
  {
    id: 'verifier',
    title: 'Verifier',
    icon: 'shield',
    dock: 'side',
    component: VerifierPanel,
    available: (s) => s.verifier?.status === 'ok',
    badge: (s) =>
      s.verifier?.status === 'ok'
        ? s.verifier.value.accepted
          ? { text: 'ok', tone: 'ok' }
          : { text: 'rejected', tone: 'error' }
        : null,
  },
  {
    id: 'disassembly',
    title: 'Disassembly',
    icon: 'list',
    dock: 'side',
    component: DisassemblyPanel,
    available: (s) => s.load?.status === 'ok' && s.load.value.disassembly.status === 'ok',
  },
  {
    id: 'registers',
    title: 'Registers',
    icon: 'registers',
    dock: 'side',
    component: RegistersPanel,
    available: (s) => s.step?.status === 'ok',
  },
  {
    id: 'result',
    title: 'Result',
    icon: 'play',
    dock: 'bottom',
    component: ResultPanel,
    available: (s) =>
      s.inputsKind === 'attach' ? s.firings.length > 0 || s.attachRun !== null : s.run?.status === 'ok',
    badge: (s) => {
      if (s.inputsKind === 'attach') {
        const n = s.attachRun?.status === 'ok' ? s.attachRun.value.firings : s.firings.length + s.firingsDropped;
        return n > 0 || s.attachRun !== null ? { text: `${n.toLocaleString()} fired`, tone: 'muted' } : null;
      }
      const first = s.run?.status === 'ok' ? s.run.value.runs[0] : undefined;
      if (first === undefined) return null;
      if (first.error !== null) return { text: 'error', tone: 'error' };
      return {
        text: first.verdict || String(first.retval),
        tone: /DROP|ABORTED|SHOT/.test(first.verdict) ? 'warn' : 'ok',
      };
    },
  },
  {
    id: 'trace',
    title: 'trace_pipe',
    icon: 'terminal',
    dock: 'bottom',
    component: TracePanel,
    available: (s) => s.trace.length > 0,
    badge: (s) => (s.trace.length > 0 ? { text: String(s.trace.length), tone: 'muted' } : null),
  },
  {
    id: 'maps',
    title: 'Maps',
    icon: 'table',
    dock: 'bottom',
    component: MapsPanel,
    available: (s) => s.load?.status === 'ok',
    badge: (s) => (s.load?.status === 'ok' ? { text: String(s.load.value.maps.length), tone: 'muted' } : null),
  },
  {
    id: 'traffic',
    title: 'Traffic',
    icon: 'bolt',
    dock: 'bottom',
    component: TrafficPanel,
    available: (s) => s.load?.status === 'ok',
    badge: (s) =>
      s.traffic.running
        ? {
            text: `${Math.floor((100 * (s.traffic.latest?.totals.done ?? 0)) / Math.max(1, s.traffic.total))}%`,
            tone: 'muted',
          }
        : null,
  },
];

export const panelById = (id: PanelId): PanelPlugin => PANELS.find((p) => p.id === id)!;
export const panelsIn = (dock: Dock): PanelPlugin[] => PANELS.filter((p) => p.dock === dock);
