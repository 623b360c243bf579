/** The last run: each packet's verdict in words, r0, instructions, and packet out as a diff against packet in. */
import type { PacketRun } from '../../protocol';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';
import { Blocked, compileBlocker, stageBlocker } from './gate';
import './stepping.css';

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/**
 * Byte-by-byte comparison, aligned at the end when the program moved the start of the packet
 * (bpf_xdp_adjust_head) and at the start otherwise: what a reader expects from a header push/pop.
 */
export function packetDiff(
  before: Uint8Array,
  after: Uint8Array,
): { offset: number; byte: number; changed: boolean }[] {
  const shift = after.length - before.length;
  return Array.from(after, (byte, i) => {
    const j = shift !== 0 && i >= Math.max(0, shift) ? i - shift : i;
    const old = shift > 0 && i < shift ? undefined : before[j];
    return { offset: i, byte, changed: old === undefined || old !== byte };
  });
}

function PacketOut({ run }: { run: PacketRun }) {
  const diff = packetDiff(run.packetIn, run.packetOut);
  const changed = diff.filter((d) => d.changed).length;
  const rows: (typeof diff)[] = [];
  for (let i = 0; i < diff.length; i += 16) rows.push(diff.slice(i, i + 16));
  const sizeNote =
    run.packetOut.length === run.packetIn.length
      ? `${run.packetOut.length} bytes`
      : `${run.packetIn.length} → ${run.packetOut.length} bytes`;
  return (
    <div className="packet-out">
      <div className="section-label">
        Packet out · {sizeNote} · {changed === 0 ? 'unchanged' : `${changed} byte${changed === 1 ? '' : 's'} changed`}
      </div>
      <div className="hexdump mono" aria-label="Packet out compared with packet in">
        {rows.map((row) => (
          <div key={row[0]!.offset} className="hexdump-row">
            <span className="hexdump-off">{row[0]!.offset.toString(16).padStart(4, '0')}</span>
            <span className="hexdump-hex">
              {row.map((d) => (
                <span key={d.offset} className={d.changed ? 'byte-changed' : undefined}>
                  {hex2(d.byte)}{' '}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

const tone = (verdict: string): 'ok' | 'bad' | 'neutral' =>
  /DROP|ABORTED|SHOT|^drop$/.test(verdict) ? 'bad' : /PASS|TX|REDIRECT|OK|keep/.test(verdict) ? 'ok' : 'neutral';

/** Rows the firing list renders (the newest); the store keeps more and trace_pipe has all lines. */
export const FIRINGS_SHOWN = 400;

const seconds = (ns: number) => (ns / 1e9).toFixed(6);

function Firings() {
  const state = usePlayground((s) => s);
  const blocker = compileBlocker(state);
  if (blocker !== null) return <Blocked blocker={blocker} />;
  const { firings, attachRun, running } = state;
  if (attachRun?.status === 'error' || attachRun?.status === 'unavailable') {
    return <Blocked blocker={{ icon: 'alert', title: 'The workload did not run', text: attachRun.status === 'error' ? attachRun.message : attachRun.reason, tone: 'error' }} />; // prettier-ignore
  }
  if (firings.length === 0 && !running) {
    return (
      <Blocked
        blocker={{
          icon: 'play',
          title: attachRun === null ? 'Not run yet' : 'Nothing fired',
          text:
            attachRun === null
              ? 'Press Run (Ctrl+Enter): the program is attached to the simulated kernel, which plays the workload from the Inputs panel.'
              : `The workload ran ${(attachRun.status === 'ok' ? attachRun.value.durationNs / 1e6 : 0).toFixed(0)} ms of simulated time and never hit ${attachRun.status === 'ok' ? attachRun.value.plan.map((p) => p.attachment).join(', ') : 'the attach points'}. Try another workload.`,
          tone: 'muted',
        }}
      />
    );
  }
  const shown = firings.slice(-FIRINGS_SHOWN);
  const summary = attachRun?.status === 'ok' ? attachRun.value : null;
  return (
    <div className="panel-scroll result-panel firings-panel">
      <div className="firings-summary" role="status" data-testid="firings-summary">
        {running ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" size={14} />}
        <strong>{(summary?.firings ?? firings.length + state.firingsDropped).toLocaleString()} firings</strong>
        {summary !== null && (
          <>
            <span>· {summary.traced.toLocaleString()} printed</span>
            {summary.errors > 0 && <span className="tone-bad">· {summary.errors} faulted</span>}
            <span>· {(summary.durationNs / 1e6).toFixed(1)} ms simulated</span>
            <span className="mono small">{summary.plan.map((p) => `${p.program} on ${p.attachment}`).join(', ')}</span>
          </>
        )}
        {running && <span>playing the workload…</span>}
      </div>
      {firings.length > shown.length && (
        <p className="hint">
          Showing the last {shown.length} of {(firings.length + state.firingsDropped).toLocaleString()} firings;
          trace_pipe and the maps have them all.
        </p>
      )}
      <table className="firings" aria-label="Firings">
        <thead>
          <tr>
            <th>time (s)</th>
            <th>cpu</th>
            <th>attach point</th>
            <th>task</th>
            <th>context</th>
            <th>result</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.seq} className={f.error !== null ? 'firing-error' : f.trace.length > 0 ? 'firing-traced' : ''}>
              <td className="mono">{seconds(f.timeNs)}</td>
              <td className="mono">{f.cpu}</td>
              <td className="mono">
                {f.attachment}
                <span className="muted"> → {f.program}</span>
              </td>
              <td className="mono">
                {f.comm}
                <span className="muted">/{f.pid}</span>
              </td>
              <td className="firing-summary" title={f.summary}>
                {f.summary}
              </td>
              <td className="mono">
                {f.error !== null ? (
                  <span className="tone-bad" title={f.error}>
                    fault
                  </span>
                ) : (
                  <>
                    r0={f.retval}
                    {f.trace.length > 0 && <span className="pill pill-muted">{f.trace.length} printed</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ResultPanel() {
  const attach = usePlayground((s) => s.inputsKind === 'attach');
  return attach ? <Firings /> : <PacketResults />;
}

function PacketResults() {
  const state = usePlayground((s) => s);
  const blocker = compileBlocker(state) ?? stageBlocker(state.run, 'The run');
  if (blocker !== null) return <Blocked blocker={blocker} />;
  if (state.running) {
    return <Blocked blocker={{ icon: 'hourglass', title: 'Running…', text: '', tone: 'pending' }} />;
  }
  if (state.run?.status !== 'ok') {
    return (
      <Blocked
        blocker={{
          icon: 'play',
          title: 'Not run yet',
          text: 'Press Run (Ctrl+Enter) to run the program on the input packets.',
          tone: 'muted',
        }}
      />
    );
  }
  const { engine } = state.run.value;
  return (
    <div className="panel-scroll result-panel">
      <div
        className={`engine-note small ${engine.fallback !== null ? 'engine-fallback' : 'muted'}`}
        data-testid="run-engine"
      >
        <Icon name={engine.fallback !== null ? 'alert' : 'bolt'} size={12} />{' '}
        {engine.engine === 'jit'
          ? 'Ran on the JIT (eBPF compiled to WebAssembly), as the CLI runs. Step uses the interpreter.'
          : engine.fallback !== null
            ? `Ran on the interpreter: the JIT could not take this program (${engine.fallback}).`
            : 'Ran on the interpreter.'}
      </div>
      {state.run.value.runs.map((run, i) => (
        <section key={i} className="run-card" aria-label={`Run of packet ${i + 1}`}>
          <header className="run-head">
            <span className="muted">Packet {i + 1}</span>
            {run.error !== null ? (
              <span className="verdict-chip tone-bad" role="status">
                <Icon name="alert" size={14} /> {run.error}
              </span>
            ) : (
              <>
                <span className={`verdict-chip tone-${tone(run.verdict)}`} role="status" data-testid="verdict">
                  {run.verdict || `r0 = ${run.retval}`}
                </span>
                <span className="mono small">
                  r0 = {run.retval.toString()} · {run.instructions} instructions · {run.trace.length} trace line
                  {run.trace.length === 1 ? '' : 's'}
                </span>
              </>
            )}
          </header>
          {run.error === null && <PacketOut run={run} />}
        </section>
      ))}
    </div>
  );
}
