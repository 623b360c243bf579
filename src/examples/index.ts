/**
 * The examples gallery, bundled by Vite (every folder's files as text). Node code without Vite
 * (CLI, tests) uses `loadExamplesFromDisk()`/`loadSeedExamplesFromDisk()` from `./node-examples`;
 * both build the same catalogue. The seed programs are read from tests/seeds, where their CLI
 * goldens live: one copy of each.
 */
import { type Example, type ExampleFiles, makeCatalogue } from './catalogue';
import { SEED_SLOTS } from './seed-slots';
import { makeSeedExamples } from './seeds';

export * from './catalogue';
export * from './meta';
export { SEED_SLOTS, type SeedSlot } from './seed-slots';
export { seedIncludes, type SeedSource } from './seeds';

const files = import.meta.glob<string>(['./*/*.c', './*/meta.json', './*/expected.txt'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const seedFiles = import.meta.glob<string>(['../../tests/seeds/*/*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function byFolder(entries: Record<string, string>): ExampleFiles[] {
  const folders = new Map<string, Map<string, string>>();
  for (const [key, text] of Object.entries(entries)) {
    const [name, folder] = key.split('/').reverse();
    if (folder === undefined || name === undefined) throw new Error(`unexpected example file key ${key}`);
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(name, text);
  }
  return [...folders].map(([folder, f]) => ({ folder, files: f }));
}

export const EXAMPLES: readonly Example[] = makeCatalogue(byFolder(files));

/** The seed programs, in the gallery after the examples. */
export const SEED_EXAMPLES: readonly Example[] = makeSeedExamples(SEED_SLOTS, byFolder(seedFiles));

/** What the gallery lists and what links and the page's actions look entries up in. */
export const GALLERY: readonly Example[] = [...EXAMPLES, ...SEED_EXAMPLES];
