/**
 * Map pre-seeds: the user-space writes a link replays before the first run. A seed's value is one
 * copy of the map's value; per-CPU maps take one copy per CPU on the syscall side (each padded to
 * 8 bytes, CPU 0 first), and a link must not depend on how many CPUs the machine that opens it
 * simulates, so the one copy is written to every CPU.
 */
import type { ShareMapSeed } from './schema';

export function seedValueHex(valueHex: string, userValueSize: number, valueSize: number, cpus: number): string {
  if (userValueSize === valueSize || valueHex.length !== valueSize * 2) return valueHex;
  const slot = Math.ceil(valueSize / 8) * 8;
  if (userValueSize !== slot * cpus) return valueHex;
  return (valueHex + '00'.repeat(slot - valueSize)).repeat(cpus);
}

/** A user-space write or delete as the page's map editor makes it (hex key and value). */
export interface SeedEdit {
  readonly map: string;
  readonly op: 'update' | 'delete';
  readonly key: string;
  readonly value?: string;
}

/**
 * The pre-seeds after a map edit made in the page, so that a link (and every later workload run,
 * which starts from fresh maps) replays what the user wrote: an update replaces the seed of that
 * key in place (keeping the order in which keys were first written) or is appended; a delete drops
 * it, since a run's own entries do not exist before the first run anyway.
 */
export function seedsAfterEdit(seeds: readonly ShareMapSeed[], edit: SeedEdit): ShareMapSeed[] {
  const same = (s: ShareMapSeed) => s.map === edit.map && s.key === edit.key;
  if (edit.op === 'delete') return seeds.filter((s) => !same(s));
  const seed: ShareMapSeed = { map: edit.map, key: edit.key, value: edit.value ?? '' };
  return seeds.some(same) ? seeds.map((s) => (same(s) ? seed : s)) : [...seeds, seed];
}
