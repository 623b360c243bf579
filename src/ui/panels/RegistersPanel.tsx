/** Stepping: r0–r10 (hex, decimal, pointers as region+offset), changed ones highlighted, the call stack. */
import type { RegisterValue } from '../../protocol';
import { Icon } from '../components/Icon';
import { usePlayground, usePlaygroundContext } from '../context';
import { stepStops } from '../store/breakpoints';
import { CallStack } from './CallStack';
import { formatHex, formatSigned } from './format-register';
import { Blocked, compileBlocker, stageBlocker } from './gate';

export { formatHex, formatSigned };

/** What the breakpoints are, in a few words. */
function breakpointSummary(pcs: readonly number[], lines: readonly number[]): string {
  if (pcs.length === 0 && lines.length === 0)
    return 'Click beside a line number in the editor, or the gutter in Disassembly, to set breakpoints.';
  const parts = [
    ...(lines.length > 0 ? [`line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`] : []),
    ...(pcs.length > 0 ? [`insn ${pcs.join(', ')}`] : []),
  ];
  return `Breakpoints: ${parts.join(' · ')}`;
}

function RegisterRow({ index, reg, changed }: { index: number; reg: RegisterValue; changed: boolean }) {
  return (
    <tr className={changed ? 'changed' : undefined}>
      <th scope="row">r{index}</th>
      <td>{formatHex(reg.value)}</td>
      {reg.pointer !== null ? (
        <td className="ptr" title="A pointer: region + offset">
          {reg.pointer.region}
          {reg.pointer.offset >= 0 ? '+' : ''}
          {reg.pointer.offset}
        </td>
      ) : (
        <td>{formatSigned(reg.value)}</td>
      )}
    </tr>
  );
}

export function RegistersPanel() {
  const state = usePlayground((s) => s);
  const { pipeline } = usePlaygroundContext();
  const blocker = compileBlocker(state) ?? stageBlocker(state.step, 'Stepping');
  const controls = (
    <div className="toolbar-row" role="toolbar" aria-label="Stepping">
      <button type="button" className="btn btn-small" onClick={() => void pipeline.step(-1)} aria-label="Step back">
        <Icon name="stepBack" size={14} /> Back
      </button>
      <button type="button" className="btn btn-small" onClick={() => void pipeline.step(1)} aria-label="Step forward">
        <Icon name="step" size={14} /> Step
      </button>
      <button
        type="button"
        className="btn btn-small"
        title="Run to the next breakpoint (F8)"
        onClick={() => void pipeline.continueRun()}
      >
        <Icon name="continue" size={14} /> Continue
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => void pipeline.runToEnd()}>
        Run to end
      </button>
      <span className="muted small" data-testid="breakpoint-summary">
        {breakpointSummary(state.breakpoints, state.lineBreakpoints)}
      </span>
    </div>
  );
  if (blocker !== null) {
    return (
      <div className="panel-col">
        {controls}
        <Blocked blocker={blocker} />
      </div>
    );
  }
  if (state.step?.status !== 'ok') {
    return (
      <div className="panel-col">
        {controls}
        <Blocked
          blocker={{
            icon: 'registers',
            title: 'Not stepping',
            text: 'Press Step (F10) to run the first packet one instruction at a time, or Continue (F8) to run it to the first breakpoint.',
            tone: 'muted',
          }}
        />
      </div>
    );
  }
  const st = state.step.value;
  const dis = state.load?.status === 'ok' ? state.load.value.disassembly : null;
  const insn = dis?.status === 'ok' ? dis.value.find((l) => l.pc === st.pc) : undefined;
  const stops = stepStops(state);
  return (
    <div className="panel-col">
      {controls}
      <div className="panel-scroll registers">
        <div className="step-info mono">
          step {st.step}
          {st.totalSteps !== null ? ` of ${st.totalSteps}` : ''} · pc {st.pc}
          {st.sourceLine !== null ? ` · line ${st.sourceLine}` : ''}
          {st.retval !== null ? ` · exited, r0 = ${st.retval}` : ''}
          {st.retval === null && stops.includes(st.pc) ? ' · at a breakpoint' : ''}
        </div>
        {insn !== undefined && (
          <div className="step-insn mono" data-testid="step-insn">
            {st.retval !== null ? 'last: ' : 'next: '}
            {insn.text}
            {insn.source !== null && <span className="muted"> ; {insn.source.text.trim()}</span>}
          </div>
        )}
        <table className="regs mono" aria-label="Registers">
          <thead>
            <tr>
              <th>reg</th>
              <th>hex</th>
              <th>decimal / pointer</th>
            </tr>
          </thead>
          <tbody>
            {st.registers.map((r, i) => (
              <RegisterRow key={i} index={i} reg={r} changed={st.changed.includes(i)} />
            ))}
          </tbody>
        </table>
        <CallStack frames={st.frames} />
      </div>
    </div>
  );
}
