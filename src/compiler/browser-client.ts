/**
 * The page's compiler client: createClangClient over a module worker running compiler.worker.ts
 * (Vite bundles the worker from this `new Worker(new URL(...))` form). For the UI's main.tsx:
 *   createBrowserClangClient({ onRestart })  instead of  createCompilerClient(findCompilerWorker(), onRestart)
 */
import type { CompilerClient } from '../runtime/compiler-client';
import { type ClangClientOptions, createClangClient } from './client';

export function createBrowserClangClient(options: ClangClientOptions = {}): CompilerClient {
  return createClangClient(
    () => new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'compiler' }),
    options,
  );
}
