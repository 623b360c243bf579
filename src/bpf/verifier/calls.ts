/**
 * Helper calls: availability for the program type, the GPL rule, each argument against the
 * prototype (map pointer, initialised key/value memory of the right size, constant sizes) and the
 * return value's type.
 */
import { checkRead, setReg } from './alu';
import { fail, reg, type Checker } from './context';
import { checkRegion } from './mem';
import { unprivilegedMayCall } from './privilege';
import { regTypeName } from './print';
import { isPktPointer, isPointer, notInit, pointer, unknownScalar, type Reg } from './reg';
import { checkStackInitialised, markStackWritten, stackBounds } from './stack';
import { getSlot, REG_SIZE } from './state';
import type { ArgType, HelperProto } from './types';

const MAP_TYPE_ARRAY = 2;
const MAP_TYPE_PERCPU_ARRAY = 6;
const MAP_TYPE_RINGBUF = 27;
const MAX_VAR_SIZ = 1n << 29n;

/** Pointer types each argument kind accepts, in the kernel's order (used in "expected=" lists). */
const MEM_TYPES = ['fp', 'pkt', 'pkt_meta', 'map_key', 'map_value', 'mem', 'ringbuf_mem', 'buf', 'trusted_ptr_'];
const ACCEPTS: Partial<Record<ArgType, string[]>> = {
  ARG_CONST_MAP_PTR: ['map_ptr'],
  ARG_PTR_TO_MAP_KEY: MEM_TYPES,
  ARG_PTR_TO_MAP_VALUE: MEM_TYPES,
  'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE': MEM_TYPES,
  'ARG_PTR_TO_MEM|MEM_RDONLY': MEM_TYPES,
  'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE': MEM_TYPES,
  ARG_PTR_TO_CTX: ['ctx'],
  ARG_CONST_SIZE: ['scalar'],
  ARG_CONST_SIZE_OR_ZERO: ['scalar'],
  ARG_CONST_ALLOC_SIZE_OR_ZERO: ['scalar'],
  'ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE': ['ringbuf_mem'],
};

/**
 * Kinds this verifier cannot check yet (maybe-NULL memory, constant strings, spin locks,
 * callbacks): like ARG_ANYTHING they only need an initialised register.
 */
const UNCHECKED: ReadonlySet<ArgType> = new Set<ArgType>([
  'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY',
  'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_UNINIT|MEM_WRITE',
  'ARG_PTR_TO_MEM|MEM_ALIGNED|MEM_RDONLY|PTR_MAYBE_NULL',
  'ARG_PTR_TO_CONST_STR',
  'ARG_PTR_TO_SPIN_LOCK',
  'ARG_PTR_TO_FUNC',
]);

interface CallMeta {
  map: number;
  /** Constant key read from the stack, when the kernel can know it. */
  constKey: bigint | null;
  /** Size argument value for RET_PTR_TO_RINGBUF_MEM_OR_NULL. */
  memSize: number;
  /** Reference the helper releases (OBJ_RELEASE argument), or 0. */
  releaseRef: number;
}

function checkType(c: Checker, regno: number, r: Reg, arg: ArgType): void {
  const accepted = ACCEPTS[arg];
  if (!accepted) return;
  const name = regTypeName(r);
  if (!r.maybeNull && accepted.includes(r.type)) return;
  fail(c, `R${regno} type=${name} expected=${accepted.join(', ')}`);
}

/** Memory a helper reads or writes through `regno`: `size` bytes from the pointer. */
function helperMemAccess(c: Checker, regno: number, size: number, write: boolean, zeroOk: boolean): void {
  const r = reg(c, regno);
  switch (r.type) {
    case 'fp': {
      const [min, max] = stackBounds(c, regno, r, r.off, size, write ? 'write' : 'read');
      if (write) markStackWritten(c, r, min, max);
      else checkStackInitialised(c, regno, r, min, max, r.off, size);
      return;
    }
    case 'pkt':
    case 'pkt_meta':
      if (r.off + size > r.range || r.off < 0)
        fail(
          c,
          `R${regno} offset is outside of the packet`,
          `invalid access to packet, off=${r.off} size=${size}, R${regno}(id=${r.id},off=${r.off},r=${r.range})`,
        );
      return;
    case 'map_value':
      if (size === 0 && zeroOk) return;
      checkRegion(c, regno, r, r.off, size, c.maps[r.map]!.valueSize);
      return;
    case 'map_key':
      checkRegion(c, regno, r, r.off, size, c.maps[r.map]!.keySize);
      return;
    case 'mem':
    case 'ringbuf_mem':
      if (write && r.rdonly) fail(c, `R${regno} cannot write into ${regTypeName(r)}`);
      checkRegion(c, regno, r, r.off, size, r.memSize);
      return;
  }
}

