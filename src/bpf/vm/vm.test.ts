/** Calls and frames, the instruction budget, helpers, regions, contexts and lddw resolution. */
import { describe, expect, it } from 'vitest';
import { encodeProgram, insn, type Insn } from '../isa';
import { AddressSpace } from './address-space';
import { VmFault } from './guest-memory';
import { Vm } from './machine';
import { prepareProgram } from './prepare';
import { conformanceVm, runToExit } from './run';

const MOV = (dst: number, imm: number) => insn(0xb7, dst, 0, 0, imm);
const MOVX = (dst: number, src: number) => insn(0xbf, dst, src);
const ADD = (dst: number, imm: number) => insn(0x07, dst, 0, 0, imm);
const CALL_LOCAL = (imm: number) => insn(0x85, 0, 1, 0, imm);
const CALL = (id: number) => insn(0x85, 0, 0, 0, id);
const STXDW = (dst: number, src: number, off: number) => insn(0x7b, dst, src, off);
const LDXDW = (dst: number, src: number, off: number) => insn(0x79, dst, src, off);
const EXIT = insn(0x95);

const vmFor = (insns: Insn[], options: ConstructorParameters<typeof Vm>[1] = {}) =>
  new Vm(prepareProgram(encodeProgram(insns)), options);

describe('bpf-to-bpf calls', () => {
  it('gives each frame its own 512-byte stack and restores r6-r10 on return', () => {
    const vm = vmFor([
      MOV(6, 6),
      STXDW(10, 6, -8), // caller's [r10-8] = 6
      MOV(1, 40),
      CALL_LOCAL(3),
      LDXDW(7, 10, -8), // still 6: the callee wrote its own frame
      insn(0x0f, 0, 7), // r0 += r7
      EXIT,
      // callee: writes its own [r10-8], clobbers r6, returns r1 + 2
      MOV(6, 99),
      STXDW(10, 6, -8),
      MOVX(0, 1),
      ADD(0, 2),
      EXIT,
    ]);
    const out = runToExit(vm);
    expect(out).toMatchObject({ ok: true, r0: 48n });
    expect(vm.reg(6)).toBe(6n);
    expect(vm.reg(10)).toBe(vm.mem.regionAt(vm.reg(10) - 1n)!.base + 512n);
  });

  // A function calling itself n times: f() { return depth-- ? f() + 1 : 0 } with the depth in r1.
  const recursion = (n: number) =>
    vmFor([
      MOV(1, n),
      CALL_LOCAL(1),
      EXIT,
      MOV(0, 0),
      insn(0x15, 1, 0, 3, 0),
      ADD(1, -1),
      CALL_LOCAL(-4),
      ADD(0, 1),
      EXIT,
    ]);

  it('allows 8 frames, as the kernel does (MAX_CALL_FRAMES)', () => {
    expect(runToExit(recursion(6))).toMatchObject({ ok: true, r0: 6n }); // main + 7 frames of f
  });
  it('faults on the call that would open a ninth frame, naming the call', () => {
    const out = runToExit(recursion(7));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.fault.message).toBe("insn 6 (call local): call depth exceeds the kernel's 8 frames");
      expect(out.fault.pc).toBe(6);
    }
  });
});

describe('tail calls', () => {
  // The target clobbers r6 and returns 1000; the entry calls a subprogram that tail-calls.
  const target = prepareProgram(encodeProgram([MOV(6, 0), MOV(0, 1000), EXIT]));
  const entry = [
    MOV(6, 5),
    CALL_LOCAL(2),
    insn(0x0f, 0, 6), // r0 += r6: the caller resumes with its own r6
    EXIT,
    CALL(12), // the subprogram: bpf_tail_call
    MOV(0, 99), // reached only when the tail call fails
    EXIT,
  ];
  const run = (takeTailCall: boolean) => {
    let vm: Vm | null = null;
    const helpers = () => () => {
      if (takeTailCall) vm!.tailCallTarget = target;
      return 0n;
    };
    vm = vmFor(entry, { helpers });
    return { out: runToExit(vm), vm };
  };

  it("from a subprogram replaces only that frame: the target's result returns to its caller", () => {
    const { out, vm } = run(true);
    expect(out).toMatchObject({ ok: true, r0: 1005n });
    expect(vm.tailCalls).toBe(1);
    expect(vm.returnPrograms.every((p) => p === null)).toBe(true);
  });

  it('falls through in the subprogram when no tail call is taken', () => {
    expect(run(false).out).toMatchObject({ ok: true, r0: 104n });
  });
});

