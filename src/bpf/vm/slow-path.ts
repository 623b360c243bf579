/**
 * The interpreter's rare paths, kept out of execute.ts so the hot loop stays small: faults,
 * program-context accesses, helper calls and the legacy packet loads.
 */
import type { HelperImpl } from '../helpers/types';
import { describeHelperOnly, hex64, HI_BASE, isHelperOnly } from './address-space';
import { VmFault } from './guest-memory';
import * as int64 from './int64';
import type { Vm } from './machine';

// Module-local copies: under CommonJS interop each imported binding read is a getter call, and
// callHelper runs once per helper call.
const { setBig, toBigU } = int64;

/** A bad memory access, with the facts the UI shows next to the instruction. */
export class MemoryFault extends VmFault {
  constructor(
    message: string,
    readonly address: bigint,
    readonly size: number,
    readonly write: boolean,
    /** Name of the region hit, or null when the address is in no region. */
    readonly region: string | null,
  ) {
    super(message);
    this.name = 'MemoryFault';
  }
}

export function addressOf(lo: number, hi: number): bigint {
  return toBigU(lo, hi);
}

export function memoryFault(vm: Vm, lo: number, hi: number, size: number, write: boolean): MemoryFault {
  const addr = addressOf(lo, hi);
  const region = vm.mem.regionAt(addr);
  let message = vm.mem.explain(write, addr, size);
  if (region && isHelperOnly(region.kind)) message = describeHelperOnly(write, addr, size, region);
  else if (region && write && !region.writable)
    message = `write of ${size} byte${size === 1 ? '' : 's'} at ${hex64(addr)} into read-only ${region.name}`;
  return new MemoryFault(message, addr, size, write, region?.name ?? null);
}

/** A load from a program context: the kernel rewrites these, so the context decides the value. */
export function ctxLoad(vm: Vm, id: number, offset: number, d: number, size: number, signed: boolean): void {
  const handler = vm.mem.handlers[id];
  if (!handler) throw new VmFault(`load from ${vm.mem.infos[id]?.name ?? 'region'} has no context handler`);
  if (handler.loadHalves && !signed) {
    handler.loadHalves(offset, size, vm.regs, d);
    return;
  }
  const value = handler.load(offset, size);
  setBig(vm.regs, d, signed ? BigInt.asIntN(size * 8, value) : value);
}

/** A store to a program context of the low `size` bytes of (lo, hi). */
export function ctxStore(vm: Vm, id: number, offset: number, size: number, lo: number, hi: number): void {
  const handler = vm.mem.handlers[id];
  if (!handler) throw new VmFault(`store to ${vm.mem.infos[id]?.name ?? 'region'} has no context handler`);
  if (handler.storeHalves) handler.storeHalves(offset, size, lo, hi);
  else handler.store(offset, size, BigInt.asUintN(size * 8, toBigU(lo, hi)));
}

/**
 * The bigint last passed in each argument register, with its halves. Helpers take bigints, but a
 * program passes mostly the same values call after call (the context, a map, a constant), and a
 * bigint is immutable, so an unchanged register is passed as the same bigint without allocating.
 */
const argBig: bigint[] = [0n, 0n, 0n, 0n, 0n];
const argLo = new Int32Array(5);
const argHi = new Int32Array(5);

/** Argument register r(1 + n) as an unsigned bigint. */
function helperArg(R: Int32Array, n: number): bigint {
  const lo = R[2 + 2 * n]!;
  const hi = R[3 + 2 * n]!;
  if (lo !== argLo[n] || hi !== argHi[n]) {
    argBig[n] = toBigU(lo, hi);
    argLo[n] = lo;
    argHi[n] = hi;
  }
  return argBig[n]!;
}

/** Calls helper `id` with r1..r5; returns true when the program must stop (uBPF unwind extension). */
export function callHelper(vm: Vm, id: number): boolean {
  const impl: HelperImpl | undefined = vm.helpers(id);
  if (impl === undefined) throw new VmFault(`call to unknown helper id ${id}`);
  const R = vm.regs;
  let result: bigint;
  try {
    result = impl(vm.env, helperArg(R, 0), helperArg(R, 1), helperArg(R, 2), helperArg(R, 3), helperArg(R, 4));
  } catch (e) {
    if (e instanceof VmFault) throw e;
    // A helper bug must still end the run as a reported fault, not as a stray exception.
    const fault = new VmFault(`helper ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
    fault.cause = e;
    throw fault;
  }
  setBig(R, 0, result); // mod 2^64, without BigInt arithmetic
  // A tail call was requested: the interpreter switches programs (see Vm.tailCallTarget).
  if (vm.tailCallTarget !== null) return true;
  return id === vm.unwindHelperId && result === 0n;
}

/** Offsets below 0 that classic BPF uses to address the link-layer and network headers. */
const SKF_NET_OFF = -0x100000;
const SKF_LL_OFF = -0x200000;

/**
 * LD_ABS / LD_IND: r0 = big-endian load from the socket buffer at a 32-bit offset.
 * Returns false when the offset is outside the packet: the kernel then ends the program with r0 = 0.
 */
export function legacyLoad(vm: Vm, offset: number, size: number): boolean {
  const id = vm.legacyPacketId;
  if (id < 0) throw new VmFault('LD_ABS/LD_IND need a socket buffer (socket filter or TC context)');
  // The packet region starts at the link-layer header; skb->data may be further in (socket filters).
  let at = vm.legacyDataOffset + offset;
  if (offset >= SKF_LL_OFF && offset < SKF_NET_OFF) at = offset - SKF_LL_OFF;
  else if (offset >= SKF_NET_OFF && offset < 0) at = offset - SKF_NET_OFF + vm.legacyNetworkOffset;
  else if (offset < 0) return false;
  const view = vm.mem.views[id]!;
  if (at < 0 || at + size > vm.mem.sizes[id]!) return false;
  const R = vm.regs;
  R[0] = size === 4 ? view.getInt32(at) : size === 2 ? view.getUint16(at) : view.getUint8(at);
  R[1] = 0;
  return true;
}

const STACK_HI_BASE = HI_BASE; // a module-local copy, as above: pushFrame reads it on every call
export const stackHigh = (vm: Vm, depth: number): number => (STACK_HI_BASE + 2 * vm.stackIds[depth]!) | 0;

/** Turns whatever stopped the loop into a VmFault that names the instruction, and marks the VM faulted. */
export function finishFault(vm: Vm, pc: number, e: unknown): VmFault {
  vm.pc = pc;
  vm.status = 'faulted';
  let fault: VmFault;
  if (e instanceof VmFault) fault = e;
  else {
    // Not reachable by design; if it happens the user still gets a fault with a location.
    fault = new VmFault(`internal interpreter error: ${e instanceof Error ? e.message : String(e)}`);
    fault.cause = e;
  }
  if (fault.pc === null) {
    fault.pc = pc;
    const name = vm.program.insns[pc]?.spec.mnemonic;
    fault.message = `insn ${pc}${name ? ` (${name})` : ''}: ${fault.message}`;
  }
  return fault;
}
