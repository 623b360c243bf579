/**
 * BPF_MAP_CREATE: validates a spec the way the kernel does for each type (same errno, with a
 * message that says which rule failed) and builds the map.
 */
import { ArrayMap } from './array-map';
import { BloomFilterMap } from './bloom-filter-map';
import { EBADF, EINVAL, ENOMEM, ENOTSUPP } from './errno';
import { FdArrayMap, type FdObject } from './fd-array-map';
import { HashMap } from './hash-map';
import { HashOfMaps } from './hash-of-maps';
import { LpmTrieMap } from './lpm-trie-map';
import { LruHashMap } from './lru-hash-map';
import { MapCreateError, type BpfMap, type MapSpec } from './map';
import { BPF_MAP_TYPE as T, mapTypeName } from './map-types';
import { PerfEventArrayMap } from './perf-event-array-map';
import { QueueStackMap } from './queue-stack-map';
import { checkRedirectMapSpec, RedirectMap } from './redirect-maps';
import { RingBufMap } from './ringbuf-map';
import { checkSpec } from './validate-spec';

export interface CreateMapOptions {
  /** Simulated CPUs (per-CPU maps, LRU lists, perf events). Default 2. */
  cpus?: number;
  /** Resolves an inner-map fd for array_of_maps/hash_of_maps user-space updates. */
  resolveMapFd?: (fd: number) => BpfMap | null;
  /** Resolves a program fd for prog_array user-space updates. */
  resolveProgFd?: (fd: number) => FdObject | null;
}

/** Refuse maps whose preallocated storage would not fit comfortably in a browser tab. */
const MAX_STORAGE_BYTES = 256 * 1024 * 1024;

export function createMap(spec: MapSpec, options: CreateMapOptions = {}): BpfMap {
  const cpus = options.cpus ?? 2;
  const fail = (errno: number, rule: string): never => {
    throw new MapCreateError(`map '${spec.name}' (${mapTypeName(spec.type)}): ${rule}`, -errno);
  };
  checkSpec(spec, cpus, fail);
  const perCpu = spec.type === T.PERCPU_ARRAY || spec.type === T.PERCPU_HASH || spec.type === T.LRU_PERCPU_HASH;
  const storage = spec.maxEntries * (((spec.valueSize + 7) & ~7) * (perCpu ? cpus : 1));
  if (storage > MAX_STORAGE_BYTES)
    fail(ENOMEM, `needs ${storage} bytes of value storage, the simulator allows ${MAX_STORAGE_BYTES}`);
  switch (spec.type) {
    case T.HASH:
    case T.PERCPU_HASH:
      return new HashMap(spec, cpus, spec.type === T.PERCPU_HASH);
    case T.LRU_HASH:
    case T.LRU_PERCPU_HASH:
      return new LruHashMap(spec, cpus, spec.type === T.LRU_PERCPU_HASH);
    case T.ARRAY:
    case T.PERCPU_ARRAY:
      return new ArrayMap(spec, cpus, spec.type === T.PERCPU_ARRAY);
    case T.LPM_TRIE:
      return new LpmTrieMap(spec, cpus);
    case T.QUEUE:
    case T.STACK:
      return new QueueStackMap(spec, cpus, spec.type === T.STACK);
    case T.BLOOM_FILTER:
      return new BloomFilterMap(spec, cpus);
    case T.RINGBUF:
      return new RingBufMap(spec, cpus);
    case T.PERF_EVENT_ARRAY:
      return new PerfEventArrayMap(spec, cpus);
    case T.PROG_ARRAY:
      return new FdArrayMap(spec, cpus, options.resolveProgFd ?? (() => null));
    case T.DEVMAP:
    case T.DEVMAP_HASH:
    case T.CPUMAP:
    case T.XSKMAP:
      checkRedirectMapSpec(spec, fail);
      return new RedirectMap(spec, cpus);
    case T.ARRAY_OF_MAPS:
    case T.HASH_OF_MAPS: {
      const inner = spec.innerMap;
      if (inner === undefined) return fail(EBADF, 'a map of maps needs an inner map template');
      const accept = (map: BpfMap) => (innerMatches(inner, map.spec) ? 0 : -EINVAL);
      const resolve = options.resolveMapFd ?? (() => null);
      if (spec.type === T.HASH_OF_MAPS) return new HashOfMaps(spec, cpus, resolve, accept);
      return new FdArrayMap<BpfMap>(spec, cpus, resolve, accept);
    }
    default:
      return fail(spec.type > T.ARENA ? EINVAL : ENOTSUPP, 'this map type is not simulated');
  }
}

/** bpf_map_meta_equal: same type, sizes and flags; same max_entries unless BPF_F_INNER_MAP. */
function innerMatches(template: MapSpec, map: MapSpec): boolean {
  const sizeFree = (template.flags & (1 << 12)) !== 0;
  return (
    template.type === map.type &&
    template.keySize === map.keySize &&
    template.valueSize === map.valueSize &&
    template.flags === map.flags &&
    (sizeFree || template.maxEntries === map.maxEntries)
  );
}
