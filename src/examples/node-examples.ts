/**
 * Loads the examples gallery from disk with node:fs, for Node code that runs without Vite (CLI,
 * tests). Produces the same catalogue as `EXAMPLES` in `./index`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Example, makeCatalogue } from './catalogue';

/** Absolute path of the examples folder on disk. */
export const EXAMPLES_DISK_DIR: string = fileURLToPath(new URL('.', import.meta.url));

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
