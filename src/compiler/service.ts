/**
 * The compiler worker's logic, free of worker globals so Node tests drive it: loads clang.wasm
 * once (reporting progress), answers `status` and `compile` (src/protocol/compiler.ts).
 * Compiles run one at a time; one still queued when a newer compile arrives is skipped
 * (its caller has been superseded and will drop the answer anyway).
 */
import type { CompilerMethods, CompilerStatus } from '../protocol';
import type { Handlers } from '../runtime/dispatcher';
import { type SystemHeaders, browserInput, compileProgram } from './compile';
import type { LoadProgress, LoadedClang } from './load';
import { type WireCompileOptions, fromWireOptions, toCompileResult } from './protocol-map';

export interface CompilerServiceDeps {
  /** Memoised clang.wasm load (createClangLoader); progress is reported through `onProgress` below. */
  readonly load: () => Promise<LoadedClang>;
  readonly headers: () => SystemHeaders;
  readonly onStatus: (status: CompilerStatus) => void;
}

export const SUPERSEDED = 'superseded by a newer compile';

export function progressStatus(p: LoadProgress): CompilerStatus {
  return { state: 'loading', loadedBytes: p.loadedBytes, totalBytes: p.totalBytes };
}

export function versionOf(l: LoadedClang): string {
  return l.manifest.versionString ?? `clang ${l.manifest.llvmVersion}`;
}

export interface CompilerService {
  readonly handlers: Handlers<CompilerMethods>;
  /** Starts loading clang.wasm now (the worker does this at start-up). */
  start(): Promise<CompilerStatus>;
}

export function createCompilerService(deps: CompilerServiceDeps): CompilerService {
  let statusPromise: Promise<CompilerStatus> | null = null;
  let headers: SystemHeaders | null = null;
  let latest = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Promise<CompilerStatus> => {
    statusPromise ??= deps.load().then(
      (loaded): CompilerStatus => ({ state: 'ready', version: versionOf(loaded) }),
      (e: unknown): CompilerStatus => {
        statusPromise = null; // the next request retries
        return { state: 'unavailable', reason: e instanceof Error ? e.message : String(e) };
      },
    );
    const p = statusPromise;
    void p.then(deps.onStatus);
    return p;
  };

  const handlers: Handlers<CompilerMethods> = {
    status: () => start(),
    compile: async (request) => {
      const { source, fileName, options, files } = request;
      const ticket = ++latest;
      const run = queue.then(async () => {
        if (ticket !== latest) throw new Error(SUPERSEDED);
        const loaded = await deps.load();
        headers ??= deps.headers();
        const output = await compileProgram(
          loaded.module,
          browserInput(
            source,
            fileName,
            fromWireOptions(options as WireCompileOptions),
            new Map(Object.entries(files ?? {})),
          ),
          headers,
        );
        return toCompileResult(output, fileName);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { handlers, start };
}
