/** Bottom line: compiler and runtime availability, build state, autosave, cursor. */
import { usePlayground } from '../context';

function compilerText(s: ReturnType<typeof useStatus>): { text: string; tone: string } {
  const c = s.compiler;
  if (c.state === 'unavailable') return { text: 'Compiler not available yet', tone: 'muted' };
  if (c.state === 'loading') {
    const pct =
      c.totalBytes !== null && c.totalBytes > 0 ? ` ${Math.round((100 * c.loadedBytes) / c.totalBytes)}%` : '';
    return { text: `Compiler loading…${pct}`, tone: 'pending' };
  }
  switch (s.phase) {
    case 'waiting':
    case 'compiling':
      return { text: 'Compiling…', tone: 'pending' };
    case 'failed':
      return { text: 'Compile failed', tone: 'error' };
    case 'done':
      return { text: `Compiled in ${Math.round(s.durationMs ?? 0)} ms`, tone: 'ok' };
    default:
      return { text: `clang ${c.version}`, tone: 'ok' };
  }
}

function useStatus() {
  const compiler = usePlayground((s) => s.compiler);
  const phase = usePlayground((s) => s.compile.phase);
  const durationMs = usePlayground((s) => s.compile.result?.durationMs ?? null);
  return { compiler, phase, durationMs };
}

export function StatusBar() {
  const status = useStatus();
  const runtime = usePlayground((s) => s.runtime);
  const cursor = usePlayground((s) => s.cursor);
  const savedAt = usePlayground((s) => s.savedAt);
  const c = compilerText(status);
  const missing = runtime === null ? [] : Object.entries(runtime.stages).filter(([, v]) => !v.available);
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`status-item tone-${c.tone}`} data-testid="compiler-status">
        <span className="dot" aria-hidden="true" />
        {c.text}
      </span>
      <span
        className="status-item status-runtime"
        title={missing.map(([k, v]) => `${k}: ${v.reason}`).join('\n') || 'All runtime stages available'}
      >
        {runtime === null
          ? 'Runtime starting…'
          : missing.length === 0
            ? 'Runtime ready'
            : `Runtime: ${missing.map(([k]) => k).join(', ')} not available yet`}
      </span>
      <span className="spacer" />
      <span className="status-item" data-testid="autosave-status">
        {savedAt === null ? 'Saved in this browser' : `Saved locally ${new Date(savedAt).toLocaleTimeString()}`}
      </span>
      <span className="status-item mono">
        Ln {cursor.line}, Col {cursor.column}
      </span>
      <span className="status-item status-lang">C · BPF</span>
    </footer>
  );
}