/** The key, when it sits on the stack as known bytes (zeros or a spilled constant). */
function constantKey(c: Checker, r: Reg, keySize: number): bigint | null {
  if (r.type !== 'fp' || r.varOff.mask !== 0n) return null;
  const addr = r.off + Number(BigInt.asIntN(64, r.varOff.value));
  if (addr % REG_SIZE !== 0) {
    // Bytes may still all be zero.
  }
  const f = c.state.frames.find((x) => x.frameNo === r.frameNo)!;
  const spi = Math.floor((-addr - 1) / REG_SIZE);
  const slot = getSlot(f, spi);
  if (addr % REG_SIZE === 0 && slot.spilled && slot.spilled.type === 'scalar' && slot.spilled.varOff.mask === 0n) {
    const spillBytes = slot.bytes.split('').filter((b) => b === 'r').length;
    if (spillBytes === keySize) return slot.spilled.varOff.value;
  }
  for (let a = addr; a < addr + keySize; a++) {
    const s = getSlot(f, Math.floor((-a - 1) / REG_SIZE));
    if (s.bytes[(-a - 1) % REG_SIZE] !== '0') return null;
  }
  return 0n;
}

function checkArg(c: Checker, proto: HelperProto, idx: number, meta: CallMeta): void {
  const arg = proto.args[idx]!;
  const regno = idx + 1;
  const r = checkRead(c, regno);
  if (arg === 'ARG_ANYTHING' || UNCHECKED.has(arg)) {
    if (!c.privileged && isPointer(r)) fail(c, `R${regno} leaks addr into helper function`);
    return;
  }
  if (arg === 'ARG_PTR_TO_STACK|PTR_MAYBE_NULL') return;
  checkType(c, regno, r, arg);
  switch (arg) {
    case 'ARG_CONST_MAP_PTR':
      meta.map = r.map;
      return;
    case 'ARG_PTR_TO_MAP_KEY':
    case 'ARG_PTR_TO_MAP_VALUE':
    case 'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE': {
      if (meta.map < 0) fail(c, 'invalid map_ptr to access map->key');
      const m = c.maps[meta.map]!;
      const size = arg === 'ARG_PTR_TO_MAP_KEY' ? m.keySize : m.valueSize;
      helperMemAccess(c, regno, size, false, false);
      if (arg === 'ARG_PTR_TO_MAP_KEY') meta.constKey = constantKey(c, r, size);
      return;
    }
    case 'ARG_PTR_TO_CTX':
      if (r.off) fail(c, `dereference of modified ctx ptr R${regno} off=${r.off} disallowed`);
      return;
    case 'ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE':
      if (r.off !== 0 || r.varOff.mask !== 0n || r.varOff.value !== 0n)
        fail(c, `R${regno} must have zero offset when passed to release func or trusted arg to kfunc`);
      if (!r.refObjId) fail(c, `R${regno} must be referenced when passed to release function`);
      meta.releaseRef = r.refObjId;
      return;
    case 'ARG_CONST_ALLOC_SIZE_OR_ZERO':
      if (r.varOff.mask !== 0n) fail(c, `R${regno} is not a known constant'`);
      meta.memSize = Number(r.varOff.value);
      return;
    case 'ARG_CONST_SIZE':
    case 'ARG_CONST_SIZE_OR_ZERO': {
      const zeroOk = arg === 'ARG_CONST_SIZE_OR_ZERO';
      if (r.smin < 0n) fail(c, `R${regno} min value is negative, either use unsigned or 'var &= const'`);
      if (r.umin === 0n && !zeroOk) fail(c, `R${regno} invalid zero-sized read: u64=[${r.umin},${r.umax}]`);
      if (r.umax >= MAX_VAR_SIZ) fail(c, `R${regno} unbounded memory access, use 'var &= const' or 'if (var < const)'`);
      const memArg = proto.args[idx - 1];
      const write = memArg === 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE';
      if (memArg) helperMemAccess(c, regno - 1, Number(r.umax), write, zeroOk);
      meta.memSize = Number(r.umax);
      return;
    }
  }
}

