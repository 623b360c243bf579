/** The verdict, the plain-words explanation, the failing path's abstract state, and the kernel log. */
import { useState } from 'react';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';
import { Blocked, compileBlocker, stageBlocker } from './gate';

export function VerifierPanel() {
  const state = usePlayground((s) => s);
  const selectPc = usePlayground((s) => s.selectPc);
  const revealLine = usePlayground((s) => s.revealLine);
  const [showLog, setShowLog] = useState(true);
  const blocker =
    compileBlocker(state) ??
    (state.verifier === null
      ? {
          icon: 'hourglass' as const,
          title: 'Verifying…',
          text: 'The verifier is checking the program.',
          tone: 'pending' as const,
        }
      : stageBlocker(state.verifier, 'The verifier'));
  if (blocker !== null || state.verifier?.status !== 'ok') {
    return <Blocked blocker={blocker ?? { icon: 'shield', title: 'Not verified', text: '', tone: 'muted' }} />;
  }
  const report = state.verifier.value;
  return (
    <div className="panel-scroll verifier-panel">
      <div className={`verdict ${report.accepted ? 'verdict-ok' : 'verdict-bad'}`} role="status">
        <Icon name={report.accepted ? 'check' : 'alert'} size={18} />
        <div>
          <div className="verdict-title">
            {report.accepted ? 'Accepted by the verifier' : 'Rejected by the verifier'}
          </div>
          <div className="verdict-sub">
            {report.stats.processed} instructions processed, {report.stats.states} states
            {state.privileged ? ' · privileged' : ' · unprivileged'}
          </div>
        </div>
      </div>
      {report.error !== null && (
        <div className="verifier-error">
          <div className="mono">
            <button type="button" className="link" onClick={() => selectPc(report.error!.insn)}>
              insn {report.error.insn}
            </button>
            {report.error.line !== null && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link"
                  onClick={() => revealLine(Number(report.error!.line!.split(':').pop()))}
                >
                  {report.error.line}
                </button>
              </>
            )}
            : {report.error.message}
          </div>
          {report.explanation !== null && <p className="explanation">{report.explanation}</p>}
        </div>
      )}
      {report.path.length > 0 && (
        <div className="path">
          <div className="section-label">Abstract state on the {report.accepted ? 'checked' : 'failing'} path</div>
          {report.path.map((step, i) => (
            <details key={i} className="path-step" open={i === report.path.length - 1}>
              <summary className="mono">
                <span className="pc">{step.pc}:</span> {step.insn}
                {step.sourceLine !== null && <span className="muted"> · line {step.sourceLine}</span>}
              </summary>
              <table className="kv mono">
                <tbody>
                  {step.registers.map((r) => (
                    <tr key={r.reg}>
                      <th>r{r.reg}</th>
                      <td>{r.state}</td>
                      <td className="plain">{r.plain}</td>
                    </tr>
                  ))}
                  {step.stack.map((slot) => (
                    <tr key={slot.offset}>
                      <th>fp{slot.offset}</th>
                      <td colSpan={2}>{slot.state}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
        </div>
      )}
      <div className="row gap">
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-expanded={showLog}
          onClick={() => setShowLog(!showLog)}
        >
          {showLog ? 'Hide' : 'Show'} kernel log
        </button>
      </div>
      {showLog && (
        <pre className="log mono" aria-label="Verifier log">
          {report.log}
        </pre>
      )}
    </div>
  );
}
