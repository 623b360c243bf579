/**
 * Map scenarios for differential tests: one list of operations, turned both into a BPF C
 * program (run in the kernel, each op's return code and value recorded in a `results` array map)
 * and into the same calls on our map implementation. Adding a case = adding a Scenario literal.
 */
import type { BpfMap } from '../../../src/bpf/maps/map';

export type Op =
  | { op: 'update'; key: number[]; value: number[]; flags: number }
  | { op: 'lookup'; key: number[] }
  | { op: 'delete'; key: number[] }
  /** Lookup, then store `value` through the returned pointer (tests that values are addressable). */
  | { op: 'write'; key: number[]; value: number[] }
  | { op: 'push'; value: number[]; flags: number }
  | { op: 'pop' }
  | { op: 'peek'; value?: number[] };

export interface ScenarioMap {
  /** BPF_MAP_TYPE_ suffix as in C ("LRU_HASH"). */
  cType: string;
  type: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags?: number;
  mapExtra?: number;
}

export interface Scenario {
  name: string;
  map: ScenarioMap;
  ops: Op[];
}

/** What one op produced: the helper's return code and (for lookup/pop/peek) the value's first 8 bytes. */
export interface OpResult {
  ret: number;
  value: bigint;
}

const NOT_FOUND = -2;

function bytesLiteral(bytes: number[], size: number): string {
  return `{${Array.from({ length: size }, (_, i) => bytes[i] ?? 0).join(', ')}}`;
}

export function scenarioToC(s: Scenario): string {
  const m = s.map;
  const ks = m.keySize;
  const vs = m.valueSize;
  const read = Math.min(vs, 8);
  const globals: string[] = [];
  const body: string[] = [];
  s.ops.forEach((op, i) => {
    const k = `k${i}`;
    const v = `v${i}`;
    if ('key' in op) globals.push(`__u8 ${k}[${ks}] = ${bytesLiteral(op.key, ks)};`);
    if ('value' in op && op.value !== undefined) globals.push(`__u8 ${v}[${vs}] = ${bytesLiteral(op.value, vs)};`);
    const val = `x = 0; __builtin_memcpy(&x, out, ${read}); rec(${2 * i + 1}, x);`;
    switch (op.op) {
      case 'update':
        body.push(`rec(${2 * i}, bpf_map_update_elem(&m, ${k}, ${v}, ${op.flags}));`);
        break;
      case 'delete':
        body.push(`rec(${2 * i}, bpf_map_delete_elem(&m, ${k}));`);
        break;
      case 'lookup':
        body.push(`p = bpf_map_lookup_elem(&m, ${k}); rec(${2 * i}, p ? 0 : ${NOT_FOUND});`);
        body.push(`if (p) { x = 0; __builtin_memcpy(&x, p, ${read}); rec(${2 * i + 1}, x); }`);
        break;
      case 'write':
        body.push(`p = bpf_map_lookup_elem(&m, ${k}); rec(${2 * i}, p ? 0 : ${NOT_FOUND});`);
        body.push(`if (p) __builtin_memcpy(p, ${v}, ${vs});`);
        break;
      case 'push':
        body.push(`rec(${2 * i}, bpf_map_push_elem(&m, ${v}, ${op.flags}));`);
        break;
      case 'pop':
        body.push(`__builtin_memset(out, 0, ${vs}); rec(${2 * i}, bpf_map_pop_elem(&m, out)); ${val}`);
        break;
      case 'peek':
        if (op.value !== undefined) body.push(`rec(${2 * i}, bpf_map_peek_elem(&m, ${v}));`);
        else body.push(`__builtin_memset(out, 0, ${vs}); rec(${2 * i}, bpf_map_peek_elem(&m, out)); ${val}`);
        break;
    }
  });
  const keyDecl = ks > 0 ? `__uint(key_size, ${ks});` : '';
  const extra = m.mapExtra !== undefined ? `__uint(map_extra, ${m.mapExtra});` : '';
  return `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_${m.cType}); __uint(max_entries, ${m.maxEntries}); ${keyDecl}
  __uint(value_size, ${vs}); __uint(map_flags, ${m.flags ?? 0}); ${extra} } m SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, ${2 * s.ops.length}); __type(key, __u32);
  __type(value, __s64); } results SEC(".maps");
${globals.join('\n')}
static __always_inline void rec(__u32 i, __s64 v) { __s64 *r = bpf_map_lookup_elem(&results, &i); if (r) *r = v; }
SEC("xdp") int run(struct xdp_md *ctx) {
  void *p; __u64 x; __u8 out[${vs}];
  ${body.join('\n  ')}
  return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
`;
}

/** Decodes the kernel's `results` map (index -> s64) into per-op results. */
export function resultsFromDump(entries: { key: Uint8Array; value: Uint8Array }[], ops: number): OpResult[] {
  const cells = new Map<number, bigint>();
  for (const e of entries) {
    const dv = new DataView(e.value.buffer, e.value.byteOffset, e.value.byteLength);
    cells.set(new DataView(e.key.buffer, e.key.byteOffset).getUint32(0, true), dv.getBigInt64(0, true));
  }
  return Array.from({ length: ops }, (_, i) => ({
    ret: Number(cells.get(2 * i) ?? 0n),
    value: cells.get(2 * i + 1) ?? 0n,
  }));
}

function first8(bytes: Uint8Array, size: number): bigint {
  let x = 0n;
  for (let i = Math.min(size, 8) - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i] ?? 0);
  return BigInt.asIntN(64, x);
}

/** Replays the scenario against our map, as a program on CPU 0 would. */
export function replay(s: Scenario, map: BpfMap): OpResult[] {
  const vs = s.map.valueSize;
  const pad = (b: number[] | undefined, n: number) => Uint8Array.from({ length: n }, (_, i) => b?.[i] ?? 0);
  return s.ops.map((op): OpResult => {
    const key = 'key' in op ? pad(op.key, s.map.keySize) : new Uint8Array(0);
    switch (op.op) {
      case 'update':
        return { ret: map.update(key, pad(op.value, vs), BigInt(op.flags), 0), value: 0n };
      case 'delete':
        return { ret: map.delete(key, 0), value: 0n };
      case 'lookup':
      case 'write': {
        const at = map.lookup(key, 0);
        if (at === null) return { ret: NOT_FOUND, value: 0n };
        if (op.op === 'write') map.values.set(pad(op.value, vs), at);
        return { ret: 0, value: op.op === 'lookup' ? first8(map.values.subarray(at), vs) : 0n };
      }
      case 'push':
        return { ret: map.push(pad(op.value, vs), BigInt(op.flags)), value: 0n };
      case 'pop':
      case 'peek': {
        if (op.op === 'peek' && op.value !== undefined) return { ret: map.peek(pad(op.value, vs)), value: 0n };
        const out = new Uint8Array(vs);
        const ret = op.op === 'pop' ? map.pop(out) : map.peek(out);
        return { ret, value: first8(out, vs) };
      }
    }
  });
}
