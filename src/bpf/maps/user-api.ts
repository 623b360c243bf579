/**
 * The "user space" side of maps for the CLI and UI: hex in, hex out, errors as messages.
 * Keys and values are raw little-endian bytes as the kernel's syscalls see them (per-CPU values:
 * round_up(value_size, 8) bytes per CPU, CPU 0 first).
 */
import { fromHex, toHex } from './bytes';
import { errnoName } from './errno';
import type { BpfMap } from './map';

export interface HexEntry {
  key: string;
  value: string;
}

export interface MapDump {
  /** Type name as bpftool prints it. */
  type: string;
  entries: HexEntry[];
}

export type EditResult = { ok: true } | { ok: false; errno: number; message: string };

/** Every entry in the map's display order (arrays: every index). */
export function dumpMap(map: BpfMap): MapDump {
  return { type: map.typeName, entries: map.entries().map((e) => ({ key: toHex(e.key), value: toHex(e.value) })) };
}

function sized(map: BpfMap, what: 'key' | 'value', hex: string): Uint8Array {
  const bytes = fromHex(hex);
  const want = what === 'key' ? map.spec.keySize : map.userValueSize;
  if (bytes.length !== want)
    throw new Error(`${what} must be ${want} bytes for map '${map.spec.name}', got ${bytes.length}`);
  return bytes;
}

function outcome(map: BpfMap, action: string, code: number): EditResult {
  if (code === 0) return { ok: true };
  return { ok: false, errno: code, message: `${action} in map '${map.spec.name}' failed: ${errnoName(code)}` };
}

/** Value (hex) stored under key, or null when there is none. Throws on malformed hex/size. */
export function readEntry(map: BpfMap, keyHex: string): string | null {
  const result = map.userLookup(sized(map, 'key', keyHex));
  return typeof result === 'number' ? null : toHex(result);
}

export function writeEntry(map: BpfMap, keyHex: string, valueHex: string, flags = 0n): EditResult {
  return outcome(map, 'update', map.userUpdate(sized(map, 'key', keyHex), sized(map, 'value', valueHex), flags));
}

export function deleteEntry(map: BpfMap, keyHex: string): EditResult {
  return outcome(map, 'delete', map.userDelete(sized(map, 'key', keyHex)));
}
