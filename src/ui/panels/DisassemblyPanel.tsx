/** llvm-objdump-style listing with C lines interleaved; click an instruction to select it everywhere. */
import { Fragment } from 'react';
import { usePlayground } from '../context';
import { Blocked, compileBlocker, stageBlocker } from './gate';

export function DisassemblyPanel() {
  const state = usePlayground((s) => s);
  const selectPc = usePlayground((s) => s.selectPc);
  const revealLine = usePlayground((s) => s.revealLine);
  const toggleBreakpoint = usePlayground((s) => s.toggleBreakpoint);
  const blocker = compileBlocker(state);
  if (blocker !== null || state.load?.status !== 'ok') {
    return <Blocked blocker={blocker ?? { icon: 'list', title: 'Nothing loaded', text: '', tone: 'muted' }} />;
  }
  const dis = state.load.value.disassembly;
  const disBlocker = stageBlocker(dis, 'Disassembly');
  if (disBlocker !== null || dis.status !== 'ok') {
    return <Blocked blocker={disBlocker ?? { icon: 'list', title: 'No listing', text: '', tone: 'muted' }} />;
  }
  const current = state.step?.status === 'ok' ? state.step.value.pc : null;
  return (
    <div className="panel-scroll disasm mono" role="list" aria-label={`Disassembly of ${state.load.value.program}`}>
      <div className="disasm-func">{state.load.value.program}:</div>
      {dis.value.map((l, i) => {
        const showSource = l.source !== null && l.source.line !== dis.value[i - 1]?.source?.line;
        const classes = [
          'disasm-line',
          l.pc === state.selectedPc ? 'selected' : '',
          l.pc === current ? 'current' : '',
          state.breakpoints.includes(l.pc) ? 'breakpoint' : '',
        ].join(' ');
        return (
          <Fragment key={l.pc}>
            {showSource && l.source !== null && (
              <button type="button" className="disasm-source" onClick={() => revealLine(l.source!.line)}>
                ; {l.source.line}: {l.source.text.trim()}
              </button>
            )}
            <div className={classes} role="listitem">
              <button
                type="button"
                className="bp-gutter"
                aria-label={`Toggle breakpoint at instruction ${l.pc}`}
                aria-pressed={state.breakpoints.includes(l.pc)}
                onClick={() => toggleBreakpoint(l.pc)}
              />
              <button type="button" className="disasm-pc" onClick={() => selectPc(l.pc)}>
                {l.pc.toString().padStart(4, ' ')}:
              </button>
              <span className="disasm-bytes">{l.bytes.match(/../g)?.join(' ')}</span>
              <span className="disasm-text">
                {l.text}
                {l.target !== null && (
                  <button type="button" className="link" onClick={() => selectPc(l.target)}>
                    {' '}
                    → {l.target}
                  </button>
                )}
                {l.relocation !== null && <span className="reloc"> ; {l.relocation}</span>}
              </span>
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