export function checkHelperCall(c: Checker): void {
  const id = c.insn.imm;
  const proto = c.env.helper(id);
  if (!proto) fail(c, `invalid func unknown#${id}`);
  if ((proto.progTypes && !proto.progTypes.includes(c.progType)) || (!c.privileged && !unprivilegedMayCall(id)))
    fail(c, `program of this type cannot use helper ${proto.name}#${id}`);
  if (proto.gplOnly && !c.env.licenseGpl)
    fail(c, 'cannot call GPL-restricted function from non-GPL compatible program');
  const meta: CallMeta = { map: -1, constKey: null, memSize: 0, releaseRef: 0 };
  for (let i = 0; i < proto.args.length; i++) checkArg(c, proto, i, meta);
  if (proto.ret === 'RET_PTR_TO_RINGBUF_MEM_OR_NULL' && meta.map >= 0 && c.maps[meta.map]!.type !== MAP_TYPE_RINGBUF)
    fail(c, `cannot pass map_type ${c.maps[meta.map]!.type} into func ${proto.name}#${id}`);
  if (meta.releaseRef) releaseReference(c, meta.releaseRef);
  for (let r = 1; r <= 5; r++) {
    setReg(c, r, notInit());
  }
  if (proto.changesPktData) invalidatePacketPointers(c);
  setReg(c, 0, returnValue(c, proto, meta));
  c.scratchReg(c.state.cur, 0);
}

function returnValue(c: Checker, proto: HelperProto, meta: CallMeta): Reg {
  switch (proto.ret) {
    case 'RET_INTEGER':
      return unknownScalar();
    case 'RET_VOID':
      return notInit();
    case 'RET_PTR_TO_MAP_VALUE_OR_NULL': {
      const m = c.maps[meta.map]!;
      // Array lookups with a constant in-range key cannot fail.
      const arrayHit =
        (m.type === MAP_TYPE_ARRAY || m.type === MAP_TYPE_PERCPU_ARRAY) &&
        meta.constKey !== null &&
        meta.constKey < BigInt(m.maxEntries);
      if (arrayHit) return pointer('map_value', { map: meta.map });
      return pointer('map_value', { map: meta.map, maybeNull: true, id: c.nextId() });
    }
    case 'RET_PTR_TO_RINGBUF_MEM_OR_NULL': {
      // An acquired reference: the program must submit or discard it before it exits. The kernel
      // draws one id for the null check, then replaces it with the reference's own id.
      c.nextId();
      const id = c.nextId();
      c.state.refs = [...c.state.refs, { id, insn: c.insn.pc }];
      return pointer('ringbuf_mem', { memSize: meta.memSize, maybeNull: true, id, refObjId: id });
    }
  }
}

/** release_reference: drops the reference and invalidates every register or spill holding it. */
function releaseReference(c: Checker, refObjId: number): void {
  c.state.refs = c.state.refs.filter((r) => r.id !== refObjId);
  const dead = (): Reg => (c.privileged ? unknownScalar() : notInit());
  for (const f of c.state.frames) {
    f.regs.forEach((r, i) => {
      if (r.refObjId === refObjId) f.regs[i] = dead();
    });
    f.stack = f.stack.map((s) => (s.spilled?.refObjId === refObjId ? { bytes: s.bytes, spilled: dead() } : s));
  }
}

/** After a helper that may move packet data, every packet pointer is stale. */
function invalidatePacketPointers(c: Checker): void {
  for (const f of c.state.frames) {
    f.regs.forEach((r, i) => {
      if (isPktPointer(r) || r.type === 'pkt_end') f.regs[i] = c.privileged ? unknownScalar() : notInit();
    });
    f.stack = f.stack.map((s) =>
      s.spilled && (isPktPointer(s.spilled) || s.spilled.type === 'pkt_end')
        ? { bytes: s.bytes, spilled: unknownScalar() }
        : s,
    );
  }
}
