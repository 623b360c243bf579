/**
 * Progress the visitor can see: clang.wasm downloading (the page is usable meanwhile), and
 * compiles that take long. A thin bar under the header with words beside it.
 */
import { useEffect, useState } from 'react';
import { usePlayground } from '../context';

/** Compiles shorter than this show no bar (it would only flicker). */
export const LONG_COMPILE_MS = 700;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function ProgressStrip() {
  const compiler = usePlayground((s) => s.compiler);
  const phase = usePlayground((s) => s.compile.phase);
  const revision = usePlayground((s) => s.compile.revision);
  const [tick, setTick] = useState<{ revision: number; ms: number } | null>(null);
  const compiling = phase === 'compiling' && compiler.state === 'ready';

  useEffect(() => {
    if (!compiling) return;
    const start = Date.now();
    const t = setInterval(() => setTick({ revision, ms: Date.now() - start }), 100);
    return () => clearInterval(t);
  }, [compiling, revision]);

  if (compiler.state === 'loading') {
    const pct =
      compiler.totalBytes !== null && compiler.totalBytes > 0 ? compiler.loadedBytes / compiler.totalBytes : null;
    return (
      <div className="progress-strip" data-testid="clang-progress">
        <div
          className="progress-track"
          role="progressbar"
          aria-label="Downloading the compiler"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct === null ? undefined : Math.round(pct * 100)}
        >
          <span
            className={`progress-fill ${pct === null ? 'indeterminate' : ''}`}
            style={pct === null ? undefined : { width: `${pct * 100}%` }}
          />
        </div>
        <span className="progress-text">
          Downloading the compiler (clang.wasm){' '}
          {pct === null ? mb(compiler.loadedBytes) : `${mb(compiler.loadedBytes)} of ${mb(compiler.totalBytes!)}`} — you
          can edit meanwhile; it is kept for offline use.
        </span>
      </div>
    );
  }
  const elapsed = compiling && tick !== null && tick.revision === revision ? tick.ms : 0;
  if (compiling && elapsed >= LONG_COMPILE_MS) {
    return (
      <div className="progress-strip" data-testid="compile-progress">
        <div className="progress-track" role="progressbar" aria-label="Compiling">
          <span className="progress-fill indeterminate" />
        </div>
        <span className="progress-text">Compiling… {(elapsed / 1000).toFixed(1)} s</span>
      </div>
    );
  }
  return null;
}
