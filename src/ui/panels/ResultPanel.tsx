/** The last run: each packet's verdict in words, r0, instructions, and packet out as a diff against packet in. */
import type { PacketRun } from '../../protocol';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';
import { Blocked, compileBlocker, stageBlocker } from './gate';

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

export function ResultPanel() {
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
  return (
    <div className="panel-scroll result-panel">
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
