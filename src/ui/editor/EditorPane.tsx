/** The editor area: Monaco loads lazily; until then a quiet placeholder with the same size. */
import { Component, lazy, Suspense, type ReactNode } from 'react';

const CodeEditor = lazy(() => import('./CodeEditor'));

class EditorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.error !== null) {
      return (
        <div className="editor-loading" role="alert">
          The editor failed to load: {this.state.error}. Your program is still saved in this browser; reload to try
          again.
        </div>
      );
    }
    return this.props.children;
  }
}

export function EditorPane() {
  return (
    <EditorBoundary>
      <Suspense
        fallback={
          <div className="editor-loading" aria-busy="true">
            <span className="spinner" aria-hidden="true" /> Loading editor…
          </div>
        }
      >
        <CodeEditor />
      </Suspense>
    </EditorBoundary>
  );
}
