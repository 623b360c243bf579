/**
 * Running compiled programs: one linear memory per VM, mirrored from its address space.
 *
 * The VM's stack regions are moved into linear memory once (the address space's views then point
 * at it, so the interpreter, helpers and the UI see the same bytes), and a runner may place other
 * regions there too (the session's packet frame). The region tables in linear memory follow the
 * address space through its observer hook, including remaps by adjust_head/tail mid-run.
 *
 * Modules are compiled once per prepared program and cached; instances are per VM (their imports
 * close over it).
 */
import {
  Access,
  type CtxHandler,
  execute,
  MAX_CALL_FRAMES,
  type PreparedProgram,
  regionBase,
  type RunOutcome,
  STACK_SIZE,
  type Vm,
  VmFault,
} from '../vm';
import type { MapMemory } from '../maps';
import { callHelper, finishFault } from '../vm/slow-path';
import {
  CTX_POOL,
  CTX_POOL_SIZE,
  CTX_TABLE,
  FRAMES,
  MAP_VALUES,
  MAP_VALUES_LIMIT,
  MEMORY_PAGES,
  PACKET_FRAME,
  PACKET_FRAME_SIZE,
  READ_TABLE,
  REGS,
  SCRATCH,
  STACK_HIGH,
  STACK_LINEAR,
  STACKS,
  TABLE_REGIONS,
  WRITE_TABLE,
  WRITTEN,
} from './layout';
import { inlineableMaps, MapTable } from './map-table';
import { resetModuleBytes } from './reset-module';
import { translate } from './translate';
import { type WasmApi, wasmApi } from './wasm-api';

// Module-local copies: under CommonJS interop (tsx, Vitest) every imported binding read is a getter call.
const STACK_HIGH_WORD = STACK_HIGH / 4;
const SCRATCH_WORD = SCRATCH / 4;
const WRITTEN_WORD = WRITTEN / 4;
const MIRRORED_REGIONS = TABLE_REGIONS;
const STACK_TOP = STACK_SIZE;
const interpret = execute;
const callHelperOf = callHelper;
const faultAt = finishFault;
const CTX_ACCESS = Access.SPECIAL;

/** The interpreter from the VM's current state to exit: the fault, or null. */
export function interpretAll(vm: Vm): VmFault | null {
  try {
    interpret(vm);
    return null;
  } catch (e) {
    if (e instanceof VmFault) return e;
    throw e;
  }
}

type RunFn = (entry: number, steps: number, depth: number, budget: number) => number;

/** A program as the JIT sees it: a compiled module, or the reason it runs in the interpreter. */
export type JitProgram =
  { readonly ok: true; readonly module: WebAssemblyModuleLike } | { readonly ok: false; readonly reason: string };

export type WebAssemblyModuleLike = object;

const compiled = new WeakMap<PreparedProgram, JitProgram>();

/** Translates and compiles `program` once; later calls return the cached result. */
export function compileJit(program: PreparedProgram): JitProgram {
  let result = compiled.get(program);
  if (result === undefined) {
    result = compileUncached(program);
    compiled.set(program, result);
  }
  return result;
}

