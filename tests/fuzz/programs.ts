/**
 * fast-check arbitraries for XDP programs that probe the verifier's checks: ALU rows of the
 * instruction table on a few registers (some holding pointers), stack stores and loads, forward
 * branches and counted loops, packet accesses with and without (sometimes wrong) bounds checks, and
 * map lookups with and without null checks. Branches nest: a branch's body is a list of fragments
 * and the jump skips exactly that body, so every jump stays in range.
 *
 * Register plan set up by the prologue: r6 = ctx, r7 = data, r8 = data_end, r9 = an unknown
 * scalar (bpf_get_prandom_u32); r0..r5 are the working registers.
 */
import fc from 'fast-check';
import {
  AluOp,
  Cls,
  encodeProgram,
  INSTRUCTION_TABLE,
  type Insn,
  insn,
  JmpOp,
  LddwSrc,
  Mode,
  Size,
  slotCount,
  SIZE_BYTES,
  Src,
  type InsnSpec,
} from '../../src/bpf/isa';

export const MAP_COUNT = 2;
const WORK = fc.integer({ min: 0, max: 5 });
const ANY_SRC = fc.integer({ min: 0, max: 10 });
const SIZE = fc.constantFrom(Size.B, Size.H, Size.W, Size.DW);
const IMM = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 3, 4, 7, 8, 14, 15, 16, 31, 32, 63, 64, 255, 256, 4096, 0x7fffffff, -0x80000000),
  fc.integer({ min: -0x80000000, max: 0x7fffffff }),
);

const mov64 = (dst: number, src: number): Insn => insn(Cls.ALU64 | AluOp.MOV | Src.X, dst, src);
const movImm = (dst: number, imm: number): Insn => insn(Cls.ALU64 | AluOp.MOV | Src.K, dst, 0, 0, imm);
const addImm = (dst: number, imm: number): Insn => insn(Cls.ALU64 | AluOp.ADD | Src.K, dst, 0, 0, imm);
const ldx = (size: number, dst: number, src: number, off: number): Insn =>
  insn(Cls.LDX | Mode.MEM | size, dst, src, off);
const stx = (size: number, dst: number, src: number, off: number): Insn =>
  insn(Cls.STX | Mode.MEM | size, dst, src, off);
const st = (size: number, dst: number, off: number, imm: number): Insn =>
  insn(Cls.ST | Mode.MEM | size, dst, 0, off, imm);
const call = (id: number): Insn => insn(Cls.JMP | JmpOp.CALL, 0, 0, 0, id);
const exit = (): Insn => insn(Cls.JMP | JmpOp.EXIT);
const jmpImm = (op: number, dst: number, imm: number, off: number): Insn =>
  insn(Cls.JMP | op | Src.K, dst, 0, off, imm);
const jmpReg = (op: number, dst: number, src: number, off: number): Insn => insn(Cls.JMP | op | Src.X, dst, src, off);
const slots = (body: readonly Insn[]): number => body.reduce((n, i) => n + slotCount(i), 0);

/** Table rows the ALU fragment draws from (every arithmetic instruction, both widths). */
const ALU_ROWS: readonly InsnSpec[] = INSTRUCTION_TABLE.filter((s) =>
  ['alu', 'neg', 'endian', 'movsx'].includes(s.shape),
);
const JUMP_ROWS: readonly InsnSpec[] = INSTRUCTION_TABLE.filter((s) => s.shape === 'jump');

/** One instruction of a table row with the row's discriminating field set. */
function fromRow(s: InsnSpec, dst: number, src: number, imm: number): Insn {
  const i = insn(s.opcode, dst, s.usesSrcReg ? src : 0, 0, s.fields.imm === 'zero' ? 0 : imm);
  if (s.discriminator) i[s.discriminator.field] = s.discriminator.value;
  return i;
}

const aluFrag = fc
  .tuple(fc.constantFrom(...ALU_ROWS), WORK, ANY_SRC, IMM)
  .map(([s, dst, src, imm]) => [fromRow(s, dst, src, imm)]);

/** A pointer (or the unknown scalar) into a working register, optionally moved by a constant. */
const pointerFrag = fc
  .tuple(WORK, fc.constantFrom(6, 7, 8, 9, 10, 0), fc.option(fc.integer({ min: -520, max: 80 })))
  .map(([dst, src, off]) => (off === null ? [mov64(dst, src)] : [mov64(dst, src), addImm(dst, off)]));

