/**
 * `npm run fuzz [-- RUNS [SEED]]`: a longer fuzzing campaign than CI's, with a random seed unless
 * one is given. Prints the counts and every finding; exits 1 on a soundness failure.
 */
import { describeFinding, runCampaign } from './campaign';

const runs = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
const started = performance.now();
const r = runCampaign(seed, runs);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

for (const g of r.gaps) console.log(`\n${describeFinding(g)}`);
for (const f of r.failures) console.log(`\nFAILURE ${describeFinding(f)}`);
console.log(`\nseed ${seed}, ${seconds} s`);
console.log(JSON.stringify(r.counts, null, 2));
if (r.kernelSkipped !== null) console.log(`kernel not asked: ${r.kernelSkipped}`);
console.log(r.failures.length === 0 ? 'no soundness failures' : `${r.failures.length} soundness failures`);
process.exit(r.failures.length === 0 ? 0 : 1);
