/**
 * `npm run conformance -- DIR [--negative] [--quiet]`: runs every .data file in DIR.
 * Positive mode prints "N passed, M failed"; --negative expects every file to be rejected and prints
 * "N rejected, M accepted". Exits non-zero when any file goes the wrong way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeNegative, judgePositive } from './run-case';

function main(argv: string[]): number {
  const negative = argv.includes('--negative');
  const quiet = argv.includes('--quiet');
  const dirs = argv.filter((a) => !a.startsWith('--'));
  if (dirs.length !== 1) {
    process.stderr.write('usage: npm run conformance -- DIR [--negative] [--quiet]\n');
    return 2;
  }
  const dir = dirs[0]!;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.data'))
    .sort();
  let good = 0;
  let bad = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const verdict = negative ? judgeNegative(text) : judgePositive(text);
    if (verdict.ok) good++;
    else bad++;
    if (!verdict.ok || !quiet) {
      const label = negative ? (verdict.ok ? 'REJECTED' : 'ACCEPTED') : verdict.ok ? 'PASS' : 'FAIL';
      process.stdout.write(`${label.padEnd(8)} ${file}: ${verdict.reason}\n`);
    }
  }
  process.stdout.write(negative ? `${good} rejected, ${bad} accepted\n` : `${good} passed, ${bad} failed\n`);
  return bad === 0 && files.length > 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