/** Stores and loads on the stack: mostly aligned slots inside the frame, sometimes not. */
const STACK_OFF = fc.oneof(
  fc.integer({ min: 1, max: 64 }).map((k) => -8 * k),
  fc.integer({ min: -530, max: 16 }),
);
const stackFrag = fc.oneof(
  fc.tuple(SIZE, STACK_OFF, ANY_SRC).map(([size, off, src]) => [stx(size, 10, src, off)]),
  fc.tuple(SIZE, STACK_OFF, IMM).map(([size, off, imm]) => [st(size, 10, off, imm)]),
  fc.tuple(SIZE, WORK, STACK_OFF).map(([size, dst, off]) => [ldx(size, dst, 10, off)]),
  // Through a working register that may hold fp-N (or anything else).
  fc
    .tuple(SIZE, WORK, WORK, fc.integer({ min: -16, max: 16 }))
    .map(([size, dst, base, off]) => [ldx(size, dst, base, off)]),
  fc
    .tuple(SIZE, WORK, WORK, fc.integer({ min: -16, max: 16 }))
    .map(([size, base, src, off]) => [stx(size, base, src, off)]),
);

const CMP = fc.constantFrom(JmpOp.JGT, JmpOp.JGE, JmpOp.JLT, JmpOp.JLE);

/** rA = data + K; optionally compare rA with data_end (either order, any op); then access data + off. */
const packetFrag = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 0, max: 72 }),
    fc.oneof(
      { arbitrary: fc.constant([JmpOp.JGT, true] as [number, boolean]), weight: 3 },
      { arbitrary: fc.tuple(CMP, fc.boolean()), weight: 2 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
    SIZE,
    fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: -4, max: 72 })),
    fc.boolean(),
    fc.option(fc.constantFrom(0x0f, 0x3f, 0xff, -1)),
  )
  .map(([a, k, check, size, back, write, varMask]) => {
    // Mostly just inside what the check proves (k - back bytes from the end of the checked range).
    const off = back <= 8 ? k - back - SIZE_BYTES[size]! + 1 : back;
    const access = write ? stx(size, 7, 0, off) : ldx(size, 0, 7, off);
    const out: Insn[] = [mov64(a, 7)];
    if (varMask !== null) {
      // A variable offset: data + (r9 & mask) + K, with its own id and range.
      out.push(
        mov64(0, 9),
        insn(Cls.ALU64 | AluOp.AND | Src.K, 0, 0, 0, varMask),
        insn(Cls.ALU64 | AluOp.ADD | Src.X, a, 0),
      );
    }
    out.push(addImm(a, k));
    const useA = varMask !== null ? ldx(size, 0, a, off - k) : access;
    if (check === null) return [...out, useA];
    const [op, forward] = check;
    const jump = forward ? jmpReg(op, a, 8, 1) : jmpReg(op, 8, a, 1);
    return [...out, jump, useA];
  });

/** A lookup in map 0 (array) or 1 (hash), with or without the null check, then an access through r0. */
const mapFrag = fc
  .tuple(
    fc.integer({ min: 0, max: MAP_COUNT - 1 }),
    fc.option(fc.integer({ min: -1, max: 6 })),
    fc.option(fc.constantFrom(JmpOp.JEQ, JmpOp.JNE)),
    SIZE,
    fc.integer({ min: -4, max: 20 }),
    fc.boolean(),
    fc.option(WORK),
    fc.boolean(),
  )
  .map(([map, key, nullCheck, size, off, write, keep, refill]) => {
    // Calls clobber r1-r5; usually give them values again so later fragments can use them.
    const reinit = refill ? [1, 2, 3, 4, 5].filter((r) => r !== keep).map((r) => movImm(r, r)) : [];
    const out: Insn[] = [];
    if (key !== null) out.push(st(Size.W, 10, -4, key));
    out.push(mov64(2, 10), addImm(2, -4), insn(Cls.LD | Mode.IMM | Size.DW, 1, LddwSrc.MAP_IDX, 0, map), call(1));
    const use = write ? stx(size, 0, 9, off) : ldx(size, 3, 0, off);
    const tail = keep === null ? [use, ...reinit] : [use, mov64(keep, 0), ...reinit];
    if (nullCheck === JmpOp.JEQ) return [...out, jmpImm(JmpOp.JEQ, 0, 0, slots(tail)), ...tail];
    if (nullCheck === JmpOp.JNE) return [...out, jmpImm(JmpOp.JNE, 0, 0, 1), jmpImm(JmpOp.JA, 0, 0, slots(tail)), ...tail]; // prettier-ignore
    return [...out, ...tail];
  });