function compileUncached(program: PreparedProgram): JitProgram {
  const api = wasmApi();
  if (api === null) return { ok: false, reason: 'WebAssembly is not available here' };
  const t = translate(program);
  if (typeof t === 'string') return { ok: false, reason: t };
  try {
    return { ok: true, module: new api.Module(t.wasm) };
  } catch (e) {
    // A translator bug must not take runs down: they fall back to the interpreter, visibly.
    return { ok: false, reason: `WebAssembly compile failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const BUDGET_LIMIT = 0x7fffffff;
let resetModule: object | undefined;

export class JitMachine {
  private readonly api: WasmApi;
  private readonly memory: { readonly buffer: ArrayBuffer };
  private readonly bytes: Uint8Array;
  private readonly words: Int32Array;
  private readonly regs: Int32Array;
  private readonly frames: Int32Array;
  private readonly instances = new WeakMap<object, RunFn>();
  /** Mirror of each context handler's whole-field values (see layout.ts), by handler. */
  private readonly ctxMirrors = new WeakMap<CtxHandler, number>();
  private ctxPoolNext = CTX_POOL;
  private readonly maps: MapTable;
  private readonly resetState: () => void;

  constructor(
    readonly vm: Vm,
    api: WasmApi,
  ) {
    this.api = api;
    const maps = inlineableMaps(vm);
    const mapBytes = maps === null ? 0 : relocatableBytes(maps);
    const pages = Math.max(MEMORY_PAGES, Math.ceil((MAP_VALUES + mapBytes) / 65536));
    this.memory = new api.Memory({ initial: pages, maximum: pages });
    this.bytes = new Uint8Array(this.memory.buffer);
    this.words = new Int32Array(this.memory.buffer);
    this.maps = new MapTable(vm, this.words, this.bytes);
    this.regs = this.words.subarray(REGS / 4, REGS / 4 + 22);
    this.frames = this.words.subarray(FRAMES / 4, FRAMES / 4 + vm.frames.length);
    const mem = vm.mem;
    for (let depth = 0; depth < MAX_CALL_FRAMES; depth++) {
      const id = vm.stackIds[depth]!;
      const at = STACKS + depth * STACK_SIZE;
      const stack = this.bytes.subarray(at, at + STACK_SIZE);
      stack.set(mem.bytes[id]!);
      mem.remap(regionBase(id), stack);
      this.words[STACK_HIGH / 4 + depth] = Number(BigInt.asIntN(32, regionBase(id) >> 32n));
      this.words[STACK_LINEAR / 4 + depth] = at;
    }
    // The VM's registers and frames live in linear memory from now on: no copies per run or step.
    vm.adoptState(this.regs, this.frames);
    for (let id = 0; id < Math.min(TABLE_REGIONS, mem.infos.length); id++) this.mirror(id);
    mem.observers.push((id) => this.mirror(id));
    if (maps !== null && mapBytes > 0) {
      // Map values move into linear memory (their regions follow through the observer above).
      let next = MAP_VALUES;
      maps.relocateValues((size) => {
        if (next + size > MAP_VALUES + mapBytes) return null;
        const at = next;
        next = (next + size + 7) & ~7;
        return this.bytes.subarray(at, at + size);
      });
    }
    if (maps !== null) this.maps.fill(maps);
    resetModule ??= new api.Module(resetModuleBytes());
    const resetInstance = new api.Instance(resetModule, { env: { memory: this.memory } });
    this.resetState = resetInstance.exports.reset as () => void;
  }

  /**
   * Whether the packet frame may have been written since clearWritten(): by compiled stores or
   * atomics into it, or by anything the interpreter or a helper did (see layout.ts, WRITTEN).
   */
  get written(): boolean {
    return this.words[WRITTEN_WORD] !== 0;
  }

  clearWritten(): void {
    this.words[WRITTEN_WORD] = 0;
  }

  /** Vm.reset(entry) with the registers and stack cleared inside linear memory (see reset-module.ts). */
  reset(entry: number): void {
    this.resetState();
    const vm = this.vm;
    vm.pc = entry;
    vm.depth = 0;
    vm.steps = 0;
    vm.status = 'ready';
    vm.tailCallTarget = null;
    vm.tailCalls = 0;
  }

  /** The BPF_PROG_TEST_RUN frame in linear memory, for a runner's packet buffer. */
  packetFrame(): Uint8Array {
    return this.bytes.subarray(PACKET_FRAME, PACKET_FRAME + PACKET_FRAME_SIZE);
  }

  /** Writes region `id`'s table entries: inline access only when its bytes live in linear memory. */
  private mirror(id: number): void {
    if (id >= TABLE_REGIONS) return;
    this.maps.forget(id);
    const mem = this.vm.mem;
    const bytes = mem.bytes[id];
    const access = mem.infos[id] ? mem.access[id]! : Access.NONE;
    const inside = bytes !== undefined && bytes.buffer === this.memory.buffer;
    const readable = inside && (access === Access.READ || access === Access.READ_WRITE);
    const writable = inside && access === Access.READ_WRITE;
    const r = (READ_TABLE >> 2) + 4 * id;
    const w = (WRITE_TABLE >> 2) + 4 * id;
    this.words[r] = readable ? bytes.byteOffset : 0;
    this.words[r + 1] = readable ? bytes.byteLength : 0;
    this.words[w] = writable ? bytes.byteOffset : 0;
    this.words[w + 1] = writable ? bytes.byteLength : 0;
    const handler = mem.infos[id] && access === Access.SPECIAL ? mem.handlers[id] : null;
    const mirror = handler ? this.ctxMirror(handler, mem.sizes[id]!) : 0;
    const c = (CTX_TABLE >> 2) + 8 * id;
    this.words[c] = mirror;
    this.words[c + 1] = mirror === 0 ? 0 : mem.sizes[id]!;
    this.words[c + 2] = mirror === 0 ? 0 : mirror + 2 * mem.sizes[id]!;
  }

  /** Linear offset of the mirror of `handler`'s fields (allocated and kept current), or 0. */
  private ctxMirror(handler: CtxHandler, size: number): number {
    const known = this.ctxMirrors.get(handler);
    if (known !== undefined) return known;
    const bytes = (2 * size + Math.ceil(size / 4) + 7) & ~7;
    if (!handler.observeFields || size % 4 !== 0 || this.ctxPoolNext + bytes > CTX_POOL + CTX_POOL_SIZE) return 0;
    const base = this.ctxPoolNext;
    this.ctxPoolNext += bytes;
    this.ctxMirrors.set(handler, base);
    handler.observeFields((offset, fieldSize, lo, hi) => {
      if (offset % 4 !== 0 || offset + fieldSize > size) return;
      this.words[(base >> 2) + offset / 2] = lo;
      this.words[(base >> 2) + offset / 2 + 1] = hi;
      this.bytes[base + 2 * size + offset / 4] = fieldSize;
    });
    return base;
  }

  private instance(module: object): RunFn {
    let run = this.instances.get(module);
    if (run === undefined) {
      const vm = this.vm;
      // The interpreter executes one instruction on the JIT's behalf (see translate.ts); the
      // registers are shared, the compiled code spills before and reloads after.
      const step = (pc: number, stepsBefore: number, depth: number): number => {
        this.words[WRITTEN_WORD] = 1;
        vm.pc = pc;
        vm.steps = stepsBefore;
        vm.depth = depth;
        return interpret(vm, 1) === 'exited' ? 1 : 0;
      };
      // A helper call exactly as the interpreter's `call` does it (callHelper, then finishRun or
      // finishFault), minus its dispatch loop. Tail calls never come here (translate.ts).
      const helper = (id: number, pc: number, stepsBefore: number, depth: number): number => {
        this.words[WRITTEN_WORD] = 1;
        vm.pc = pc;
        vm.steps = stepsBefore + 1;
        vm.depth = depth;
        let stop: boolean;
        try {
          stop = callHelperOf(vm, id);
        } catch (e) {
          throw faultAt(vm, pc, e);
        }
        if (!stop) return 0;
        vm.status = 'exited';
        return 1;
      };
      // A context store (see translate.ts): 1 when the handler took it, 0 for the interpreter to
      // redo it (a refused access throws before changing anything, so its fault is the interpreter's).
      const mem = vm.mem;
      const ctxStore = (index: number, offset: number, size: number, lo: number, hi: number): number => {
        const id = index >>> 1;
        const handler = (index & 1) === 0 && mem.infos[id] && mem.access[id] === CTX_ACCESS ? mem.handlers[id] : null;
        if (!handler?.storeHalves) return 0;
        try {
          handler.storeHalves(offset >>> 0, size, lo, hi);
          return 1;
        } catch {
          return 0;
        }
      };
      const imports = { memory: this.memory, step, map_lookup: this.maps.lookup, helper, ctx_store: ctxStore };
      const instance = new this.api.Instance(module, { env: imports });
      run = instance.exports.run as RunFn;
      this.instances.set(module, run);
    }
    return run;
  }

  /** Runs from the VM's current state to exit, like runToExit(vm). */
  run(program: JitProgram & { ok: true }): RunOutcome {
    const fault = this.exec(program);
    const vm = this.vm;
    return fault === null ? { ok: true, r0: vm.r0, steps: vm.steps } : { ok: false, fault, steps: vm.steps };
  }

  /** run() without building an outcome (hot loops): the fault, or null after a normal exit (r0 in vm.regs). */
  exec(program: JitProgram & { ok: true }): VmFault | null {
    return this.execWith(this.instance(program.module));
  }

  /** exec() bound to one program, so a hot loop skips the instance lookup. */
  bind(program: JitProgram & { ok: true }): () => VmFault | null {
    const run = this.instance(program.module);
    return () => this.execWith(run);
  }

  private execWith(run: RunFn): VmFault | null {
    const vm = this.vm;
    const depth = vm.depth;
    // The socket buffer LD_ABS/LD_IND read (region index, skb->data offset), for the inline path.
    const legacy = vm.legacyPacketId;
    this.words[SCRATCH_WORD + 2] = legacy >= 0 && legacy < MIRRORED_REGIONS ? 2 * legacy : -1;
    this.words[SCRATCH_WORD + 3] = vm.legacyDataOffset;
    // Stack accesses at constant offsets from r10 are compiled against the frame's own stack.
    if (vm.regs[20] !== STACK_TOP || vm.regs[21] !== this.words[STACK_HIGH_WORD + depth]) {
      this.words[WRITTEN_WORD] = 1;
      return interpretAll(vm);
    }
    try {
      const next = run(vm.pc, vm.steps, depth, Math.min(vm.budget, BUDGET_LIMIT));
      vm.steps = this.words[SCRATCH_WORD]!;
      vm.depth = this.words[SCRATCH_WORD + 1]!;
      if (next < 0) {
        vm.pc = -1 - next;
        vm.status = 'exited';
        return null;
      }
      // The interpreter continues exactly where the compiled code stopped.
      vm.pc = next;
      vm.status = 'ready';
      this.words[WRITTEN_WORD] = 1;
      return interpretAll(vm);
    } catch (e) {
      if (e instanceof VmFault) return e;
      const fault = new VmFault(`internal JIT error: ${e instanceof Error ? e.message : String(e)}`, vm.pc);
      fault.cause = e;
      vm.status = 'faulted';
      return fault;
    }
  }
}

/** Bytes of linear memory the movable map values need (8-aligned each), or 0 past MAP_VALUES_LIMIT. */
function relocatableBytes(maps: MapMemory): number {
  let total = 0;
  for (const { map, valueBase } of maps.all())
    if (valueBase !== null && map.relocateValues !== undefined) total += (map.values.length + 7) & ~7;
  return total > MAP_VALUES_LIMIT ? 0 : total;
}

const machines = new WeakMap<Vm, JitMachine>();

/** The VM's JIT machine (created on first use; moves its stacks into linear memory), or null without WebAssembly. */
export function jitMachine(vm: Vm): JitMachine | null {
  let machine = machines.get(vm);
  if (machine === undefined) {
    const api = wasmApi();
    if (api === null) return null;
    machine = new JitMachine(vm, api);
    machines.set(vm, machine);
  }
  return machine;
}
