/**
 * The examples gallery, bundled by Vite (every folder's files as text). Node code without Vite
 * (CLI, tests) uses `loadExamplesFromDisk()` from `./node-examples`; both build the same catalogue.
 */
import { type Example, type ExampleFiles, makeCatalogue } from './catalogue';

export * from './catalogue';
export * from './meta';
export { SEED_SLOTS, type SeedSlot } from './seed-slots';

const files = import.meta.glob<string>(['./*/*.c', './*/meta.json', './*/expected.txt'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function byFolder(entries: Record<string, string>): ExampleFiles[] {
  const folders = new Map<string, Map<string, string>>();
  for (const [key, text] of Object.entries(entries)) {
    const [, folder, name] = key.split('/');
    if (folder === undefined || name === undefined) throw new Error(`unexpected example file key ${key}`);
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(name, text);
  }
  return [...folders].map(([folder, f]) => ({ folder, files: f }));
}

export const EXAMPLES: readonly Example[] = makeCatalogue(byFolder(files));
