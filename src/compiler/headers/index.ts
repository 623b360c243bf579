/**
 * The playground's own C headers (linux/*.h, asm/*.h, bpf/*.h, vmlinux.h), bundled as text by Vite so that the
 * compiler worker can put them into clang's in-memory filesystem.
 *
 * Node code without Vite (the CLI under tsx) uses `loadHeaderTreeFromDisk()` from `./node-headers` instead; both
 * produce the same tree.
 */
import { makeHeaderTree, type HeaderTree } from './paths';

export { HEADERS_MOUNT_DIR, type HeaderTree } from './paths';

const files = import.meta.glob<string>('./include/**/*.h', { query: '?raw', import: 'default', eager: true });

const PREFIX = './include/';

/** Every header of the tree, keyed by include path (`linux/bpf.h`). */
export const headerTree: HeaderTree = makeHeaderTree(
  Object.entries(files).map(([key, text]): [string, string] => {
    if (!key.startsWith(PREFIX)) throw new Error(`unexpected header key ${key}`);
    return [key.slice(PREFIX.length), text];
  }),
);
