/**
 * BTF-defined maps (the ".maps" section). Each variable of the ".maps" DATASEC is a struct whose
 * members encode attributes: `__uint(name, N)` is `int (*name)[N]`, `__type(name, T)` is `T *name`,
 * `__array(values, T)` is `T *values[]` (an inner-map template). See libbpf's parse_btf_map_def.
 */
import { Btf } from './btf';
import type { BtfComposite, BtfDatasec } from './btf-types';
import { LoadError } from './errors';
import { mapTypeName, MapType } from './kinds';
import type { MapAttributes } from './map-definition';

/** A ".maps" variable before it gets an index in the object's map list. */
export interface BtfMapVar {
  readonly name: string;
  /** Byte offset and size of the variable inside the ".maps" section. */
  readonly offset: number;
  readonly size: number;
  readonly attrs: MapAttributes;
  readonly inner: MapAttributes | null;
  /** Byte offset of the `values` member inside the variable, for `.values = {...}` relocations. */
  readonly valuesOffset: number | null;
}

const NUMERIC = ['type', 'max_entries', 'map_flags', 'numa_node', 'key_size', 'value_size', 'pinning', 'map_extra'];

/** `int (*name)[N]` → N. */
function uintField(btf: Btf, typeId: number, where: string): number {
  const ptr = btf.resolve(typeId);
  if (ptr.kind !== 'ptr') throw new LoadError(where, `expected __uint() (a pointer to an array), found ${ptr.kind}`);
  const arr = btf.resolve(ptr.type);
  if (arr.kind !== 'array') throw new LoadError(where, `expected __uint() (a pointer to an array), found ${arr.kind}`);
  return arr.count;
}

/** `T *name` → the id of T (unresolved, as libbpf records it) and its size. */
function typeField(btf: Btf, typeId: number, where: string): [number, number] {
  const ptr = btf.resolve(typeId);
  if (ptr.kind !== 'ptr') throw new LoadError(where, `expected __type() (a pointer), found ${ptr.kind}`);
  return [ptr.type, btf.sizeOf(ptr.type)];
}

function checkSize(where: string, declared: number | undefined, fromType: number): number {
  if (declared !== undefined && declared !== fromType) {
    throw new LoadError(where, `conflicting sizes: ${declared} declared, ${fromType} from the type`);
  }
  return fromType;
}

interface ParsedDef {
  attrs: MapAttributes;
  inner: MapAttributes | null;
  valuesOffset: number | null;
}

function parseDef(btf: Btf, def: BtfComposite, where: string, isInner: boolean): ParsedDef {
  const n: Record<string, number> = {};
  let keyType = 0;
  let valueType = 0;
  let inner: MapAttributes | null = null;
  let valuesOffset: number | null = null;
  for (const [i, m] of def.members.entries()) {
    const at = `${where}: field '${m.name}'`;
    if (NUMERIC.includes(m.name)) {
      n[m.name] = uintField(btf, m.type, at);
    } else if (m.name === 'key' || m.name === 'value') {
      const [id, size] = typeField(btf, m.type, at);
      n[`${m.name}_size`] = checkSize(at, n[`${m.name}_size`], size);
      if (m.name === 'key') keyType = id;
      else valueType = id;
    } else if (m.name === 'values') {
      if (isInner) throw new LoadError(at, 'an inner map cannot itself hold maps');
      if (i !== def.members.length - 1) throw new LoadError(at, "'values' must be the last field");
      const arr = btf.resolve(m.type);
      if (arr.kind !== 'array' || arr.count !== 0) throw new LoadError(at, 'expected __array() (a zero-length array)');
      const ptr = btf.resolve(arr.type);
      if (ptr.kind !== 'ptr') throw new LoadError(at, 'expected __array() of pointers');
      const target = btf.resolve(ptr.type);
      if (target.kind === 'struct') {
        inner = parseDef(btf, target, `${where} inner map`, true).attrs;
      } else if (target.kind !== 'func_proto') {
        throw new LoadError(at, `__array() element must be a map struct or a function, found ${target.kind}`);
      }
      valuesOffset = m.bitOffset / 8;
    } else {
      throw new LoadError(at, 'unknown map field');
    }
  }
  if (n.type === undefined) throw new LoadError(where, "map has no 'type' field");
  if (valuesOffset !== null) {
    const isMapInMap = n.type === MapType.ARRAY_OF_MAPS || n.type === MapType.HASH_OF_MAPS;
    if (!isMapInMap && n.type !== MapType.PROG_ARRAY) {
      throw new LoadError(where, `'values' is only allowed for map-in-map and prog_array maps`);
    }
    // The kernel stores map fds / prog fds: 4-byte values.
    n.value_size = checkSize(`${where}: value_size`, n.value_size, 4);
  }
  const attrs: MapAttributes = {
    type: n.type,
    typeName: mapTypeName(n.type),
    keySize: n.key_size ?? 0,
    valueSize: n.value_size ?? 0,
    maxEntries: n.max_entries ?? 0,
    flags: n.map_flags ?? 0,
    numaNode: n.numa_node ?? 0,
    mapExtra: BigInt(n.map_extra ?? 0),
    pinning: n.pinning ?? 0,
    keyTypeId: keyType,
    valueTypeId: valueType,
  };
  return { attrs, inner, valuesOffset };
}

/** Reads every map variable of the ".maps" DATASEC, in BTF order (the order libbpf creates them in). */
export function parseBtfMaps(btf: Btf, datasec: BtfDatasec): BtfMapVar[] {
  return datasec.vars.map((v, i) => {
    const variable = btf.type(v.type, `.maps variable ${i}`);
    if (variable.kind !== 'var') throw new LoadError(`.maps variable ${i}`, `is a ${variable.kind}, not a VAR`);
    const where = `map '${variable.name}'`;
    const def = btf.resolve(variable.type);
    if (def.kind !== 'struct') throw new LoadError(where, `definition must be a struct, found ${def.kind}`);
    const parsed = parseDef(btf, def, where, false);
    return { name: variable.name, offset: v.offset, size: v.size, ...parsed };
  });
}
