/**
 * llvm-objdump-style listing with C lines interleaved (BTF line info). Clicking an instruction
 * highlights its C line (here and in the editor); clicking a C line highlights its instructions;
 * jump targets are links; map references and helper calls are named; the gutter sets breakpoints
 * on an instruction or, beside a C line, on the line (the same breakpoint as the editor's margin).
 */
import { Fragment, useEffect, useRef } from 'react';
import type { DisasmLine } from '../../protocol';
import { usePlayground } from '../context';
import { stopPcs } from '../store/breakpoints';
import { Blocked, compileBlocker, stageBlocker } from './gate';

/** The C line an instruction belongs to, or null. */
export const lineOfPc = (lines: readonly DisasmLine[], pc: number | null): number | null =>
  pc === null ? null : (lines.find((l) => l.pc === pc)?.source?.line ?? null);

export function DisassemblyPanel() {
  const state = usePlayground((s) => s);
  const selectPc = usePlayground((s) => s.selectPc);
  const selectLine = usePlayground((s) => s.selectLine);
  const revealLine = usePlayground((s) => s.revealLine);
  const toggleBreakpoint = usePlayground((s) => s.toggleBreakpoint);
  const toggleLineBreakpoint = usePlayground((s) => s.toggleLineBreakpoint);
  const scroller = useRef<HTMLDivElement>(null);
  const current = state.step?.status === 'ok' ? state.step.value.pc : null;
  const focusPc = state.selectedPc ?? current;

  // Keep the selected (or current) instruction in view.
  useEffect(() => {
    if (focusPc === null) return;
    scroller.current?.querySelector(`[data-pc="${focusPc}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusPc]);

  const blocker = compileBlocker(state);
  if (blocker !== null || state.load?.status !== 'ok') {
    return <Blocked blocker={blocker ?? { icon: 'list', title: 'Nothing loaded', text: '', tone: 'muted' }} />;
  }
  const loaded = state.load.value;
  const dis = loaded.disassembly;
  const disBlocker = stageBlocker(dis, 'Disassembly');
  if (disBlocker !== null || dis.status !== 'ok') {
    return <Blocked blocker={disBlocker ?? { icon: 'list', title: 'No listing', text: '', tone: 'muted' }} />;
  }
  const compiled = loaded.origin.kind === 'compiled';
  // The highlighted C line: chosen directly, or the line of the selected instruction, or (for the
  // editor's own program) the line the cursor is on.
  const litLine =
    state.selectedLine ??
    lineOfPc(dis.value, state.selectedPc) ??
    (compiled && state.selectedPc === null ? state.cursor.line : null);
  const errorPc = state.verifier?.status === 'ok' ? (state.verifier.value.error?.insn ?? null) : null;
  // A C line breakpoint stops where stepping enters the line: mark those instructions.
  const lineStops = new Set(stopPcs(dis.value, [], compiled ? state.lineBreakpoints : []));

  return (
    <div
      ref={scroller}
      className="panel-scroll disasm mono"
      role="list"
      aria-label={`Disassembly of ${loaded.program}`}
    >
      {dis.value.map((l, i) => {
        const prevLine = dis.value[i - 1]?.source?.line;
        const showSource = l.source !== null && (l.source.line !== prevLine || l.label !== undefined);
        const onLitLine = l.source !== null && l.source.line === litLine;
        const classes = [
          'disasm-line',
          l.pc === state.selectedPc ? 'selected' : '',
          onLitLine ? 'lit' : '',
          l.pc === current ? 'current' : '',
          l.pc === errorPc ? 'error' : '',
          state.breakpoints.includes(l.pc) ? 'breakpoint' : '',
          lineStops.has(l.pc) ? 'line-breakpoint' : '',
        ].join(' ');
        return (
          <Fragment key={l.pc}>
            {l.label !== undefined && (
              <div className="disasm-func">
                {(l.pc * 8).toString(16).padStart(16, '0')} &lt;{l.label}&gt;:
              </div>
            )}
            {showSource && l.source !== null && (
              <div className={`disasm-source-row ${onLitLine ? 'lit' : ''}`}>
                <button
                  type="button"
                  className="bp-gutter bp-line"
                  aria-label={`Toggle breakpoint at C line ${l.source.line}`}
                  aria-pressed={
                    compiled ? state.lineBreakpoints.includes(l.source.line) : state.breakpoints.includes(l.pc)
                  }
                  // An opened object's lines are not the editor's: there it marks the line's first instruction.
                  onClick={() => (compiled ? toggleLineBreakpoint(l.source!.line) : toggleBreakpoint(l.pc))}
                />
                <button
                  type="button"
                  className="disasm-source"
                  title={
                    compiled
                      ? 'Highlight its instructions and show the line in the editor'
                      : 'Highlight its instructions'
                  }
                  onClick={() => {
                    selectLine(l.source!.line);
                    if (compiled) revealLine(l.source!.line);
                  }}
                >
                  ; {l.source.line}: {l.source.text.trim()}
                </button>
              </div>
            )}
            <div className={classes} role="listitem" data-pc={l.pc}>
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
                  <button
                    type="button"
                    className="link jump-link"
                    aria-label={`Go to instruction ${l.target}`}
                    onClick={() => selectPc(l.target)}
                  >
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