const randomFrag = fc
  .tuple(WORK, fc.boolean())
  .map(([dst, refill]) => [
    call(7),
    mov64(dst, 0),
    ...(refill ? [1, 2, 3, 4, 5].filter((r) => r !== dst).map((r) => movImm(r, r)) : []),
  ]);
const exitFrag = fc.integer({ min: 0, max: 3 }).map((action) => [movImm(0, action), exit()]);

const leaf = fc.oneof(
  { arbitrary: aluFrag, weight: 6 },
  { arbitrary: pointerFrag, weight: 2 },
  { arbitrary: stackFrag, weight: 3 },
  { arbitrary: packetFrag, weight: 3 },
  { arbitrary: mapFrag, weight: 3 },
  { arbitrary: randomFrag, weight: 1 },
);

const flat = (frags: readonly Insn[][]): Insn[] => frags.flat();

/** `if cond goto +len(body); body` on a table jump row (64- or 32-bit, register or constant). */
const branchFrag = (body: fc.Arbitrary<Insn[][]>): fc.Arbitrary<Insn[]> =>
  fc.tuple(fc.constantFrom(...JUMP_ROWS), fc.integer({ min: 0, max: 9 }), ANY_SRC, IMM, body).map(([s, dst, src, imm, b]) => {
    const inner = flat(b);
    const j = fromRow(s, dst, src, imm);
    j.off = slots(inner);
    return [j, ...inner];
  }); // prettier-ignore

/** A counted loop: `rC = 0; L: body; rC += step; if rC < N goto L`. */
const loopFrag = (body: fc.Arbitrary<Insn[][]>): fc.Arbitrary<Insn[]> =>
  fc.tuple(WORK, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 }), body).map(([c, step, n, b]) => {
    const inner = [...flat(b), addImm(c, step)];
    return [movImm(c, 0), ...inner, jmpImm(JmpOp.JLT, c, n, -(slots(inner) + 1))];
  }); // prettier-ignore

function fragment(depth: number): fc.Arbitrary<Insn[]> {
  if (depth === 0) return leaf;
  const body = fc.array(fragment(depth - 1), { minLength: 1, maxLength: 3 });
  // A branch body may end the program (anything after an exit would be unreachable).
  const bodyMayExit = fc.tuple(body, fc.option(exitFrag, { freq: 4 })).map(([b, e]) => (e === null ? b : [...b, e]));
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: branchFrag(bodyMayExit), weight: 3 },
    { arbitrary: loopFrag(body), weight: 1 },
  );
}

/** Prologue: the register plan; working registers usually start initialised. */
const INITS = fc.oneof(
  { arbitrary: fc.tuple(IMM, IMM, IMM, IMM, IMM, IMM).map((v) => v.map((imm, r) => [r, imm] as const)), weight: 9 },
  { arbitrary: fc.array(fc.tuple(WORK, IMM), { maxLength: 6 }), weight: 1 },
);
const prologue = INITS.map((inits) => [
  mov64(6, 1),
  ldx(Size.W, 7, 6, 0),
  ldx(Size.W, 8, 6, 4),
  call(7),
  mov64(9, 0),
  ...inits.map(([r, v]) => movImm(r, v)),
]);

/** Epilogue: an XDP action, or whatever r0 holds. */
const epilogue = fc.option(fc.integer({ min: 0, max: 3 })).map((a) => (a === null ? [exit()] : [movImm(0, a), exit()]));

export interface FuzzProgram {
  insns: Insn[];
  code: Uint8Array;
}

export const programArb: fc.Arbitrary<FuzzProgram> = fc
  .tuple(prologue, fc.array(fragment(2), { minLength: 1, maxLength: 6 }), epilogue)
  .map(([pro, body, epi]) => {
    const insns = [...pro, ...flat(body), ...epi];
    return { insns, code: encodeProgram(insns) };
  });
