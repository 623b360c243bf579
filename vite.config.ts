import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));
const monacoVim = fileURLToPath(new URL('./node_modules/monaco-vim/dist/index.mjs', import.meta.url));

export default defineConfig({
  plugins: [react()],
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
