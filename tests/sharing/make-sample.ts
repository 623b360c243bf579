/**
 * Writes a sample link of the CURRENT format from a state JSON file: samples/NAME.link (the link)
 * and samples/NAME.state.json (what it must decode to, forever). Old formats' samples were written
 * by their own encoders when they were current and are never regenerated.
 *
 *   npx tsx tests/sharing/make-sample.ts NAME STATE.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildShareLink, decodeShareLink } from '../../src/sharing';

const [name, statePath] = process.argv.slice(2);
if (name === undefined || statePath === undefined) throw new Error('usage: make-sample.ts NAME STATE.json');
const link = buildShareLink(JSON.parse(readFileSync(statePath, 'utf8')), 'https://ebpf-playground.example/');
const dir = join(import.meta.dirname, 'samples');
writeFileSync(join(dir, `${name}.link`), `${link}\n`);
writeFileSync(join(dir, `${name}.state.json`), `${JSON.stringify(decodeShareLink(link).state, null, 2)}\n`);
console.log(`${name}: ${link.length} characters`);
