/**
 * The JIT's own map paths (map values in linear memory, bpf_map_lookup_elem answered in compiled
 * code, inline atomics, helpers called without the interpreter's loop) against the interpreter:
 * same result, steps, fault messages and map contents.
 */
import { describe, expect, it } from 'vitest';
import { fastRunner } from '../../src/bpf/jit';
import { encodeProgram, insn, type Insn } from '../../src/bpf/isa';
import { BPF_MAP_TYPE, createMap, dumpMap, MapMemory } from '../../src/bpf/maps';
import { helperLookup } from '../../src/bpf/session/helper-lookup';
import { AddressSpace, defaultEnv, prepareProgram, Vm } from '../../src/bpf/vm';

const EXIT = insn(0x95);
const lddw = (dst: number, value: bigint): Insn =>
  insn(0x18, dst, 0, 0, Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n)));
const spec = (type: number, keySize: number, maxEntries: number) =>
  ({ type, name: `m${type}`, keySize, valueSize: 8, maxEntries, flags: 0 }) as const;

interface Addresses {
  readonly array: bigint;
  readonly hash: bigint;
  readonly lru: bigint;
  readonly percpu: bigint;
  /** An 8-byte region outside the JIT's linear memory (a key there takes the interpreter's path). */
  readonly outside: bigint;
}

/** Runs the program `build` makes (given the map addresses) on a fresh VM with fresh maps. */
function run(engine: 'jit' | 'interpreter', build: (a: Addresses) => Insn[]) {
  const mem = new AddressSpace();
  const maps = new MapMemory(mem);
  const made = [
    createMap(spec(BPF_MAP_TYPE.ARRAY, 4, 4)),
    createMap(spec(BPF_MAP_TYPE.HASH, 2, 8)),
    createMap(spec(BPF_MAP_TYPE.LRU_HASH, 12, 2)),
    createMap(spec(BPF_MAP_TYPE.PERCPU_ARRAY, 4, 2)),
  ];
  const [array, hash, lru, percpu] = made.map((m) => maps.bind(m).address) as [bigint, bigint, bigint, bigint];
  const outside = mem.map('mem', 'outside', Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0), true);
  const program = prepareProgram(encodeProgram(build({ array, hash, lru, percpu, outside })));
  let lookups = 0; // how often the VM fetched bpf_map_lookup_elem (the interpreter: once per call)
  const helpers = (id: number) => {
    if (id === 1) lookups++;
    return helperLookup(id);
  };
  const vm = new Vm(program, { mem, helpers, env: (m) => ({ ...defaultEnv(m), ext: { maps } }) });
  const runner = fastRunner(vm, engine);
  const out = runner.run();
  return {
    lookups,
    engine: runner.info.engine,
    result: out.ok ? `r0=0x${out.r0.toString(16)}` : `fault: ${out.fault.message}`,
    steps: out.steps,
    maps: made.map((m) => dumpMap(m)),
  };
}

function both(build: (a: Addresses) => Insn[]) {
  const interp = run('interpreter', build);
  const jit = run('jit', build);
  expect(jit.engine).toBe('jit');
  expect({ ...jit, lookups: 0 }).toEqual({ ...interp, engine: 'jit', lookups: 0 });
  return jit;
}

/** The key (up to 12 bytes) at r10 - 32: key, then zeroes; r1 = map; r2 = &key; call lookup; NULL ? 99 : `then`. */
const lookup = (map: bigint, key: number, then: Insn[]): Insn[] => [
  insn(0x62, 10, 0, -32, key),
  insn(0x7a, 10, 0, -28, 0),
  lddw(1, map),
  insn(0xbf, 2, 10),
  insn(0x07, 2, 0, 0, -32),
  insn(0x85, 0, 0, 0, 1),
  insn(0x55, 0, 0, 2, 0),
  insn(0xb7, 0, 0, 0, 99),
  EXIT,
  ...then,
];

/** Atomic add of 5 with fetch into r3, then r0 = new value + old value. */
const bump = [insn(0xb7, 3, 0, 0, 5), insn(0xdb, 0, 3, 0, 0x01), insn(0x79, 0, 0, 0), insn(0x0f, 0, 3), EXIT];

describe('JIT map paths, identical to the interpreter', () => {
  it('looks up array elements in compiled code, NULL past max_entries', () => {
    const inRange = both((a) => lookup(a.array, 3, bump));
    expect(inRange.result).toBe('r0=0x5');
    expect(inRange.lookups).toBe(1); // only the machine's check that helper 1 is the real one: no call
    expect(both((a) => lookup(a.array, 4, bump)).result).toBe('r0=0x63');
    expect(both((a) => lookup(a.percpu, 1, bump)).result).toBe('r0=0x5');
  });

  it('updates then looks up hash and LRU elements (the map runs its own lookup)', () => {
    const updateThenLookup = (map: bigint, key: number): Insn[] => [
      insn(0x62, 10, 0, -32, key),
      insn(0x7a, 10, 0, -28, 0),
      insn(0x7a, 10, 0, -16, 40),
      lddw(1, map),
      insn(0xbf, 2, 10),
      insn(0x07, 2, 0, 0, -32),
      insn(0xbf, 3, 10),
      insn(0x07, 3, 0, 0, -16),
      insn(0xb7, 4),
      insn(0x85, 0, 0, 0, 2),
      ...lookup(map, key, bump),
    ];
    expect(both((a) => updateThenLookup(a.hash, 0x0102)).result).toBe('r0=0x55');
    expect(both((a) => updateThenLookup(a.lru, 7)).result).toBe('r0=0x55');
    expect(both((a) => lookup(a.hash, 9, bump)).result).toBe('r0=0x63');
  });

  it('takes the interpreter path for a key outside linear memory', () => {
    const build = (a: Addresses): Insn[] => [lddw(1, a.array), lddw(2, a.outside), insn(0x85, 0, 0, 0, 1), EXIT];
    expect(both(build).result).toMatch(/^r0=0x/);
  });

  it('reports a faulting atomic and an unknown helper with the same message', () => {
    const atomicOnNull = [insn(0xb7, 1), insn(0xb7, 3, 0, 0, 1), insn(0xdb, 1, 3, 0, 0), EXIT];
    expect(both(() => atomicOnNull).result).toMatch(/^fault: insn 2 .*no region/);
    expect(both(() => [insn(0x85, 0, 0, 0, 99999), EXIT]).result).toMatch(/^fault: insn 0 \(call\)/);
  });
});
