/**
 * clang's own freestanding headers (stdint.h, stddef.h, …), bundled as text by Vite for the
 * worker. Node code without Vite uses `loadResourceHeadersFromDisk()` from ./node instead; both give
 * the same map. The files and their provenance: ./resource-headers/ (update.mjs, PROVENANCE.md).
 */
const files = import.meta.glob<string>('./resource-headers/include/*.h', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const PREFIX = './resource-headers/include/';

/** File name (e.g. `stdint.h`) → text, sorted by name. */
export const resourceHeaders: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([key, text]): [string, string] => [key.slice(PREFIX.length), text])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
