/**
 * Abstract register state. One shape for every type (keeps objects monomorphic and copies cheap):
 * pointers use `off` for their fixed offset and the scalar bounds for their variable offset, exactly
 * as the kernel's bpf_reg_state does.
 */
import { TNUM_UNKNOWN, tnumConst, U64, type Tnum } from './tnum';

export type RegType =
  | 'not_init'
  | 'scalar'
  | 'ctx'
  | 'map_ptr'
  | 'map_value'
  | 'map_key'
  | 'fp'
  | 'pkt'
  | 'pkt_meta'
  | 'pkt_end'
  | 'mem'
  | 'ringbuf_mem'
  | 'func';

export const S64_MIN = -(1n << 63n);
export const S64_MAX = (1n << 63n) - 1n;
export const S32_MIN = -(2 ** 31);
export const S32_MAX = 2 ** 31 - 1;
export const U32_MAX = 2 ** 32 - 1;

export interface Reg {
  type: RegType;
  /** The `_or_null` modifier: must be compared with 0 before use. */
  maybeNull: boolean;
  /** `rdonly_` modifier (read-only memory, e.g. PTR_TO_MEM from some helpers). */
  rdonly: boolean;
  /** Fixed part of a pointer's offset. */
  off: number;
  /** Identity shared by copies: null checks and packet range checks apply to every register with it. */
  id: number;
  /** Packet pointers: bytes known to be inside the packet from the pointer's base. */
  range: number;
  /** Reference it holds (an acquired object that must be released), or 0. */
  refObjId: number;
  /** Map the pointer refers to (index into the environment's maps), or -1. */
  map: number;
  /** PTR_TO_MEM: size of the region. */
  memSize: number;
  /** PTR_TO_STACK: frame the pointer points into. */
  frameNo: number;
  /** PTR_TO_FUNC: subprogram start. */
  subprog: number;
  smin: bigint;
  smax: bigint;
  umin: bigint;
  umax: bigint;
  s32min: number;
  s32max: number;
  u32min: number;
  u32max: number;
  varOff: Tnum;
}

export function notInit(): Reg {
  return {
    type: 'not_init',
    maybeNull: false,
    rdonly: false,
    off: 0,
    id: 0,
    range: 0,
    refObjId: 0,
    map: -1,
    memSize: 0,
    frameNo: 0,
    subprog: 0,
    smin: S64_MIN,
    smax: S64_MAX,
    umin: 0n,
    umax: U64,
    s32min: S32_MIN,
    s32max: S32_MAX,
    u32min: 0,
    u32max: U32_MAX,
    varOff: TNUM_UNKNOWN,
  };
}

/** Sets all bounds to "anything". */
export function markUnbounded(r: Reg): void {
  r.smin = S64_MIN;
  r.smax = S64_MAX;
  r.umin = 0n;
  r.umax = U64;
  r.s32min = S32_MIN;
  r.s32max = S32_MAX;
  r.u32min = 0;
  r.u32max = U32_MAX;
  r.varOff = TNUM_UNKNOWN;
}

/** Sets bounds to exactly `v` (64-bit, two's complement). */
export function markKnown(r: Reg, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  r.varOff = tnumConst(u);
  r.umin = r.umax = u;
  r.smin = r.smax = BigInt.asIntN(64, u);
  const lo = Number(u & 0xffffffffn);
  r.u32min = r.u32max = lo;
  r.s32min = r.s32max = lo | 0;
}

export function unknownScalar(): Reg {
  const r = notInit();
  r.type = 'scalar';
  return r;
}

export function knownScalar(v: bigint): Reg {
  const r = unknownScalar();
  markKnown(r, v);
  return r;
}

export function pointer(type: RegType, fields: Partial<Reg> = {}): Reg {
  const r = notInit();
  r.type = type;
  markKnown(r, 0n);
  return Object.assign(r, fields);
}

/** A field-by-field literal: much cheaper than a spread in the walk's hottest path. */
export const copyReg = (r: Reg): Reg => ({
  type: r.type,
  maybeNull: r.maybeNull,
  rdonly: r.rdonly,
  off: r.off,
  id: r.id,
  range: r.range,
  refObjId: r.refObjId,
  map: r.map,
  memSize: r.memSize,
  frameNo: r.frameNo,
  subprog: r.subprog,
  smin: r.smin,
  smax: r.smax,
  umin: r.umin,
  umax: r.umax,
  s32min: r.s32min,
  s32max: r.s32max,
  u32min: r.u32min,
  u32max: r.u32max,
  varOff: r.varOff,
});

export const isPointer = (r: Reg): boolean => r.type !== 'scalar' && r.type !== 'not_init';
export const isPktPointer = (r: Reg): boolean => r.type === 'pkt' || r.type === 'pkt_meta';
export const isConst = (r: Reg): boolean => r.varOff.mask === 0n;
export const isConstScalar = (r: Reg): boolean => r.type === 'scalar' && r.varOff.mask === 0n;
/** A scalar known to be zero (a NULL pointer constant, for example). */
export const isZero = (r: Reg): boolean => isConstScalar(r) && r.varOff.value === 0n;