describe('instruction budget', () => {
  it('stops an endless loop with a clear error at the instruction it reached', () => {
    const vm = vmFor([MOV(0, 0), ADD(0, 1), insn(0x05, 0, 0, -2), EXIT], { budget: 1000 });
    const out = runToExit(vm);
    expect(out).toMatchObject({ ok: false, steps: 1000 });
    if (!out.ok) expect(out.fault.message).toMatch(/^insn [12] \((add|ja)\): instruction budget of 1000 exhausted$/);
  });
  it('lets a program use exactly its budget', () => {
    expect(runToExit(vmFor([MOV(0, 1), EXIT], { budget: 2 }))).toMatchObject({ ok: true, r0: 1n });
  });
});

describe('helpers', () => {
  it('passes r1-r5 as unsigned bigints and puts the result in r0', () => {
    const seen: bigint[] = [];
    const helpers = (id: number) =>
      id === 7
        ? (_env: unknown, ...args: bigint[]) => {
            seen.push(...args);
            return -1n;
          }
        : undefined;
    const vm = vmFor([MOV(1, -1), MOV(2, 2), MOV(3, 3), MOV(4, 4), MOV(5, 5), CALL(7), EXIT], { helpers });
    expect(runToExit(vm)).toMatchObject({ ok: true, r0: 2n ** 64n - 1n });
    expect(seen).toEqual([2n ** 64n - 1n, 2n, 3n, 4n, 5n]);
  });
  it('reports an unknown helper id', () => {
    const out = runToExit(vmFor([CALL(1234), EXIT]));
    expect(!out.ok && out.fault.message).toBe('insn 0 (call): call to unknown helper id 1234');
  });
  it('turns a helper that throws into a fault at the call', () => {
    const helpers = () => () => {
      throw new TypeError('boom');
    };
    const out = runToExit(vmFor([MOV(0, 0), CALL(1), EXIT], { helpers }));
    expect(!out.ok && out.fault.message).toBe('insn 1 (call): helper 1 failed: boom');
  });
  it('stops the program when the conformance unwind helper returns 0', () => {
    const vm = conformanceVm(encodeProgram([MOV(1, 0), CALL(5), MOV(0, 2), EXIT]), new Uint8Array());
    expect(runToExit(vm)).toMatchObject({ ok: true, r0: 0n, steps: 2 });
  });
});

