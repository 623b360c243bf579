/**
 * The call stack of a stepped run: one card per bpf-to-bpf frame, innermost first, each with its
 * r6–r10 (a caller's as it left them at the call; the callee must not change them) and its own
 * 512-byte stack. Only the rows of the stack in use are shown unless asked for all of them.
 */
import { useState } from 'react';
import type { StepFrame } from '../../protocol';
import { formatHex, formatSigned } from './format-register';
import { hexRows } from './hexdump';
import './stepping.css';

function StackBytes({ bytes, full }: { bytes: Uint8Array; full: boolean }) {
  const rows = hexRows(bytes).filter((r) => full || r.hex.some((h) => h !== '00'));
  if (rows.length === 0) return <div className="muted small">Nothing on this frame's stack yet (all zero).</div>;
  return (
    <div className="hexdump mono">
      {rows.map((r) => (
        <div key={r.offset} className="hexdump-row">
          <span className="hexdump-off">fp-{bytes.length - parseInt(r.offset, 16)}</span>
          <span className="hexdump-hex">{r.hex.join(' ')}</span>
          <span className="hexdump-ascii">{r.ascii}</span>
        </div>
      ))}
    </div>
  );
}

function FrameCard({
  frame,
  depth,
  current,
  full,
}: {
  frame: StepFrame;
  depth: number;
  current: boolean;
  full: boolean;
}) {
  return (
    <details className={`frame-card${current ? ' current' : ''}`} open={current}>
      <summary>
        <span className="frame-depth mono">#{depth}</span> <span className="mono">{frame.function}</span>
        <span className="muted small">
          {' '}
          {current ? `at ${frame.pc}` : `called at ${frame.pc}`}
          {frame.returnPc !== null ? ` · returns to ${frame.returnPc}` : ' · entry program'}
        </span>
      </summary>
      <table className="regs frame-regs mono" aria-label={`Frame ${depth} (${frame.function}): r6–r10`}>
        <tbody>
          {frame.registers.map((reg, i) => (
            <tr key={i}>
              <th scope="row">r{6 + i}</th>
              <td>{formatHex(reg.value)}</td>
              <td className={reg.pointer !== null ? 'ptr' : undefined}>
                {reg.pointer !== null
                  ? `${reg.pointer.region}${reg.pointer.offset >= 0 ? '+' : ''}${reg.pointer.offset}`
                  : formatSigned(reg.value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StackBytes bytes={frame.stack} full={full} />
    </details>
  );
}

export function CallStack({ frames }: { frames: readonly StepFrame[] }) {
  const [full, setFull] = useState(false);
  const innermostFirst = frames.map((frame, depth) => ({ frame, depth })).reverse();
  return (
    <section className="call-stack" aria-label="Call stack">
      <div className="section-label call-stack-head">
        Call stack · {frames.length} frame{frames.length === 1 ? '' : 's'}
        <label className="small muted">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} /> all 512 stack bytes
        </label>
      </div>
      {innermostFirst.map(({ frame, depth }) => (
        <FrameCard key={depth} frame={frame} depth={depth} current={depth === frames.length - 1} full={full} />
      ))}
    </section>
  );
}
