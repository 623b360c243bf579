/**
 * Loads the playground's header tree from disk with node:fs, for Node code that runs without Vite (CLI, scripts).
 * Produces the same tree as `headerTree` in `./index`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeHeaderTree, type HeaderTree } from './paths';

export { HEADERS_MOUNT_DIR, type HeaderTree } from './paths';

/** Absolute path of the include root on disk (…/src/compiler/headers/include). */
export const HEADERS_DISK_DIR: string = fileURLToPath(new URL('./include', import.meta.url));

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && entry.name.endsWith('.h')) yield full;
  }
}

/** Reads every `.h` file under `root` (default: the playground's include root). */
export function loadHeaderTreeFromDisk(root: string = HEADERS_DISK_DIR): HeaderTree {
  return makeHeaderTree(
    [...walk(root)].map((file): [string, string] => [
      relative(root, file).split(sep).join('/'),
      readFileSync(file, 'utf8'),
    ]),
  );
}