describe('regions and contexts', () => {
  it('refuses stores into a read-only region and names it', () => {
    const mem = new AddressSpace();
    const base = mem.map('rodata', '.rodata', new Uint8Array(8), false);
    const vm = vmFor([insn(0x72, 1, 0, 0, 1), EXIT], { mem });
    vm.setReg(1, base);
    const out = runToExit(vm);
    expect(!out.ok && out.fault.message).toMatch(
      /^insn 0 \(stb\): write of 1 byte at 0x[0-9a-f]+ into read-only \.rodata$/,
    );
  });
  it('refuses direct loads, stores and atomics on kernel and user memory, naming the helper to use', () => {
    const mem = new AddressSpace();
    const kernel = mem.map('kernel', 'sk_buff 1', new Uint8Array([0x2a, 0, 0, 0, 0, 0, 0, 0]), false);
    const user = mem.map('user', 'user memory', new Uint8Array(8), true);
    const fault = (code: Insn, base: bigint) => {
      const vm = vmFor([code, EXIT], { mem });
      vm.setReg(1, base);
      vm.setReg(2, 1n);
      const out = runToExit(vm);
      return out.ok ? null : out.fault.message;
    };
    expect(fault(insn(0x61, 0, 1, 0), kernel)).toBe(
      `insn 0 (ldxw): read of 4 bytes at 0x${kernel.toString(16)}: kernel memory 'sk_buff 1' can only be read with bpf_probe_read_kernel`,
    );
    expect(fault(insn(0x79, 0, 1, 0), user)).toBe(
      `insn 0 (ldxdw): read of 8 bytes at 0x${user.toString(16)}: user memory can only be read with bpf_probe_read_user`,
    );
    expect(fault(insn(0x63, 1, 2, 4), kernel)).toMatch(
      /^insn 0 \(stxw\): write of 4 bytes at .*: kernel memory 'sk_buff 1' cannot be written/,
    );
    expect(fault(insn(0x72, 1, 0, 0, 1), user)).toMatch(
      /^insn 0 \(stb\): write of 1 byte at .*: user memory can only be written with bpf_probe_write_user/,
    );
    expect(fault(insn(0xdb, 1, 2, 0, 0), kernel)).toMatch(
      /^insn 0 \(.*\): write of 8 bytes at .*kernel memory 'sk_buff 1'/,
    );
    // Helpers still see it through GuestMemory.view (probe_read_kernel / probe_write_user).
    expect(mem.view(kernel, 4, false)[0]).toBe(0x2a);
    expect(mem.view(user, 1, true).length).toBe(1);
    expect(() => mem.view(kernel, 1, true)).toThrow(/read-only/);
  });

  it('sends context loads and stores to the context handler', () => {
    const mem = new AddressSpace();
    const log: string[] = [];
    const ctx = mem.mapCtx('ctx', new Uint8Array(16), {
      load: (offset, size) => {
        log.push(`load ${offset}/${size}`);
        if (offset !== 4) throw new VmFault(`bad ctx field ${offset}`);
        return 0xffff888812345678n;
      },
      store: (offset, size, value) => void log.push(`store ${offset}/${size}=${value}`),
    });
    const vm = vmFor([insn(0x61, 0, 1, 4), insn(0x62, 1, 0, 8, -1), EXIT], { mem });
    vm.setReg(1, ctx);
    expect(runToExit(vm)).toMatchObject({ ok: true, r0: 0xffff888812345678n });
    expect(log).toEqual(['load 4/4', 'store 8/4=4294967295']);
    vm.reset();
    vm.setReg(1, ctx + 8n);
    const out = runToExit(vm);
    expect(!out.ok && out.fault.message).toBe('insn 0 (ldxw): bad ctx field 12');
  });
  it('resolves lddw references through the loader hook, and refuses them without one', () => {
    const lddwMap = [insn(0x18, 0, 1, 0, 3), EXIT];
    const bytes = encodeProgram(lddwMap);
    expect(() => prepareProgram(bytes)).toThrow('insn 0: lddw of a map fd needs a loader to resolve it');
    const vm = new Vm(prepareProgram(bytes, (i) => 0x1000n + BigInt(i.imm)));
    expect(runToExit(vm)).toMatchObject({ ok: true, r0: 0x1003n });
  });
  it('faults when control runs off the end of the program', () => {
    const out = runToExit(vmFor([MOV(0, 1)]));
    expect(!out.ok && out.fault.message).toBe('insn 1: fell off the end of the program (1 instructions) without exit');
  });
});

describe('legacy packet loads', () => {
  const packet = Uint8Array.from([0x45, 0x00, 0x00, 0x54, 0xaa, 0xbb, 0xcc, 0xdd]);
  const run = (insns: Insn[]) => {
    const vm = conformanceVm(encodeProgram(insns), packet);
    vm.legacyPacketId = vm.mem.idOf(vm.reg(1))!;
    return runToExit(vm);
  };
  it('loads big-endian at absolute and register-relative offsets', () => {
    expect(run([insn(0x20, 0, 0, 0, 0), EXIT])).toMatchObject({ r0: 0x45000054n });
    expect(run([insn(0x28, 0, 0, 0, 2), EXIT])).toMatchObject({ r0: 0x0054n });
    expect(run([MOV(7, 3), insn(0x50, 0, 7, 0, 1), EXIT])).toMatchObject({ r0: 0xaan }); // packet[3 + 1]
  });
  it('ends the program with r0 = 0 when the offset is outside the packet', () => {
    expect(run([insn(0x20, 0, 0, 0, 6), MOV(0, 9), EXIT])).toMatchObject({ ok: true, r0: 0n, steps: 1 });
    expect(run([MOV(7, -1), insn(0x50, 0, 7, 0, 0), MOV(0, 9), EXIT])).toMatchObject({ ok: true, r0: 0n });
  });
});
