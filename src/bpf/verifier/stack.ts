/**
 * Stack reads and writes: bounds (512 bytes per frame), spilling and filling registers, byte-level
 * initialisation tracking, and reads of uninitialised bytes (allowed to root, refused otherwise).
 */
import { fail, type Checker } from './context';
import { tnumText } from './print';
import { copyReg, knownScalar, unknownScalar, type Reg } from './reg';
import { coerceToSize } from './scalar-alu';
import { getSlot, MAX_BPF_STACK, REG_SIZE, setSlot, withByte, type Frame, type SlotByte } from './state';

export type AccessKind = 'read' | 'write' | 'helper';
const EXTRA: Record<AccessKind, string> = { read: ' read from', write: ' write to', helper: ' indirect access to' };

/** Byte address (relative to fp) → slot and byte index within it. */
const locate = (addr: number): { spi: number; k: number } => {
  const slot = -addr - 1;
  return { spi: Math.floor(slot / REG_SIZE), k: slot % REG_SIZE };
};

export function stackFrameOf(c: Checker, r: Reg): Frame {
  return c.state.frames.find((f) => f.frameNo === r.frameNo)!;
}

/** check_stack_access_within_bounds: returns [min, max) byte offsets from fp. */
export function stackBounds(
  c: Checker,
  regno: number,
  r: Reg,
  off: number,
  size: number,
  kind: AccessKind,
): [number, number] {
  const frame = stackFrameOf(c, r);
  let min: number;
  let max: number;
  const known = r.varOff.mask === 0n;
  if (known) {
    min = Number(BigInt.asIntN(64, r.varOff.value)) + off;
    max = min + size;
  } else {
    if (r.smax >= 1n << 29n || r.smin <= -(1n << 29n))
      fail(c, `invalid unbounded variable-offset${EXTRA[kind]} stack R${regno}`);
    min = Number(r.smin) + off;
    max = Number(r.smax) + off + size;
  }
  const minValid = kind === 'write' || c.privileged ? -MAX_BPF_STACK : -frame.stack.length * REG_SIZE;
  if (min < minValid || min > -1 || max > 0 || size < 0) {
    if (known) fail(c, `invalid${EXTRA[kind]} stack R${regno} off=${off} size=${size}`);
    fail(
      c,
      `invalid variable-offset${EXTRA[kind]} stack R${regno} var_off=${tnumText(r.varOff)} off=${off} size=${size}`,
    );
  }
  const depth = c.stackDepth.get(frame.subprogStart) ?? 0;
  if (-min > depth) c.stackDepth.set(frame.subprogStart, Math.ceil(-min / 8) * 8);
  return [min, max];
}

function writeBytes(c: Checker, f: Frame, from: number, to: number, b: SlotByte): void {
  for (let a = from; a < to; a++) {
    const { spi, k } = locate(a);
    const slot = getSlot(f, spi);
    // A plain write over part of a spilled register turns the rest of it into plain data.
    const bytes = slot.spilled ? slot.bytes.replace(/r/g, 'm') : slot.bytes;
    setSlot(f, spi, { bytes: withByte(bytes, k, b), spilled: null });
    c.scratchSlot(f.frameNo, spi);
  }
}

export function stackWrite(
  c: Checker,
  regno: number,
  r: Reg,
  off: number,
  size: number,
  value: Reg | null,
  imm: number,
): void {
  const [min, max] = stackBounds(c, regno, r, off, size, 'write');
  const f = stackFrameOf(c, r);
  if (r.varOff.mask !== 0n) {
    // Variable offset: any byte in the range may be written, so none keeps a precise meaning.
    const zero = value ? value.type === 'scalar' && value.varOff.mask === 0n && value.varOff.value === 0n : imm === 0;
    for (let a = min; a < max; a++) {
      const { spi, k } = locate(a);
      const slot = getSlot(f, spi);
      const keep = slot.bytes[k] === '0' && zero ? '0' : 'm';
      setSlot(f, spi, { bytes: withByte(slot.bytes.replace(/r/g, 'm'), k, keep), spilled: null });
    }
    return;
  }
  const aligned = min % REG_SIZE === 0;
  const { spi } = locate(min);
  if (value && value.type !== 'scalar') {
    if (size !== REG_SIZE) fail(c, 'invalid size of register spill');
    if (f.frameNo !== c.state.frames[c.state.cur]!.frameNo && value.type === 'fp')
      fail(c, 'cannot spill pointers to stack into stack frame of the caller');
  }
  if (aligned && (value !== null ? true : c.privileged)) {
    const spilled = value ? copyReg(value) : knownScalar(BigInt(imm));
    if (value && value.type === 'scalar' && size < REG_SIZE) {
      // A narrower spill keeps only what fits.
      coerceToSize(spilled, size);
      spilled.id = 0;
    }
    if (value !== null || c.privileged) {
      const old = getSlot(f, spi).bytes;
      let bytes = '';
      for (let k = 0; k < REG_SIZE; k++) {
        if (k >= REG_SIZE - size) bytes += 'r';
        else bytes += old[k] === '0' || old[k] === '?' ? old[k]! : 'm';
      }
      if (value === null || value.type === 'scalar' || size === REG_SIZE) {
        setSlot(f, spi, { bytes, spilled });
        c.scratchSlot(f.frameNo, spi);
        return;
      }
    }
  }
  const zero = value ? value.type === 'scalar' && value.varOff.mask === 0n && value.varOff.value === 0n : imm === 0;
  writeBytes(c, f, min, max, zero ? '0' : 'm');
}

