/**
 * The Traffic panel: a mix of packets at a nominal rate, run N times against the loaded packet
 * program in the runtime worker, with a progress bar, Cancel, live charts and the totals. The
 * page only renders the summaries the worker posts; the maps land in the Maps panel at the end.
 */
import { useMemo } from 'react';
import { DEFAULT_BUCKETS } from '../../bpf/traffic';
import { Icon } from '../components/Icon';
import { usePlayground, usePlaygroundContext } from '../context';
import { Blocked, compileBlocker, stageBlocker } from '../panels/gate';
import { cancelTraffic, startTraffic } from './controller';
import { MixEditor } from './MixEditor';
import { RunSettings } from './RunSettings';
import { chartMapOf } from './request';
import { MapChart, VerdictChart, type ChartFrame } from './TrafficCharts';
import { TrafficTotalsView } from './TrafficTotals';
import './traffic.css';

const PACKET_KINDS = new Set(['xdp', 'tc', 'socket', 'cgroup_skb']);

function frameOf(total: number, ratePps: number): ChartFrame {
  const bucketPackets = Math.ceil(total / Math.max(1, Math.min(DEFAULT_BUCKETS, total)));
  return { bucketPackets, durationS: total / ratePps, nsPerPacket: 1e9 / ratePps };
}

function ProgressBar() {
  const view = usePlayground((s) => s.traffic);
  const done = view.latest?.totals.done ?? 0;
  const fraction = view.total > 0 ? done / view.total : 0;
  const engine = view.latest?.engine;
  return (
    <div className="traffic-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Traffic run progress"
        aria-valuemin={0}
        aria-valuemax={view.total}
        aria-valuenow={done}
      >
        <span className="progress-fill" style={{ width: `${(fraction * 100).toFixed(2)}%` }} />
      </div>
      <div className="traffic-progress-text" data-testid="traffic-progress-text">
        <span className="mono">
          {done.toLocaleString()} of {view.total.toLocaleString()} packets
        </span>
        {view.latest !== null ? (
          <>
            <span>· {view.latest.packetsPerSecond.toLocaleString()} packets/s</span>
            <span>· {(view.latest.totals.simulatedNs / 1e9).toFixed(2)} s simulated</span>
            {view.latest.totals.verdicts.map((v) => (
              <span key={v.name} className="mono">
                · {v.name} {v.count.toLocaleString()}
              </span>
            ))}
          </>
        ) : (
          <span>· starting…</span>
        )}
        {engine !== undefined ? (
          engine.engine === 'jit' ? (
            <span className="pill pill-ok">JIT</span>
          ) : (
            <span className="pill pill-warn" title={engine.reason ?? undefined}>
              interpreter{engine.reason !== null ? `: ${engine.reason}` : ''}
            </span>
          )
        ) : null}
      </div>
    </div>
  );
}

/** Why there is nothing to run yet (this one reads the whole state; it shows only while nothing is loaded). */
function NotLoaded() {
  const state = usePlayground((s) => s);
  const blocker = compileBlocker(state) ?? stageBlocker(state.load, 'Loading the object');
  return blocker === null ? null : <Blocked blocker={blocker} />;
}

export function TrafficPanel() {
  const ctx = usePlaygroundContext();
  // Narrow selections: keystrokes in the editor must not re-render the charts.
  const load = usePlayground((s) => s.load);
  const edited = usePlayground((s) => s.opened === null && s.compile.revision !== s.revision);
  const view = usePlayground((s) => s.traffic);
  const config = usePlayground((s) => s.trafficConfig);
  const frame = useMemo(() => frameOf(view.total, view.ratePps), [view.total, view.ratePps]);
  // A run belongs to the loaded build, not to the text: editing (without a reload) keeps the panel.
  if (load?.status !== 'ok') return <NotLoaded />;
  const loaded = load.value;
  const kind = loaded.programs.find((p) => p.name === loaded.program)?.kind ?? null;
  if (kind === null || !PACKET_KINDS.has(kind)) {
    return (
      <Blocked
        blocker={{
          icon: 'packet',
          title: 'Traffic runs need a packet program',
          text: `${loaded.program} is not an XDP, TC, socket-filter or cgroup_skb program; tracing programs run on a workload (Inputs panel).`,
          tone: 'muted',
        }}
      />
    );
  }
  const chartMap = view.result?.status === 'ok' || view.running ? chartMapOf(config, loaded.maps) : null;
  const started = view.runId > 0;
  return (
    <div className="panel-scroll traffic-panel" data-testid="traffic-panel">
      <div className="toolbar-row">
        <RunSettings disabled={view.running} maps={loaded.maps} />
        {view.running ? (
          <button type="button" className="btn btn-danger" onClick={() => void cancelTraffic(ctx)}>
            <Icon name="close" /> Cancel
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void startTraffic(ctx)}>
            <Icon name="play" /> Start traffic
          </button>
        )}
      </div>
      {edited ? (
        <p className="hint">The text changed since the last build: traffic runs use the loaded build.</p>
      ) : null}
      {started && view.build !== load ? (
        <p className="hint">This run was made with an earlier build; the Maps panel shows the current one.</p>
      ) : null}
      {started ? <ProgressBar /> : null}
      {started ? (
        <div className="traffic-charts">
          <VerdictChart buckets={view.buckets} frame={frame} />
          {chartMap !== null ? <MapChart buckets={view.buckets} frame={frame} map={chartMap} /> : null}
        </div>
      ) : (
        <p className="hint">
          Start sends the mix below to the loaded program in the runtime worker, packet by packet, with maps and helpers
          live across packets and bpf_ktime_get_ns advancing at the nominal rate.
        </p>
      )}
      {view.result !== null ? <TrafficTotalsView result={view.result} /> : null}
      <div className="section-label">Traffic mix</div>
      <MixEditor disabled={view.running} />
    </div>
  );
}
