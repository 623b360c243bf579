/**
 * Main-thread client of the compiler worker, for the UI: compile(source, options) → Reply.
 *
 * Built on runtime/worker-client.ts (sequence numbers, stale replies dropped per channel, watchdog
 * restart) and adds what compiling needs:
 * - the watchdog times the compile only, never the download: the client first waits for the worker
 *   to report clang.wasm ready (no timeout; progress arrives as status events), then sends the
 *   compile with COMPILE_TIMEOUT_MS;
 * - superseded compiles are cancelled, not just ignored: a compile still waiting for clang.wasm
 *   when a newer one is requested is never sent, and the worker skips queued ones that a newer
 *   request overtook (service.ts);
 * - after a restart (timeout or crash) the next compile waits for the fresh worker to be ready.
 * Implements the UI's CompilerClient interface (src/runtime/compiler-client.ts).
 */
import type { CompileOptions, CompileResult, CompilerMethods, CompilerStatus, Reply } from '../protocol';
import { COMPILER_STATUS_EVENT } from '../protocol';
import type { CompilerClient } from '../runtime/compiler-client';
import { type RestartInfo, WorkerClient, type WorkerLike } from '../runtime/worker-client';

/** Warm compiles of playground-sized programs take well under a second; 30 s means clang is stuck. */
export const COMPILE_TIMEOUT_MS = 30_000;
export const DEFAULT_FILE_NAME = 'prog.c';

export interface ClangClientOptions {
  readonly timeoutMs?: number;
  readonly fileName?: string;
  readonly onRestart?: (info: RestartInfo) => void;
  /** Injected for tests. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export function createClangClient(create: () => WorkerLike, options: ClangClientOptions = {}): CompilerClient {
  const listeners = new Set<(s: CompilerStatus) => void>();
  let last: CompilerStatus | null = null;
  const emit = (s: CompilerStatus) => {
    last = s;
    for (const l of listeners) l(s);
  };
  let ready: Promise<CompilerStatus> | null = null;
  let latest = 0;

  const client = new WorkerClient<CompilerMethods>({
    name: 'compiler',
    create,
    timeoutMs: { compile: options.timeoutMs ?? COMPILE_TIMEOUT_MS },
    onRestart: (info) => {
      ready = null;
      options.onRestart?.(info);
    },
    onEvent: (event, data) => {
      if (event === COMPILER_STATUS_EVENT) emit(data as CompilerStatus);
    },
    ...(options.setTimer === undefined ? {} : { setTimer: options.setTimer }),
    ...(options.clearTimer === undefined ? {} : { clearTimer: options.clearTimer }),
  });

  const status = (): Promise<CompilerStatus> => {
    ready ??= client.call('status', null).then((r): CompilerStatus => {
      const s: CompilerStatus =
        r.status === 'ok'
          ? r.value
          : {
              state: 'unavailable',
              reason: r.status === 'error' ? r.message : r.status === 'restarted' ? r.reason : r.status,
            };
      if (s.state !== 'ready') ready = null; // ask again next time
      emit(s);
      return s;
    });
    return ready;
  };

  return {
    status,
    async compile(
      source: string,
      compileOptions: CompileOptions,
      files?: Readonly<Record<string, string>>,
    ): Promise<Reply<CompileResult>> {
      const ticket = ++latest;
      const s = await status();
      if (ticket !== latest) return { status: 'stale' };
      if (s.state !== 'ready') {
        return { status: 'error', message: s.state === 'unavailable' ? s.reason : 'the compiler is still loading' };
      }
      const reply = await client.call(
        'compile',
        {
          source,
          fileName: options.fileName ?? DEFAULT_FILE_NAME,
          options: compileOptions,
          ...(files ? { files } : {}),
        },
        { channel: 'compile' },
      );
      if (reply.status !== 'stale' && ticket !== latest) return { status: 'stale' };
      return reply;
    },
    onStatus(listener) {
      listeners.add(listener);
      if (last !== null) listener(last);
      return () => listeners.delete(listener);
    },
    dispose: () => client.dispose(),
  };
}
