/** The end of a traffic run: how it ended, verdict totals, packets per class, trace lines, errors. */
import type { Stage, TrafficSummary } from '../../protocol';
import { verdictColor } from './chart-data';

const OUTCOME: Record<TrafficSummary['outcome'], string> = {
  completed: 'Completed',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
};

export function TrafficTotalsView({ result }: { result: Stage<TrafficSummary> }) {
  if (result.status !== 'ok') {
    return (
      <div className="banner banner-error" role="alert">
        The traffic run failed: {result.status === 'error' ? result.message : result.reason}
      </div>
    );
  }
  const r = result.value;
  const { totals } = r;
  return (
    <section className="traffic-totals" aria-label="Traffic run totals" data-testid="traffic-totals">
      <div className="section-label">Result</div>
      <p className="traffic-outcome">
        <strong>{OUTCOME[r.outcome]}</strong>: {totals.done.toLocaleString()} of {totals.total.toLocaleString()} packets
        in {(r.elapsedMs / 1000).toFixed(2)} s — <strong>{r.packetsPerSecond.toLocaleString()} packets/s</strong> with
        the {r.engine.engine === 'jit' ? 'JIT' : 'interpreter'}; {(totals.simulatedNs / 1e9).toFixed(3)} s of simulated
        time.
        {r.outcome !== 'completed' ? ` — ${r.reason ?? 'stopped'}; the maps are as the last packet left them.` : ''}
      </p>
      <table className="traffic-table">
        <thead>
          <tr>
            <th>Verdict</th>
            <th>Packets</th>
            <th>Share</th>
          </tr>
        </thead>
        <tbody>
          {totals.verdicts.map((v) => (
            <tr key={v.name}>
              <td>
                <i className="traffic-swatch" style={{ background: verdictColor(v.name) }} /> {v.name}
                {v.retval !== null ? <span className="muted mono"> ({v.retval})</span> : null}
              </td>
              <td className="mono">{v.count.toLocaleString()}</td>
              <td className="mono">{totals.done > 0 ? ((100 * v.count) / totals.done).toFixed(1) : '0'}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Per class: {totals.perClass.map((c) => `${c.label} ${c.count.toLocaleString()}`).join(' · ')}.{' '}
        {totals.traceLines > 0 ? `${totals.traceLines.toLocaleString()} trace_pipe lines. ` : ''}
        The maps are in the Maps panel.
      </p>
      {totals.firstError !== null ? <div className="banner banner-error">First error: {totals.firstError}</div> : null}
      {totals.lastTrace.length > 0 ? (
        <pre className="traffic-trace mono" aria-label="Last trace_pipe lines">
          {totals.lastTrace.join('\n')}
        </pre>
      ) : null}
    </section>
  );
}
