/**
 * Where things live in clang.wasm's in-memory filesystem. One root ("/") is preopened; everything
 * below is built fresh for each compile (see vfs.ts).
 *
 *   /src/…                      the user's files (the browser's prog.c and friends)
 *   /usr/include/playground/…   the playground's headers (src/compiler/headers), via -isystem
 *   /usr/lib/clang/19/include/… clang's freestanding headers (src/compiler/resource-headers)
 *   /tmp                        scratch (clang may put temporaries there)
 *   /out/…                      the object; clang writes a random-named temporary next to it and renames it
 *
 * Native differential tests mirror this layout under a host directory so both compilers see the
 * same files at the same (prefix-mapped) paths.
 */
export { HEADERS_MOUNT_DIR } from './headers/paths';

export const CLANG_MAJOR_VERSION = 19;
/** Passed as -resource-dir; clang looks for its own headers in `${RESOURCE_DIR}/include`. */
export const RESOURCE_DIR = `/usr/lib/clang/${CLANG_MAJOR_VERSION}`;
export const RESOURCE_INCLUDE_DIR = `${RESOURCE_DIR}/include`;
/** The browser's project directory: the working directory of a browser compile. */
export const SOURCE_DIR = '/src';
export const TMP_DIR = '/tmp';
export const OUTPUT_DIR = '/out';
/** argv[0]; clang names itself with it in driver messages ("clang: error: …"). */
export const CLANG_ARGV0 = 'clang';
