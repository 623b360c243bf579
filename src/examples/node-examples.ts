/**
 * Loads the examples gallery from disk with node:fs, for Node code that runs without Vite (CLI,
 * tests). Produces the same catalogues as `EXAMPLES` and `SEED_EXAMPLES` in `./index`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Example, makeCatalogue } from './catalogue';
import { SEED_SLOTS } from './seed-slots';
import { makeSeedExamples } from './seeds';

/** Absolute path of the examples folder on disk. */
export const EXAMPLES_DISK_DIR: string = fileURLToPath(new URL('.', import.meta.url));

/** The seed programs' folder on disk (their CLI goldens run there too). */
export const SEEDS_DISK_DIR: string = fileURLToPath(new URL('../../tests/seeds/', import.meta.url));

const WANTED = (name: string): boolean => name.endsWith('.c') || name === 'meta.json' || name === 'expected.txt';

export function loadExamplesFromDisk(root: string = EXAMPLES_DISK_DIR): readonly Example[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      folder: d.name,
      files: new Map(
        readdirSync(join(root, d.name))
          .filter(WANTED)
          .map((name): [string, string] => [name, readFileSync(join(root, d.name, name), 'utf8')]),
      ),
    }));
  return makeCatalogue(folders);
}

/** Every file directly in each seed folder (the seed's program, includes, workload, seed.json, golden). */
export function loadSeedExamplesFromDisk(root: string = SEEDS_DISK_DIR): readonly Example[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      folder: d.name,
      files: new Map(
        readdirSync(join(root, d.name), { withFileTypes: true })
          .filter((f) => f.isFile())
          .map((f): [string, string] => [f.name, readFileSync(join(root, d.name, f.name), 'utf8')]),
      ),
    }));
  return makeSeedExamples(SEED_SLOTS, folders);
}
