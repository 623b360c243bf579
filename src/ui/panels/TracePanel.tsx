/** trace_pipe: a virtualised list of lines in the kernel's format, with filter, pause and clear. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { usePlayground } from '../context';

const ROW_HEIGHT = 20;

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

  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  // Follow the tail as lines arrive.
  useEffect(() => {
    if (lines.length > 0 && !paused) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [lines.length, paused, virtualizer]);

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
          <Icon name={paused ? 'play' : 'pause'} size={14} /> {paused ? `Resume${held > 0 ? ` (${held} new)` : ''}` : 'Pause'}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={clear} disabled={trace.length === 0 && held === 0}>
          <Icon name="trash" size={14} /> Clear
        </button>
        <span className="muted small trace-count">
          {filter.trim() === '' ? `${trace.length} lines` : `${lines.length} of ${trace.length} lines`}
        </span>
      </div>
      {trace.length === 0 ? (
        <EmptyState icon="terminal" title="trace_pipe is empty">
          Lines your program prints with bpf_printk() appear here, in the kernel’s format, when it runs.
        </EmptyState>
      ) : (
        <div ref={scroller} className="trace-scroll mono" role="log" aria-label="trace_pipe output" aria-live="polite">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => (
              <div
                key={row.key}
                className="trace-line"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                {lines[row.index]?.text}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
