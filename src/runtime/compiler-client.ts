/**
 * The UI's handle on the compiler: compile(source, options) → {object, diagnostics}.
 *
 * The compiler worker arrives with clang.wasm (issue 5) as src/compiler/compiler.worker.ts and
 * speaks CompilerMethods through runtime/dispatcher.ts. Until that file exists, the client reports
 * 'unavailable' and the page says so; no compile result is ever invented.
 */
import { createClangClient } from '../compiler/client';
import type { CompileOptions, CompileResult, CompilerStatus, Reply } from '../protocol';
import type { RestartInfo, WorkerLike } from './worker-client';

export interface CompilerClient {
  status(): Promise<CompilerStatus>;
  /** Superseded compiles resolve as 'stale'. `files`: headers beside the source for "quoted" includes. */
  compile(
    source: string,
    options: CompileOptions,
    files?: Readonly<Record<string, string>>,
  ): Promise<Reply<CompileResult>>;
  onStatus(listener: (status: CompilerStatus) => void): () => void;
  dispose(): void;
}

export const SOURCE_FILE = 'prog.c';

export function createCompilerClient(
  create: (() => WorkerLike) | null,
  onRestart?: (info: RestartInfo) => void,
): CompilerClient {
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
  // The watchdog must time compiles only: the first one waits for clang.wasm (download, decode,
  // module compile — seconds to minutes on a slow link), which createClangClient awaits untimed.
  return createClangClient(create, { fileName: SOURCE_FILE, ...(onRestart === undefined ? {} : { onRestart }) });
}
