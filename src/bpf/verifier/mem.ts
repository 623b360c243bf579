/**
 * Loads and stores through pointers (the kernel's check_mem_access): which pointer types may be
 * dereferenced, the bounds of each kind of memory, and what a load produces.
 */
import { Mode } from '../isa';
import { fail, reg, type Checker } from './context';
import { ctxAccess, mayWritePacket } from './ctx-access';
import { regTypeName, tnumText } from './print';
import { isPointer, pointer, unknownScalar, type Reg } from './reg';
import { coerceToSize, signExtend } from './scalar-alu';
import { stackRead, stackWrite } from './stack';

const MAX_VAR_OFF = 1n << 29n;

/** __check_mem_access: one fixed [off, off+size) against [0, memSize). */
function memAccessOk(off: number, size: number, memSize: number): boolean {
  return off >= 0 && off + size <= memSize;
}

function regionError(c: Checker, regno: number, r: Reg, off: number, size: number, memSize: number): string {
  switch (r.type) {
    case 'map_key':
      return `invalid access to map key, key_size=${memSize} off=${off} size=${size}`;
    case 'map_value':
      return `invalid access to map value, value_size=${memSize} off=${off} size=${size}`;
    case 'pkt':
    case 'pkt_meta':
    case 'pkt_end':
      return `invalid access to packet, off=${off} size=${size}, R${regno}(id=${r.id},off=${off},r=${memSize})`;
    default:
      return `invalid access to memory, mem_size=${memSize} off=${off} size=${size}`;
  }
}

/** check_mem_region_access: the fixed offset plus every possible variable offset stays inside. */
export function checkRegion(c: Checker, regno: number, r: Reg, off: number, size: number, memSize: number): void {
  if (r.smin < 0n && (r.smin === -(1n << 63n) || r.smin + BigInt(off) < 0n))
    fail(c, `R${regno} min value is negative, either use unsigned index or do a if (index >=0) check.`);
  const lo = Number(r.smin) + off;
  if (!memAccessOk(lo, size, memSize))
    fail(c, `R${regno} min value is outside of the allowed memory range`, regionError(c, regno, r, lo, size, memSize));
  if (r.umax >= MAX_VAR_OFF) fail(c, `R${regno} unbounded memory access, make sure to bounds check any such access`);
  const hi = Number(r.umax) + off;
  if (!memAccessOk(hi, size, memSize))
    fail(c, `R${regno} max value is outside of the allowed memory range`, regionError(c, regno, r, hi, size, memSize));
}

function checkCtxPtr(c: Checker, regno: number, r: Reg): void {
  const name = regTypeName(r);
  if (r.off < 0) fail(c, `negative offset ${name} ptr R${regno} off=${r.off} disallowed`);
  if (r.off) fail(c, `dereference of modified ${name} ptr R${regno} off=${r.off} disallowed`);
  if (r.varOff.mask !== 0n || r.varOff.value !== 0n)
    fail(c, `variable ${name} access var_off=${tnumText(r.varOff)} disallowed`);
}

function checkAlignment(c: Checker, r: Reg, off: number, size: number): void {
  // x86-64 has efficient unaligned access: only the stack is checked strictly (spill tracking relies on it).
  if (r.type !== 'fp') return;
  const total = (r.varOff.value | r.varOff.mask) + BigInt(r.off + off);
  if ((BigInt.asUintN(64, total) & BigInt(size - 1)) !== 0n || (r.varOff.mask & BigInt(size - 1)) !== 0n)
    fail(
      c,
      `misaligned stack access off ${r.varOff.mask === 0n ? r.varOff.value.toString() : tnumText(r.varOff)}+${r.off}+${off} size ${size}`,
    );
}

/** Unprivileged programs may not store a pointer where it can be read back as a number. */
function leaks(c: Checker, write: boolean, value: Reg | null, valueRegno: number, where: string): void {
  if (write && value && !c.privileged && isPointer(value)) fail(c, `R${valueRegno} leaks addr into ${where}`);
}

/**
 * One memory access through register `regno`. For reads returns the loaded value; `value` is the
 * stored register (null for BPF_ST, where `imm` is stored).
 */
export function checkMemAccess(
  c: Checker,
  regno: number,
  insnOff: number,
  size: number,
  write: boolean,
  value: Reg | null,
  imm = 0,
  valueRegno = -1,
): Reg | null {
  const r = reg(c, regno);
  checkAlignment(c, r, insnOff, size);
  const off = insnOff + r.off;
  let out: Reg | null = write ? null : unknownScalar();
  if (r.maybeNull) fail(c, `R${regno} invalid mem access '${regTypeName(r)}'`);
  switch (r.type) {
    case 'map_key':
      if (write) fail(c, `write to change key R${regno} not allowed`);
      checkRegion(c, regno, r, off, size, c.maps[r.map]!.keySize);
      break;
    case 'map_value': {
      leaks(c, write, value, valueRegno, 'map');
      const m = c.maps[r.map]!;
      const BPF_F_RDONLY_PROG = 1 << 7;
      if (write && ((m.flags ?? 0) & BPF_F_RDONLY_PROG) !== 0)
        fail(c, `write into map forbidden, value_size=${m.valueSize} off=${off} size=${size}`);
      checkRegion(c, regno, r, off, size, m.valueSize);
      break;
    }
    case 'mem':
    case 'ringbuf_mem':
      if (write && r.rdonly) fail(c, `R${regno} cannot write into ${regTypeName(r)}`);
      leaks(c, write, value, valueRegno, 'mem');
      checkRegion(c, regno, r, off, size, r.memSize);
      break;
    case 'ctx': {
      leaks(c, write, value, valueRegno, 'ctx');
      checkCtxPtr(c, regno, r);
      const res = ctxAccess(c.progType, off, size, write, c.privileged);
      if (!res.ok) fail(c, `invalid bpf_context access off=${off} size=${size}`);
      if (!write && res.yields !== 'scalar') out = pointer(res.yields);
      break;
    }
    case 'fp':
      if (write) stackWrite(c, regno, r, insnOff + r.off, size, value, imm);
      else out = stackRead(c, regno, r, insnOff + r.off, size, valueRegno >= 0);
      break;
    case 'pkt':
    case 'pkt_meta':
      if (write && !mayWritePacket(c.progType)) fail(c, 'cannot write into packet');
      leaks(c, write, value, valueRegno, 'packet');
      if (r.smin < 0n)
        fail(c, `R${regno} min value is negative, either use unsigned index or do a if (index >=0) check.`);
      if (!memAccessOk(off, size, r.range))
        fail(c, `R${regno} offset is outside of the packet`, regionError(c, regno, r, off, size, r.range));
      break;
    default:
      fail(c, `R${regno} invalid mem access '${regTypeName(r)}'`);
  }
  if (out && out.type === 'scalar' && size < 8) {
    if ((c.insn.opcode & 0xe0) === Mode.MEMSX) signExtend(out, size, 64);
    else coerceToSize(out, size);
  }
  return out;
}
