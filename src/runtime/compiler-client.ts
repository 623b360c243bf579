/**
 * The UI's handle on the compiler: compile(source, options) → {object, diagnostics}.
 *
 * The compiler worker arrives with clang.wasm (issue 5) as src/compiler/compiler.worker.ts and
 * speaks CompilerMethods through runtime/dispatcher.ts. Until that file exists, the client reports
 * 'unavailable' and the page says so; no compile result is ever invented.
 */
import type { CompileOptions, CompileResult, CompilerMethods, CompilerStatus, Reply } from '../protocol';
import { COMPILER_STATUS_EVENT } from '../protocol';
import { WorkerClient, type RestartInfo, type WorkerLike } from './worker-client';

/** clang on a 50-line program takes well under a second warm; a minute means it is stuck. */
export const COMPILE_TIMEOUT_MS = 60_000;

export interface CompilerClient {
  status(): Promise<CompilerStatus>;
  /** Superseded compiles resolve as 'stale'. */
  compile(source: string, options: CompileOptions): Promise<Reply<CompileResult>>;
  onStatus(listener: (status: CompilerStatus) => void): () => void;
  dispose(): void;
}

export const SOURCE_FILE = 'prog.c';

export function createCompilerClient(
  create: (() => WorkerLike) | null,
  onRestart?: (info: RestartInfo) => void,
): CompilerClient {
  const listeners = new Set<(s: CompilerStatus) => void>();
  const emit = (s: CompilerStatus) => listeners.forEach((l) => l(s));
  if (create === null) {
    const status: CompilerStatus = {
      state: 'unavailable',
      reason: 'The in-browser compiler (clang.wasm) has not landed in this build yet.',
    };
    return {
      status: () => Promise.resolve(status),
      compile: () => Promise.resolve({ status: 'error', message: status.reason }),
      onStatus: (l) => {
        l(status);
        return () => undefined;
      },
      dispose: () => undefined,
    };
  }
  const client = new WorkerClient<CompilerMethods>({
    name: 'compiler',
    create,
    timeoutMs: { compile: COMPILE_TIMEOUT_MS },
    onRestart,
    onEvent: (event, data) => {
      if (event === COMPILER_STATUS_EVENT) emit(data as CompilerStatus);
    },
  });
  return {
    async status() {
      const r = await client.call('status', null);
      return r.status === 'ok'
        ? r.value
        : { state: 'unavailable', reason: r.status === 'error' ? r.message : r.status };
    },
    compile: (source, options) =>
      client.call('compile', { source, fileName: SOURCE_FILE, options }, { channel: 'compile' }),
    onStatus(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose: () => client.dispose(),
  };
}
