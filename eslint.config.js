// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The dependency rule from ARCHITECTURE.md, enforced: the core imports nothing outside itself. */
const coreRestrictions = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*'],
      message: 'src/bpf is the pure core: no UI libraries.',
    },
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
      message: 'src/bpf must run in the browser too: no Node modules.',
    },
    {
      group: ['**/ui/**', '**/compiler/**', '**/runtime/**', '**/cli/**', '**/protocol/**', '**/sharing/**'],
      message: 'src/bpf imports nothing outside src/bpf.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'wasm/out', 'tests/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/bpf/**/*.ts'],
    ignores: ['src/bpf/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreRestrictions],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
