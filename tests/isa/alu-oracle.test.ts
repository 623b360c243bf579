/**
 * Random operands against a BigInt oracle written straight from RFC 9669's definitions, so the
 * int32-halves arithmetic is checked far beyond the hand-picked edge values in alu.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insn } from '../../src/bpf/isa';
import { EXIT, fromSpec, load, MOV64_REG, result, spec } from './harness';

const M64 = (1n << 64n) - 1n;
const s64 = (x: bigint) => BigInt.asIntN(64, x);
const u64 = (x: bigint) => BigInt.asUintN(64, x);
const s32 = (x: bigint) => BigInt.asIntN(32, x);
const u32 = (x: bigint) => BigInt.asUintN(32, x);

type Oracle = (a: bigint, b: bigint) => bigint;

const ORACLE64: Record<string, Oracle> = {
  add: (a, b) => u64(a + b),
  sub: (a, b) => u64(a - b),
  mul: (a, b) => u64(a * b),
  div: (a, b) => (b === 0n ? 0n : a / b),
  sdiv: (a, b) => (b === 0n ? 0n : u64(s64(a) / s64(b))),
  mod: (a, b) => (b === 0n ? a : a % b),
  smod: (a, b) => (b === 0n ? a : u64(s64(a) % s64(b))),
  or: (a, b) => a | b,
  and: (a, b) => a & b,
  xor: (a, b) => a ^ b,
  lsh: (a, b) => u64(a << (b & 63n)),
  rsh: (a, b) => a >> (b & 63n),
  arsh: (a, b) => u64(s64(a) >> (b & 63n)),
};

const ORACLE32: Record<string, Oracle> = {
  add32: (a, b) => u32(a + b),
  sub32: (a, b) => u32(a - b),
  mul32: (a, b) => u32(a * b),
  div32: (a, b) => (u32(b) === 0n ? 0n : u32(a) / u32(b)),
  sdiv32: (a, b) => (u32(b) === 0n ? 0n : u32(s32(a) / s32(b))),
  mod32: (a, b) => (u32(b) === 0n ? u32(a) : u32(a) % u32(b)),
  smod32: (a, b) => (u32(b) === 0n ? u32(a) : u32(s32(a) % s32(b))),
  or32: (a, b) => u32(a | b),
  and32: (a, b) => u32(a & b),
  xor32: (a, b) => u32(a ^ b),
  lsh32: (a, b) => u32(a << (b & 31n)),
  rsh32: (a, b) => u32(a) >> (b & 31n),
  arsh32: (a, b) => u32(s32(a) >> (b & 31n)),
};

// Values biased to the edges: small numbers, powers of two and their neighbours, sign boundaries.
const edgy = fc.oneof(
  fc.bigInt({ min: 0n, max: M64 }),
  fc.bigInt({ min: -300n, max: 300n }).map(u64),
  fc
    .integer({ min: 0, max: 63 })
    .chain((k) => fc.constantFrom(1n << BigInt(k), (1n << BigInt(k)) - 1n, u64(-(1n << BigInt(k))))),
);

function run(m: string, a: bigint, b: bigint): bigint {
  const s = spec(m, true);
  const out = result([load(1, a), load(2, b), fromSpec(s, { dst: 1, src: 2 }), insn(MOV64_REG, 0, 1), EXIT]);
  return BigInt(out);
}

describe('ALU against a BigInt oracle', () => {
  for (const [m, oracle] of Object.entries({ ...ORACLE64, ...ORACLE32 })) {
    it(m, () => {
      fc.assert(
        fc.property(edgy, edgy, (a, b) => {
          expect(run(m, a, b)).toBe(oracle(a, b));
        }),
        { numRuns: 300 },
      );
    });
  }
});
