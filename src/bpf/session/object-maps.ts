/**
 * Creates an object's maps the way libbpf does at load time: one BPF_MAP_CREATE per definition in
 * object order, global data seeded with its initial bytes (single-entry arrays, key 0), and
 * map-in-map slots filled from `.values = { ... }` initialisers.
 */
import type { MapDefinition } from '../object';
import { BPF_MAP_TYPE, createMap, type BpfMap, type MapSpec, u32le } from '../maps';
import type { MapAttributes } from '../object';

/** libbpf rounds ringbuf sizes up to a page and gives perf_event_array one slot per CPU when 0. */
function adjustedMaxEntries(attrs: MapAttributes, cpus: number): number {
  if (attrs.type === BPF_MAP_TYPE.PERF_EVENT_ARRAY && attrs.maxEntries === 0) return cpus;
  if (attrs.type === BPF_MAP_TYPE.RINGBUF) return Math.ceil(attrs.maxEntries / 4096) * 4096;
  return attrs.maxEntries;
}

function specOf(name: string, attrs: MapAttributes, cpus: number, inner: MapAttributes | null): MapSpec {
  return {
    type: attrs.type,
    name,
    keySize: attrs.keySize,
    valueSize: attrs.valueSize,
    maxEntries: adjustedMaxEntries(attrs, cpus),
    flags: attrs.flags,
    mapExtra: attrs.mapExtra,
    ...(inner ? { innerMap: specOf(`${name}.inner`, inner, cpus, null) } : {}),
  };
}

export class MapSetupError extends Error {
  override name = 'MapSetupError';
}

/** The object's maps, in its order (lddw map references index this array). */
export function createObjectMaps(defs: readonly MapDefinition[], cpus: number): BpfMap[] {
  const maps: BpfMap[] = [];
  const byFd = new Map<number, BpfMap>();
  for (const def of defs) {
    const map = createMap(specOf(def.name, def, cpus, def.inner), {
      cpus,
      // Map-in-map slots hold "fds"; here an fd is simply the map's index in the object plus one.
      resolveMapFd: (fd) => byFd.get(fd) ?? null,
    });
    maps.push(map);
    byFd.set(def.index + 1, map);
    if (def.initialValue !== null) {
      const code = map.userUpdate(u32le(0), def.initialValue, 0n);
      if (code !== 0) throw new MapSetupError(`map '${def.name}': cannot store its initial value (${code})`);
    }
  }
  for (const def of defs) {
    for (const { slot, mapIndex } of def.initialInnerMaps) {
      const code = maps[def.index]!.userUpdate(u32le(slot), u32le(mapIndex + 1), 0n);
      if (code !== 0) throw new MapSetupError(`map '${def.name}': cannot place inner map in slot ${slot} (${code})`);
    }
  }
  return maps;
}
