/**
 * Register and stack state in the kernel's log notation (print_verifier_state): `R1=ctx()`,
 * `R0=map_value_or_null(id=1,map=counts,ks=4,vs=8)`, `R2=scalar(smin=smin32=0,smax=umax=255,...)`,
 * `fp-8=0000????`. Numbers between -512 and 512 print in decimal, others in hex, as the kernel does.
 */
import { S32_MAX, S32_MIN, S64_MAX, S64_MIN, U32_MAX, type Reg } from './reg';
import { getSlot, type Frame } from './state';
import { U64, type Tnum } from './tnum';
import type { VerifierMap } from './types';

const snum = (v: bigint): string => (v >= -512n && v <= 512n ? v.toString() : hexSigned(v));
const unum = (v: bigint): string => (v <= 512n ? v.toString() : `0x${v.toString(16)}`);
function hexSigned(v: bigint): string {
  return `${v < 0n ? '-' : ''}0x${(v < 0n ? -v : v).toString(16)}`;
}
export const tnumText = (t: Tnum): string => `(0x${t.value.toString(16)}; 0x${t.mask.toString(16)})`;

export function regTypeName(r: Reg): string {
  const base = r.type === 'fp' ? 'fp' : r.type;
  return `${r.rdonly ? 'rdonly_' : ''}${base}${r.maybeNull ? '_or_null' : ''}`;
}

function scalarRanges(r: Reg): string[] {
  const items = [
    { name: 'smin', val: BigInt.asUintN(64, r.smin), signed: true, omit: r.smin === S64_MIN },
    { name: 'smax', val: BigInt.asUintN(64, r.smax), signed: true, omit: r.smax === S64_MAX },
    { name: 'umin', val: r.umin, signed: false, omit: r.umin === 0n },
    { name: 'umax', val: r.umax, signed: false, omit: r.umax === U64 },
    { name: 'smin32', val: BigInt.asUintN(64, BigInt(r.s32min)), signed: true, omit: r.s32min === S32_MIN },
    { name: 'smax32', val: BigInt.asUintN(64, BigInt(r.s32max)), signed: true, omit: r.s32max === S32_MAX },
    { name: 'umin32', val: BigInt(r.u32min), signed: false, omit: r.u32min === 0 },
    { name: 'umax32', val: BigInt(r.u32max), signed: false, omit: r.u32max === U32_MAX },
  ];
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    if (a.omit) continue;
    const negA = a.signed && BigInt.asIntN(64, a.val) < 0n;
    let text = `${a.name}=`;
    // Equal values of later fields of the same parity are merged: smin=smin32=0.
    for (let j = i + 2; j < items.length; j += 2) {
      const b = items[j]!;
      if (b.omit || b.val !== a.val) continue;
      const negB = b.signed && BigInt.asIntN(64, b.val) < 0n;
      if (negA !== negB) continue;
      b.omit = true;
      text += `${b.name}=`;
    }
    text += a.signed ? snum(BigInt.asIntN(64, a.val)) : unum(a.val);
    out.push(text);
  }
  return out;
}

export function regText(r: Reg, maps: readonly VerifierMap[], curFrameNo: number): string {
  const constVar = r.varOff.mask === 0n;
  if (r.type === 'scalar' && constVar) return snum(BigInt.asIntN(64, r.varOff.value));
  let out = regTypeName(r);
  if (r.type === 'fp') {
    if (r.frameNo !== curFrameNo) out += `[${r.frameNo}]`;
    if (constVar) return out + snum(BigInt.asIntN(64, r.varOff.value + BigInt(r.off)));
  }
  const parts: string[] = [];
  if (r.id) parts.push(`id=${r.id}`);
  if (r.type === 'map_ptr' || r.type === 'map_value' || r.type === 'map_key') {
    const m = maps[r.map];
    if (m) {
      if (m.name) parts.push(`map=${m.name}`);
      parts.push(`ks=${m.keySize},vs=${m.valueSize}`);
    }
  }
  if (r.type !== 'scalar' && r.off) parts.push(`off=${r.off}`);
  if (r.type === 'pkt' || r.type === 'pkt_meta') parts.push(`r=${r.range}`);
  if (r.refObjId) parts.push(`ref_obj_id=${r.refObjId}`);
  if (r.type === 'mem' || r.type === 'ringbuf_mem') parts.push(`sz=${r.memSize}`);
  if (constVar) {
    if (r.varOff.value) parts.push(`imm=${r.varOff.value.toString(16)}`);
  } else {
    parts.push(...scalarRanges(r));
    if (r.varOff.mask !== U64) parts.push(`var_off=${tnumText(r.varOff)}`);
  }
  return `${out}(${parts.join(',')})`;
}

/** Stack slot text, or null when the slot holds nothing worth printing. */
export function slotText(f: Frame, spi: number, maps: readonly VerifierMap[]): string | null {
  const slot = getSlot(f, spi);
  // A slot counts as a spill when its lowest-addressed byte belongs to the spilled register.
  if (slot.bytes[7] === 'r' && slot.spilled) return regText(slot.spilled, maps, f.frameNo);
  return slot.bytes === '????????' ? null : slot.bytes;
}

/**
 * One state line. `only` limits it to the registers and slots touched by the last instruction
 * (the kernel's "scratched" marks); undefined prints everything.
 */
export function stateText(
  f: Frame,
  maps: readonly VerifierMap[],
  only?: { regs: Set<number>; slots: Set<number> },
): string {
  let out = f.frameNo ? ` frame${f.frameNo}:` : '';
  f.regs.forEach((r, i) => {
    if (r.type === 'not_init') return;
    if (only && !only.regs.has(i)) return;
    out += ` R${i}=${regText(r, maps, f.frameNo)}`;
  });
  for (let spi = 0; spi < f.stack.length; spi++) {
    if (only && !only.slots.has(spi)) continue;
    const text = slotText(f, spi, maps);
    if (text !== null) out += ` fp${-(spi + 1) * 8}=${text}`;
  }
  return out;
}
