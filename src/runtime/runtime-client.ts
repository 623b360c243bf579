/** The UI's handle on the runtime worker: typed calls with stale dropping and a watchdog. */
import type { RuntimeMethods } from '../protocol';
import { WorkerClient, type RestartInfo, type WorkerLike } from './worker-client';

/** A run longer than this is a runaway (the verifier bounds real programs far below it). */
export const RUNTIME_TIMEOUTS = {
  load: 10_000,
  verify: 20_000,
  run: 10_000,
  stepStart: 20_000,
  stepTo: 5_000,
  // A workload of a few simulated seconds fires thousands of times; firings stream meanwhile.
  attach: 60_000,
  check: 30_000,
};

export type RuntimeClient = WorkerClient<RuntimeMethods>;

export function createRuntimeClient(
  create: () => WorkerLike,
  onRestart?: (info: RestartInfo) => void,
  onEvent?: (event: string, data: unknown) => void,
): RuntimeClient {
  return new WorkerClient<RuntimeMethods>({
    name: 'runtime',
    create,
    timeoutMs: RUNTIME_TIMEOUTS,
    ...(onRestart === undefined ? {} : { onRestart }),
    ...(onEvent === undefined ? {} : { onEvent }),
  });
}

/** The browser's runtime worker, bundled by Vite. */
export const browserRuntimeWorker = (): WorkerLike =>
  new Worker(new URL('./runtime.worker.ts', import.meta.url), { type: 'module', name: 'ebpf-runtime' });
