/**
 * STX|ATOMIC read-modify-write (RFC 9669 section 5.3). The guest has one thread, so atomicity is
 * free; what matters is which register receives the old value and that 32-bit results written to
 * registers are zero-extended.
 */
import { Atomic } from '../isa';
import { VmFault } from './guest-memory';

const FETCH = Atomic.FETCH;

/** Applies atomic `code` (the instruction's imm) of `size` bytes at view[at] with register src2/2. */
export function atomic(R: Int32Array, view: DataView, at: number, size: 4 | 8, code: number, s: number): void {
  const oldLo = view.getInt32(at, true);
  const oldHi = size === 8 ? view.getInt32(at + 4, true) : 0;
  const srcLo = R[s]!;
  const srcHi = size === 8 ? R[s + 1]! : 0;
  let newLo: number;
  let newHi: number;
  switch (code & ~FETCH) {
    case Atomic.ADD: {
      newLo = (oldLo + srcLo) | 0;
      newHi = (oldHi + srcHi + (newLo >>> 0 < oldLo >>> 0 ? 1 : 0)) | 0;
      break;
    }
    case Atomic.OR:
      newLo = oldLo | srcLo;
      newHi = oldHi | srcHi;
      break;
    case Atomic.AND:
      newLo = oldLo & srcLo;
      newHi = oldHi & srcHi;
      break;
    case Atomic.XOR:
      newLo = oldLo ^ srcLo;
      newHi = oldHi ^ srcHi;
      break;
    case Atomic.XCHG & ~FETCH:
      newLo = srcLo;
      newHi = srcHi;
      break;
    case Atomic.CMPXCHG & ~FETCH: {
      // Compares with r0 (its low half for 32-bit); r0 always receives the old value.
      const equal = R[0] === oldLo && (size === 4 || R[1] === oldHi);
      newLo = equal ? srcLo : oldLo;
      newHi = equal ? srcHi : oldHi;
      R[0] = oldLo;
      R[1] = oldHi;
      break;
    }
    default:
      throw new VmFault(`invalid atomic operation 0x${code.toString(16)}`);
  }
  view.setInt32(at, newLo, true);
  if (size === 8) view.setInt32(at + 4, newHi, true);
  if ((code & FETCH) !== 0 && code !== Atomic.CMPXCHG) {
    R[s] = oldLo;
    R[s + 1] = oldHi;
  }
}
