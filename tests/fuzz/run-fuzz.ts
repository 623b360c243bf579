/**
 * `npm run fuzz [-- RUNS [SEED]]`: a longer fuzzing campaign than CI's, with a random seed unless
 * one is given, privileged and (where root can load as nobody) unprivileged. Prints the counts and
 * every finding; exits 1 on a soundness failure.
 */
import { unprivilegedStatus } from '../verifier/support/kernel';
import { describeFinding, runCampaign } from './campaign';
import { kernelReady } from './oracle';
import { runUnprivilegedCampaign } from './unprivileged';

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
let failures = r.failures.length;
if (unprivilegedStatus().ok && kernelReady().ok) {
  const u = runUnprivilegedCampaign(seed, runs);
  for (const f of u.failures) console.log(`\nFAILURE (unprivileged) ${f}`);
  console.log(`unprivileged: ${JSON.stringify({ ...u, failures: u.failures.length })}`);
  failures += u.failures.length;
} else console.log('unprivileged half skipped: no root/bpf() or setpriv');
console.log(failures === 0 ? 'no soundness failures' : `${failures} soundness failures`);
process.exit(failures === 0 ? 0 : 1);
