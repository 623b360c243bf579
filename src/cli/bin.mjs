#!/usr/bin/env node
// Entry for `npx ebpf-playground`: the CLI is TypeScript, loaded through tsx's ESM hook
// so the same sources serve the CLI, the tests and the browser without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
