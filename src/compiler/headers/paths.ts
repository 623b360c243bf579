/**
 * Shared helpers for the playground's C header tree (src/compiler/headers/include/).
 *
 * Header files are identified by their path relative to the include root, with forward slashes, exactly as a
 * program names them in `#include <...>`: `linux/bpf.h`, `bpf/bpf_helpers.h`, `vmlinux.h`.
 */

/** A header tree: include path (e.g. `linux/ip.h`) → file text. Sorted by path. */
export type HeaderTree = ReadonlyMap<string, string>;

/**
 * Where the compiler mounts the tree in its in-memory filesystem. Compile with
 * `-nostdlibinc -isystem ${HEADERS_MOUNT_DIR}`; clang's own resource headers (stdint.h, stddef.h, stdbool.h...)
 * still come from `-resource-dir`.
 */
export const HEADERS_MOUNT_DIR = '/usr/include/playground';

/** Builds a sorted tree from (path, text) pairs, rejecting paths that could escape the include root. */
export function makeHeaderTree(entries: Iterable<readonly [string, string]>): HeaderTree {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path] of sorted) {
    if (!/^[A-Za-z0-9_]+(\/[A-Za-z0-9_]+)*\.h$/.test(path)) {
      throw new Error(`bad header path: ${JSON.stringify(path)}`);
    }
  }
  return new Map(sorted);
}
