import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorkerScript } from './src/ui/offline/service-worker';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));
const monacoVim = fileURLToPath(new URL('./node_modules/monaco-vim/dist/index.mjs', import.meta.url));

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/**
 * Emits /sw.js: the offline service worker with this build's files to precache (every emitted
 * file and the public files, except clang/ — the compiler caches clang.wasm itself — and
 * dot-files). Its version is a hash of those names, so a new build replaces the old cache.
 */
function offline(): Plugin {
  return {
    name: 'ebpf-playground-offline',
    apply: 'build',
    generateBundle(_options, bundle) {
      const emitted = Object.keys(bundle);
      const pub = filesUnder(publicDir)
        .map((f) => relative(publicDir, f).split('\\').join('/'))
        .filter((f) => !f.startsWith('clang/') && !f.split('/').some((part) => part.startsWith('.')));
      const precache = [...new Set(['./', 'index.html', ...emitted, ...pub])].filter((f) => f !== 'sw.js').sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerScript(version, precache) });
    },
  };
}

export default defineConfig({
  plugins: [react(), offline()],
  resolve: {
    alias: [
      // monaco-vim (and our CSS import) use monaco's pre-"exports" deep paths; point them at the files.
      { find: /^monaco-editor\/esm\/(.*)$/, replacement: `${monacoEsm}$1` },
      // monaco-vim's "browser" build is a UMD bundle with its own copy of monaco internals; use its ESM build.
      { find: /^monaco-vim$/, replacement: monacoVim },
    ],
  },
  worker: { format: 'es' },
  build: {
    // Monaco's core is one large lazy chunk by nature; it is loaded after first paint.
    chunkSizeWarningLimit: 4000,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
