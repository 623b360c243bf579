/**
 * JIT behaviours that must match the interpreter exactly in the rare paths: faults on the inline
 * memory path, the instruction budget, call depth; plus the visible fallback and the compile cache.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compileJit, fastRunner } from '../../src/bpf/jit';
import { encodeProgram, insn } from '../../src/bpf/isa';
import { prepareProgram, Vm } from '../../src/bpf/vm';
import { runEngine } from './engines';

const EXIT = insn(0x95);
const program = (...insns: ReturnType<typeof insn>[]) => prepareProgram(encodeProgram(insns));

function both(p: ReturnType<typeof program>, memory = new Uint8Array(64), budget?: number) {
  const options = budget === undefined ? {} : { budget };
  const interp = runEngine(p, memory, 'interpreter', options);
  const jit = runEngine(p, memory, 'jit', options);
  expect(jit.engine).toBe('jit');
  expect(jit.observed).toEqual(interp.observed);
  return jit.observed;
}

describe('JIT rare paths, identical to the interpreter', () => {
  it('faults on an out-of-bounds load from a region in linear memory with the same message', () => {
    const seen = both(program(insn(0x61, 0, 1, 62), EXIT));
    expect(seen.result).toMatch(/^fault: insn 0 \(ldxw\): read of 4 bytes at 0x[0-9a-f]+ is outside memory/);
  });

  it('faults on a store below the stack frame and on a null pointer', () => {
    expect(both(program(insn(0x7a, 10, 0, -520, 1), EXIT)).result).toMatch(/^fault: insn 0 \(stdw\)/);
    expect(both(program(insn(0xb7, 2), insn(0x61, 0, 2, 0), EXIT)).result).toMatch(/no region/);
  });

  it('stops a runaway loop at the same instruction and step count', () => {
    const seen = both(program(insn(0x07, 0, 0, 0, 1), insn(0x05, 0, 0, -2), EXIT), new Uint8Array(0), 1001);
    expect(seen.result).toBe('fault: insn 1 (ja): instruction budget of 1001 exhausted');
    expect(seen.steps).toBe(1001);
  });

  it('refuses a ninth call frame exactly as the interpreter does', () => {
    // f() { return f(); } recursing from main.
    const seen = both(program(insn(0x85, 0, 1, 0, 1), EXIT, insn(0x85, 0, 1, 0, -1), EXIT));
    expect(seen.result).toMatch(/call depth exceeds the kernel's 8 frames/);
  });

  it('keeps stack contents of every frame and the registers in the same final state', () => {
    const seen = both(
      program(
        insn(0xb7, 6, 0, 0, 7),
        insn(0x7b, 10, 6, -8),
        insn(0x85, 0, 1, 0, 2),
        insn(0x79, 0, 10, -8),
        EXIT,
        insn(0x7a, 10, 0, -16, 99),
        insn(0xb7, 0, 0, 0, 1),
        EXIT,
      ),
    );
    expect(seen.result).toBe('r0=0x7');
  });
});

describe('kernel and user memory (helpers only), identical to the interpreter', () => {
  // The region's bytes live in the JIT's linear memory, so only the permission check keeps the
  // inline path from reading them.
  function run(engine: 'jit' | 'interpreter', kind: 'kernel' | 'user', code: ReturnType<typeof insn>) {
    const vm = new Vm(program(code, EXIT));
    const runner = fastRunner(vm, engine);
    const bytes = runner.machine?.packetFrame().subarray(0, 16) ?? new Uint8Array(16);
    bytes.fill(0x11);
    const base = vm.mem.map(kind, kind === 'kernel' ? 'sk_buff 1' : 'user memory', bytes, kind === 'user');
    vm.setReg(1, base);
    vm.setReg(2, 7n);
    const out = runner.run();
    return {
      engine: runner.info.engine,
      result: out.ok ? `r0=${out.r0}` : out.fault.message,
      bytes: Array.from(bytes),
    };
  }

  it.each([
    [
      'kernel',
      insn(0x61, 0, 1, 4),
      /^insn 0 \(ldxw\): read of 4 bytes at 0x[0-9a-f]+: kernel memory 'sk_buff 1' can only be read with bpf_probe_read_kernel$/,
    ],
    [
      'user',
      insn(0x79, 0, 1, 8),
      /^insn 0 \(ldxdw\): read of 8 bytes at 0x[0-9a-f]+: user memory can only be read with bpf_probe_read_user$/,
    ],
    [
      'kernel',
      insn(0x63, 1, 2, 0),
      /^insn 0 \(stxw\): write of 4 bytes at .*: kernel memory 'sk_buff 1' cannot be written/,
    ],
    [
      'user',
      insn(0x7b, 1, 2, 0),
      /^insn 0 \(stxdw\): write of 8 bytes at .*: user memory can only be written with bpf_probe_write_user/,
    ],
    ['user', insn(0xc3, 1, 2, 0, 0), /^insn 0 \(.*\): write of 4 bytes at .*: user memory/],
  ] as const)('faults on a direct %s access: %#', (kind, code, expected) => {
    const interp = run('interpreter', kind, code);
    const jit = run('jit', kind, code);
    expect(jit.engine).toBe('jit');
    expect(jit).toEqual({ ...interp, engine: 'jit' });
    expect(jit.result).toMatch(expected);
    expect(jit.bytes.every((b) => b === 0x11)).toBe(true);
  });
});

describe('engine choice', () => {
  const saved = globalThis.WebAssembly;
  afterEach(() => {
    globalThis.WebAssembly = saved;
  });

  it('falls back to the interpreter, visibly, where WebAssembly is missing', () => {
    const p = program(insn(0xb7, 0, 0, 0, 5), EXIT);
    // @ts-expect-error -- simulating a runtime without WebAssembly
    delete globalThis.WebAssembly;
    const runner = fastRunner(new Vm(p), 'jit');
    expect(runner.info).toEqual({ engine: 'interpreter', reason: 'WebAssembly is not available here' });
    expect(runner.run()).toMatchObject({ ok: true, r0: 5n });
  });

  it('compiles a prepared program once', () => {
    const p = program(insn(0xb7, 0, 0, 0, 5), EXIT);
    expect(compileJit(p)).toBe(compileJit(p));
    expect(fastRunner(new Vm(p), 'interpreter').info).toEqual({ engine: 'interpreter', reason: null });
  });
});
