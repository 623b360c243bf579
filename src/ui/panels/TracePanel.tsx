/** trace_pipe: a virtualised list of lines in the kernel's format, with filter, pause and clear. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';

const ROW_HEIGHT = 20;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 20;

/** Which rows of a fixed-height list are in view: only those are in the DOM, so 20,000 lines stay fast. */
export function visibleRange(scrollTop: number, viewport: number, count: number): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  return { start, end };
}

export function TracePanel() {
  const trace = usePlayground((s) => s.trace);
  const held = usePlayground((s) => s.held.length);
  const paused = usePlayground((s) => s.tracePaused);
  const filter = usePlayground((s) => s.traceFilter);
  const setFilter = usePlayground((s) => s.setTraceFilter);
  const setPaused = usePlayground((s) => s.setTracePaused);
  const clear = usePlayground((s) => s.clearTrace);
  const scroller = useRef<HTMLDivElement>(null);

  const lines = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f === '' ? trace : trace.filter((l) => l.text.toLowerCase().includes(f));
  }, [trace, filter]);

  const [view, setView] = useState({ top: 0, height: 400 });
  const { start, end } = visibleRange(view.top, view.height, lines.length);

  // Follow the tail as lines arrive (unless paused).
  useEffect(() => {
    const el = scroller.current;
    if (el !== null && !paused) el.scrollTop = el.scrollHeight;
  }, [lines.length, paused]);

  return (
    <div className="panel-col trace-panel">
      <div className="toolbar-row" role="toolbar" aria-label="trace_pipe">
        <input
          type="search"
          className="filter-input"
          placeholder="Filter lines"
          aria-label="Filter trace lines"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="btn btn-small" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          <Icon name={paused ? 'play' : 'pause'} size={14} />{' '}
          {paused ? `Resume${held > 0 ? ` (${held} new)` : ''}` : 'Pause'}
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={clear}
          disabled={trace.length === 0 && held === 0}
        >
          <Icon name="trash" size={14} /> Clear
        </button>
        <span className="muted small trace-count">
          {filter.trim() === ''
            ? `${trace.length} line${trace.length === 1 ? '' : 's'}`
            : `${lines.length} of ${trace.length} lines`}
        </span>
      </div>
      {trace.length === 0 ? (
        <EmptyState icon="terminal" title="trace_pipe is empty">
          Lines your program prints with bpf_printk() appear here, in the kernel’s format, when it runs.
        </EmptyState>
      ) : (
        <div
          ref={scroller}
          className="trace-scroll mono"
          role="log"
          aria-label="trace_pipe output"
          onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        >
          <div style={{ height: lines.length * ROW_HEIGHT, position: 'relative' }}>
            {lines.slice(start, end).map((line, i) => (
              <div
                key={start + i}
                className="trace-line"
                style={{ position: 'absolute', left: 0, right: 0, height: ROW_HEIGHT, top: (start + i) * ROW_HEIGHT }}
              >
                {line.text}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
