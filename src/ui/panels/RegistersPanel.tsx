/** Stepping: r0–r10 (hex, decimal, pointers as region+offset), changed ones highlighted, stack, frames. */
import type { RegisterValue } from '../../protocol';
import { Icon } from '../components/Icon';
import { usePlayground, usePlaygroundContext } from '../context';
import { Blocked, compileBlocker, stageBlocker } from './gate';
import { hexRows } from './hexdump';

const MASK = (1n << 64n) - 1n;

export const formatHex = (v: bigint) => `0x${(v & MASK).toString(16)}`;
export const formatSigned = (v: bigint) => BigInt.asIntN(64, v).toString();

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
      <span className="muted small">
        {state.breakpoints.length === 0
          ? 'Click the gutter in Disassembly to set breakpoints.'
          : `Breakpoints at insn ${state.breakpoints.join(', ')}`}
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
            text: 'Press Step (F10) to run the first packet one instruction at a time.',
            tone: 'muted',
          }}
        />
      </div>
    );
  }
  const st = state.step.value;
  const dis = state.load?.status === 'ok' ? state.load.value.disassembly : null;
  const insn = dis?.status === 'ok' ? dis.value.find((l) => l.pc === st.pc) : undefined;
  return (
    <div className="panel-col">
      {controls}
      <div className="panel-scroll registers">
        <div className="step-info mono">
          step {st.step}
          {st.totalSteps !== null ? ` of ${st.totalSteps}` : ''} · pc {st.pc}
          {st.sourceLine !== null ? ` · line ${st.sourceLine}` : ''}
          {st.retval !== null ? ` · exited, r0 = ${st.retval}` : ''}
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
        {st.frames.length > 0 && (
          <div className="frames">
            <div className="section-label">Call frames</div>
            <ol className="mono">
              {st.frames.map((f, i) => (
                <li key={i}>
                  {f.function}
                  {f.returnPc !== null ? ` (returns to ${f.returnPc})` : ''}
                </li>
              ))}
            </ol>
          </div>
        )}
        <div className="section-label">Stack frame (fp-{st.stack.length} … fp)</div>
        <div className="hexdump mono">
          {hexRows(st.stack).map((r) => (
            <div key={r.offset} className="hexdump-row">
              <span className="hexdump-off">fp-{st.stack.length - parseInt(r.offset, 16)}</span>
              <span className="hexdump-hex">{r.hex.join(' ')}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
