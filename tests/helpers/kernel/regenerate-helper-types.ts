/**
 * Rewrites fixtures/helper-program-types.json from the running kernel (needs root and clang-19):
 *   npx tsx tests/helpers/kernel/regenerate-helper-types.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { FIXTURE, probeKernel } from './helper-availability';

const result = probeKernel();
writeFileSync(FIXTURE, `${JSON.stringify(result, null, 2)}\n`);
// Committed files follow the repository's Prettier style (short arrays on one line).
execFileSync('npx', ['prettier', '--write', FIXTURE], { stdio: 'ignore' });
console.log(`wrote ${FIXTURE}: ${Object.keys(result.helpers).length} helpers on ${result.kernel}`);
