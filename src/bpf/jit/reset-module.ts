/**
 * Vm.reset() for a VM whose registers and stacks live in a JIT machine's linear memory, done in
 * WebAssembly: zeroing the registers and the 512-byte stack from JavaScript (typed-array fill on a
 * view of that memory) cost more than the whole compiled run of a small program. The resulting
 * state is Vm.reset()'s exactly (tests/jit/reset.test.ts compares them).
 */
import { STACK_SIZE } from '../vm';
import { MEMORY_PAGES, REGS, STACK_HIGH, STACK_LINEAR } from './layout';
import { Code, encodeModule, Op } from './wasm-encoder';

/** r10 is register 10: its (low, high) int32 pair starts at REGS + 80. */
const R10 = REGS + 80;

/** reset(): r0..r9 = 0, r10 = top of call depth 0's stack, that stack zeroed. */
function resetBody(): Code {
  const c = new Code();
  c.i32(REGS)
    .i32(0)
    .i32(R10 - REGS)
    .memoryFill();
  c.i32(0).mem(Op.i32_load, STACK_LINEAR, 2).i32(0).i32(STACK_SIZE).memoryFill();
  c.i32(R10);
  c.i32(0).mem(Op.i64_load32_u, STACK_HIGH, 2).i64(32n).op(Op.i64_shl).i64(BigInt(STACK_SIZE)).op(Op.i64_or);
  c.mem(Op.i64_store, 0, 3);
  return c;
}

let cached: Uint8Array | null = null;

/** The module's bytes (one exported function `reset`, importing the machine's memory). */
export function resetModuleBytes(): Uint8Array {
  cached ??= encodeModule({
    imports: [],
    memoryPages: MEMORY_PAGES,
    func: { type: { params: [], results: [] }, locals: [], body: resetBody() },
    exportName: 'reset',
  });
  return cached;
}
