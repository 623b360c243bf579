/**
 * The kernel's per-type BPF_MAP_CREATE checks (map_alloc_check of each map type), with the
 * errno it returns. Limits the simulator cannot meaningfully model (memcg, KMALLOC_MAX_SIZE)
 * are approximated by the storage cap in create-map.ts.
 */
import { E2BIG, EINVAL, ENOTSUPP } from './errno';
import type { MapSpec } from './map';
import {
  ACCESS_FLAGS,
  BPF_F_INNER_MAP,
  BPF_F_MMAPABLE,
  BPF_F_NO_COMMON_LRU,
  BPF_F_NO_PREALLOC,
  BPF_F_NUMA_NODE,
  BPF_F_PRESERVE_ELEMS,
  BPF_F_RDONLY_PROG,
  BPF_F_WRONLY_PROG,
  BPF_F_ZERO_SEED,
  BPF_MAP_TYPE as T,
} from './map-types';

type Fail = (errno: number, rule: string) => never;

const MAX_BPF_STACK = 512;
const PCPU_MIN_UNIT_SIZE = 32768;
const PAGE_SIZE = 4096;
const HASH_FLAGS = BPF_F_NO_PREALLOC | BPF_F_NO_COMMON_LRU | BPF_F_NUMA_NODE | ACCESS_FLAGS | BPF_F_ZERO_SEED;
const ARRAY_FLAGS = BPF_F_NUMA_NODE | BPF_F_MMAPABLE | ACCESS_FLAGS | BPF_F_PRESERVE_ELEMS | BPF_F_INNER_MAP;

function require(ok: boolean, fail: Fail, errno: number, rule: string): void {
  if (!ok) fail(errno, rule);
}

function basics(spec: MapSpec, fail: Fail, keySize: number | 'any', valueSize: number | 'any'): void {
  if (keySize === 'any') require(spec.keySize > 0, fail, EINVAL, `key_size must be > 0 (got ${spec.keySize})`);
  else require(spec.keySize === keySize, fail, EINVAL, `key_size must be ${keySize} (got ${spec.keySize})`);
  if (valueSize === 'any') require(spec.valueSize > 0, fail, EINVAL, `value_size must be > 0 (got ${spec.valueSize})`);
  else require(spec.valueSize === valueSize, fail, EINVAL, `value_size must be ${valueSize} (got ${spec.valueSize})`);
  require(spec.maxEntries > 0, fail, EINVAL, `max_entries must be > 0 (got ${spec.maxEntries})`);
}

function flagsWithin(spec: MapSpec, fail: Fail, allowed: number): void {
  const extra = spec.flags & ~allowed;
  require(extra === 0, fail, EINVAL, `map_flags 0x${extra.toString(16)} not supported by this map type`);
}

export function checkSpec(spec: MapSpec, _cpus: number, fail: Fail): void {
  for (const [name, v] of [
    ['key_size', spec.keySize],
    ['value_size', spec.valueSize],
    ['max_entries', spec.maxEntries],
  ] as const) {
    require(Number.isInteger(v) && v >= 0 && v <= 0xffffffff, fail, EINVAL, `${name} must be a u32 (got ${v})`);
  }
  const lru = spec.type === T.LRU_HASH || spec.type === T.LRU_PERCPU_HASH;
  const percpu = spec.type === T.PERCPU_HASH || spec.type === T.LRU_PERCPU_HASH || spec.type === T.PERCPU_ARRAY;
  switch (spec.type) {
    case T.HASH:
    case T.PERCPU_HASH:
    case T.LRU_HASH:
    case T.LRU_PERCPU_HASH:
      flagsWithin(spec, fail, HASH_FLAGS);
      require(lru ||
        (spec.flags & BPF_F_NO_COMMON_LRU) === 0, fail, EINVAL, 'BPF_F_NO_COMMON_LRU is only for LRU maps');
      require(!lru || (spec.flags & BPF_F_NO_PREALLOC) === 0, fail, ENOTSUPP, 'LRU maps are always preallocated');
      basics(spec, fail, 'any', 'any');
      require(spec.keySize <= MAX_BPF_STACK, fail, E2BIG, `key_size ${spec.keySize} exceeds ${MAX_BPF_STACK}`);
      break;
    case T.ARRAY:
    case T.PERCPU_ARRAY:
      flagsWithin(spec, fail, ARRAY_FLAGS & ~BPF_F_PRESERVE_ELEMS & (percpu ? ~BPF_F_MMAPABLE : ~0));
      basics(spec, fail, 4, 'any');
      break;
    case T.PROG_ARRAY:
    case T.PERF_EVENT_ARRAY:
    case T.ARRAY_OF_MAPS:
      flagsWithin(spec, fail, (ARRAY_FLAGS & ~BPF_F_MMAPABLE & ~BPF_F_RDONLY_PROG & ~BPF_F_WRONLY_PROG) | 0);
      require(spec.type === T.PERF_EVENT_ARRAY ||
        (spec.flags & BPF_F_PRESERVE_ELEMS) === 0, fail, EINVAL, 'BPF_F_PRESERVE_ELEMS is only for perf_event_array');
      basics(spec, fail, 4, 4);
      break;
    case T.HASH_OF_MAPS:
      flagsWithin(spec, fail, HASH_FLAGS & ~BPF_F_NO_COMMON_LRU);
      basics(spec, fail, 'any', 4);
      break;
    case T.LPM_TRIE:
      require((spec.flags & BPF_F_NO_PREALLOC) !== 0, fail, EINVAL, 'lpm_trie requires BPF_F_NO_PREALLOC');
      flagsWithin(spec, fail, BPF_F_NO_PREALLOC | BPF_F_NUMA_NODE | ACCESS_FLAGS);
      basics(spec, fail, 'any', 'any');
      require(spec.keySize >= 5 &&
        spec.keySize <= 260, fail, EINVAL, 'lpm_trie key_size must be 4 + 1..256 data bytes');
      break;
    case T.QUEUE:
    case T.STACK:
    case T.BLOOM_FILTER:
      flagsWithin(spec, fail, BPF_F_NUMA_NODE | ACCESS_FLAGS | (spec.type === T.BLOOM_FILTER ? BPF_F_ZERO_SEED : 0));
      basics(spec, fail, 0, 'any');
      require(spec.type !== T.BLOOM_FILTER ||
        ((spec.mapExtra ?? 0n) & ~0xfn) ===
          0n, fail, EINVAL, 'bloom_filter map_extra holds only the number of hash functions (0..15)');
      break;
    case T.RINGBUF: {
      flagsWithin(spec, fail, BPF_F_NUMA_NODE);
      require(spec.keySize === 0 && spec.valueSize === 0, fail, EINVAL, 'ringbuf key_size and value_size must be 0');
      const size = spec.maxEntries;
      const powerOfTwo = size > 0 && (size & (size - 1)) === 0;
      require(powerOfTwo &&
        size % PAGE_SIZE ===
          0, fail, EINVAL, `ringbuf size must be a power of 2 and a multiple of ${PAGE_SIZE} (got ${size})`);
      break;
    }
  }
  if (percpu)
    require(spec.valueSize <= PCPU_MIN_UNIT_SIZE, fail, E2BIG, `per-CPU value_size above ${PCPU_MIN_UNIT_SIZE}`);
  const lock = spec.spinLockOffset;
  if (lock !== undefined)
    require(lock % 4 === 0 &&
      lock + 4 <= spec.valueSize, fail, EINVAL, 'bpf_spin_lock must lie inside the value, 4-byte aligned');
}
