/**
 * bpf_map_lookup_elem in compiled code. The machine moves the session's map values into its linear
 * memory and describes each map in MAP_TABLE (layout.ts), indexed by the map pointer's region, so
 * the translated call (translate.ts, emitMapLookup) can answer without the interpreter:
 *
 * - arrays (kind 1): the index is read from the key and bounds-checked in wasm, as array_map_lookup_elem;
 * - hash maps and their LRU/per-CPU variants (kind 2): one import call with the key's linear offset,
 *   which runs the map's own lookup (so LRU bookkeeping and per-CPU slots are the map's).
 *
 * Anything else (no entry, a key outside linear memory, another helper behind id 1) takes the
 * interpreter's path, so faults and messages stay the interpreter's.
 */
import { findHelper } from '../helpers';
import { ArrayMap, BPF_MAP_TYPE, HashMap, MapMemory } from '../maps';
import type { Vm } from '../vm';
import { HI_BASE } from '../vm';
import { MAP_ENTRY, MAP_TABLE, TABLE_REGIONS } from './layout';

export const MAP_KIND_ARRAY = 1;
export const MAP_KIND_HASH = 2;
const BPF_FUNC_map_lookup_elem = 1;

/** The session's maps if compiled lookups may stand in for helper 1 on this VM, else null. */
export function inlineableMaps(vm: Vm): MapMemory | null {
  const maps = vm.env.ext.maps;
  if (!(maps instanceof MapMemory) || vm.unwindHelperId === BPF_FUNC_map_lookup_elem) return null;
  const lookup = findHelper(BPF_FUNC_map_lookup_elem);
  return lookup !== null && vm.helpers(BPF_FUNC_map_lookup_elem) === lookup.impl ? maps : null;
}

/** Region id of a guest address (its high word), or -1 outside the mirrored ids. */
function regionIdOf(address: bigint): number {
  const delta = (Number(BigInt.asUintN(64, address) >> 32n) - (HI_BASE >>> 0)) >>> 0;
  return delta % 2 === 0 && delta / 2 < TABLE_REGIONS ? delta / 2 : -1;
}

export class MapTable {
  /** Hash-style maps by the number their entries hold. */
  private readonly hashed: HashMap[] = [];
  /** Region id of each described map pointer. */
  private readonly ids = new Set<number>();

  constructor(
    private readonly vm: Vm,
    private readonly words: Int32Array,
    private readonly bytes: Uint8Array,
  ) {}

  /** Describes every map of `maps` compiled lookups can serve. */
  fill(maps: MapMemory): void {
    for (const bound of maps.all()) {
      const id = regionIdOf(bound.address);
      if (id < 0 || bound.valueBase === null) continue;
      const { map } = bound;
      const w = (MAP_TABLE + id * MAP_ENTRY) >> 2;
      if (map instanceof ArrayMap && map.spec.type === BPF_MAP_TYPE.ARRAY && map.copies === 1) {
        this.words[w] = MAP_KIND_ARRAY;
        this.words[w + 2] = map.spec.maxEntries;
      } else if (map instanceof HashMap) {
        this.words[w] = MAP_KIND_HASH;
        this.words[w + 2] = this.hashed.length;
        this.hashed.push(map);
      } else continue;
      this.words[w + 1] = map.spec.keySize;
      this.words[w + 3] = map.stride;
      this.words[w + 4] = Number(BigInt.asIntN(32, bound.valueBase));
      this.words[w + 5] = Number(BigInt.asIntN(32, bound.valueBase >> 32n));
      this.ids.add(id);
    }
  }

  /** A region changed: a map pointer region that is no longer the same map loses its entry. */
  forget(id: number): void {
    if (!this.ids.has(id)) return;
    this.ids.delete(id);
    this.words.fill(0, (MAP_TABLE + id * MAP_ENTRY) >> 2, (MAP_TABLE + (id + 1) * MAP_ENTRY) >> 2);
  }

  /** The `map_lookup` import: value offset of the key at linear `keyAt` in hash map `n`, or -1. */
  readonly lookup = (n: number, keyAt: number): number => {
    // The map reads the key where it lies in linear memory (lookups do not keep keys): no copy, no view.
    const offset = this.hashed[n]!.lookupAt(this.bytes, keyAt, this.vm.env.cpu);
    return offset === null ? -1 : offset;
  };
}
