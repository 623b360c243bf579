/**
 * Browser-only: finds the compiler worker if this build has one. Kept apart from the client so
 * Node tests never import a Vite worker module.
 */
import type { WorkerLike } from './worker-client';

/**
 * Vite resolves the glob at build time: an empty
 * match (today) means no compiler; once src/compiler/compiler.worker.ts exists it is bundled as a
 * module worker and used, without touching the UI.
 */
export function findCompilerWorker(): (() => WorkerLike) | null {
  const found = import.meta.glob<new () => Worker>('../compiler/compiler.worker.ts', {
    query: '?worker',
    import: 'default',
    eager: true,
  });
  const Ctor = Object.values(found)[0];
  return Ctor === undefined ? null : () => new Ctor();
}