/** Reads `size` bytes at fp-relative `min`; returns the loaded value (or null for helper checks). */
export function stackRead(c: Checker, regno: number, r: Reg, off: number, size: number, intoReg = true): Reg {
  const [min, max] = stackBounds(c, regno, r, off, size, 'read');
  const f = stackFrameOf(c, r);
  if (r.varOff.mask !== 0n) {
    for (let a = min; a < max; a++) {
      const { spi, k } = locate(a);
      const b = getSlot(f, spi).bytes[k];
      if (b === '?' && !c.privileged)
        fail(
          c,
          `invalid variable-offset read from stack R${regno} var_off=${tnumText(r.varOff)} off=${off} size=${size}`,
        );
    }
    return unknownScalar();
  }
  const { spi } = locate(min);
  const slot = getSlot(f, spi);
  c.scratchSlot(f.frameNo, spi);
  if (slot.bytes[REG_SIZE - 1] === 'r' && slot.spilled) {
    const spillSize = slot.bytes.split('').filter((b) => b === 'r').length;
    if (size === REG_SIZE && spillSize === REG_SIZE) {
      // A pointer may be filled back into a register; only reading it as data (atomics) would leak it.
      if (!intoReg && !c.privileged && slot.spilled.type !== 'scalar') fail(c, `leaking pointer from stack off ${min}`);
      return copyReg(slot.spilled);
    }
    if (slot.spilled.type !== 'scalar') fail(c, 'invalid size of register fill');
    if (size <= spillSize && min % REG_SIZE === 0) {
      const out = copyReg(slot.spilled);
      if (size < spillSize) out.id = 0;
      return out;
    }
  }
  let zeros = 0;
  for (let a = min; a < max; a++) {
    const { spi: s, k } = locate(a);
    const b = getSlot(f, s).bytes[k];
    if (b === '0') zeros++;
    else if (b === '?' && !c.privileged) fail(c, `invalid read from stack off ${min}+${a - min} size ${size}`);
  }
  return zeros === size ? knownScalar(0n) : unknownScalar();
}

/** Marks stack bytes a helper wrote (ARG_PTR_TO_UNINIT_MEM and friends) as initialised data. */
export function markStackWritten(c: Checker, r: Reg, min: number, max: number): void {
  writeBytes(c, stackFrameOf(c, r), min, max, 'm');
}

/** Checks stack bytes a helper reads are initialised (root may read uninitialised stack). */
export function checkStackInitialised(
  c: Checker,
  regno: number,
  r: Reg,
  min: number,
  max: number,
  off: number,
  size: number,
): void {
  const f = stackFrameOf(c, r);
  for (let a = min; a < max; a++) {
    const { spi, k } = locate(a);
    const slot = getSlot(f, spi);
    const b = slot.bytes[k];
    // Without CAP_BPF a helper may read neither unwritten bytes nor the bytes of a spilled pointer.
    const unreadable = b === '?' || (b === 'r' && slot.spilled !== null && slot.spilled.type !== 'scalar');
    if (unreadable && !c.privileged) {
      if (r.varOff.mask === 0n) fail(c, `invalid read from stack R${regno} off ${off}+${a - min} size ${size}`);
      fail(
        c,
        `invalid variable-offset indirect access to stack R${regno} var_off=${tnumText(r.varOff)} off=${off} size=${size}`,
      );
    }
  }
}
