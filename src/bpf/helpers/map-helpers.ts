/** bpf_map_* helpers: programs pass a map pointer and pointers to keys/values in guest memory. */
import { HashOfMaps, FdArrayMap, readU32, type BoundMap, type BpfMap, type MapMemory } from '../maps';
import { BPF_MAP_TYPE } from '../maps/map-types';
import { HelperError, requireExt } from './env-ext';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

function bound(env: HelperEnv, addr: bigint, helper: string): BoundMap {
  const maps = requireExt<MapMemory>(env, 'maps', helper);
  const found = maps.at(addr);
  if (found === null) throw new HelperError(`${helper}: r1 (0x${addr.toString(16)}) is not a map pointer`);
  return found;
}

// Module-local copies: under CommonJS interop (tsx, Vitest) every imported binding read is a getter call.
const ARRAY_OF_MAPS = BPF_MAP_TYPE.ARRAY_OF_MAPS;
const HASH_OF_MAPS = BPF_MAP_TYPE.HASH_OF_MAPS;

const key = (env: HelperEnv, map: BpfMap, addr: bigint) => env.mem.view(addr, map.spec.keySize, false).slice();
const value = (env: HelperEnv, map: BpfMap, addr: bigint) => env.mem.view(addr, map.spec.valueSize, false).slice();
const ret = (code: number) => BigInt.asUintN(64, BigInt(code));

function lookup(env: HelperEnv, r1: bigint, r2: bigint): bigint {
  const { map, valueBase } = bound(env, r1, 'bpf_map_lookup_elem');
  if (map.spec.type === ARRAY_OF_MAPS || map.spec.type === HASH_OF_MAPS) {
    const k = key(env, map, r2);
    const inner = map instanceof HashOfMaps ? map.innerMap(k) : (map as FdArrayMap<BpfMap>).get(readU32(k));
    if (inner === null) return 0n;
    return requireExt<MapMemory>(env, 'maps', 'bpf_map_lookup_elem').bind(inner).address;
  }
  // A lookup only reads the key: the live view saves a copy per call.
  const offset = map.lookup(env.mem.view(r2, map.spec.keySize, false), env.cpu);
  if (offset === null || valueBase === null) return 0n;
  return valueBase + BigInt(offset);
}

export const MAP_HELPERS: HelperDef[] = [
  {
    id: 1,
    proto: {
      ret: 'RET_PTR_TO_MAP_VALUE_OR_NULL',
      args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_KEY'],
      gplOnly: false,
      programTypes: 'all',
    },
    impl: (env, r1, r2) => lookup(env, r1, r2),
  },
  {
    id: 2,
    proto: {
      ret: 'RET_INTEGER',
      args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_KEY', 'ARG_PTR_TO_MAP_VALUE', 'ARG_ANYTHING'],
      gplOnly: false,
      programTypes: 'all',
    },
    impl: (env, r1, r2, r3, r4) => {
      const { map } = bound(env, r1, 'bpf_map_update_elem');
      return ret(map.update(key(env, map, r2), value(env, map, r3), r4, env.cpu));
    },
  },
  {
    id: 3,
    proto: {
      ret: 'RET_INTEGER',
      args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_KEY'],
      gplOnly: false,
      programTypes: 'all',
    },
    impl: (env, r1, r2) => {
      const { map } = bound(env, r1, 'bpf_map_delete_elem');
      return ret(map.delete(key(env, map, r2), env.cpu));
    },
  },
  {
    id: 87,
    proto: {
      ret: 'RET_INTEGER',
      args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_VALUE', 'ARG_ANYTHING'],
      gplOnly: false,
      programTypes: 'all',
    },
    impl: (env, r1, r2, r3) => {
      const { map } = bound(env, r1, 'bpf_map_push_elem');
      return ret(map.push(value(env, map, r2), r3));
    },
  },
  {
    id: 88,
    proto: {
      ret: 'RET_INTEGER',
      args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE'],
      gplOnly: false,
      programTypes: 'all',
    },
    impl: (env, r1, r2) => {
      const { map } = bound(env, r1, 'bpf_map_pop_elem');
      return ret(map.pop(env.mem.view(r2, map.spec.valueSize, true)));
    },
  },
  {
    id: 89,
    proto: {
      ret: 'RET_INTEGER',
      args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE'],
      gplOnly: false,
      programTypes: 'all',
    },
    impl: (env, r1, r2) => {
      const { map } = bound(env, r1, 'bpf_map_peek_elem');
      // Bloom filters read the value to test; queues/stacks write the element out.
      const isBloom = map.spec.type === BPF_MAP_TYPE.BLOOM_FILTER;
      return ret(map.peek(env.mem.view(r2, map.spec.valueSize, !isBloom)));
    },
  },
];
