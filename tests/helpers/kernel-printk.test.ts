/**
 * bpf_trace_printk against Linux: every case in printk-cases.ts runs in one XDP program; the
 * kernel's return values and trace messages (from a private tracefs instance) must equal our
 * helper's, driven with the same format bytes and arguments.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { getHelper } from '../../src/bpf/helpers/registry';
import type { HelperEnv } from '../../src/bpf/helpers/types';
import { KernelProgram, TraceInstance, kernelOrSkip } from '../maps/kernel/harness';
import { FakeMemory } from './fake-memory';
import { POINTEES, PRINTK_CASES, type PrintkCase } from './kernel/printk-cases';
import { printkProgram } from './kernel/printk-program';

const available = kernelOrSkip('bpf_trace_printk');

function runOurs(cases: PrintkCase[]): { rets: number[]; messages: string[] } {
  const mem = new FakeMemory();
  const messages: string[] = [];
  const env: HelperEnv = { mem, trace: (m) => messages.push(m), nowNs: () => 0n, random32: () => 0, cpu: 0, ext: {} };
  const pointers = new Map(
    Object.entries(POINTEES).map(([name, bytes]) => [name, mem.map('mem', name, Uint8Array.from(bytes), false)]),
  );
  const printk = getHelper(6);
  const rets = cases.map((c) => {
    const fmt = new TextEncoder().encode(`${c.fmt}\0`);
    const fmtAddr = mem.map('rodata', 'fmt', fmt, false);
    const args = [0, 1, 2].map((i) => {
      const a = c.args[i] ?? 0;
      return typeof a === 'string' ? (pointers.get(a) ?? 0n) : BigInt.asUintN(64, BigInt(a));
    });
    return Number(BigInt.asIntN(64, printk.impl(env, fmtAddr, BigInt(fmt.length), args[0]!, args[1]!, args[2]!)));
  });
  return { rets, messages };
}

describe.skipIf(!available)('bpf_trace_printk output matches Linux', () => {
  let kernel: KernelProgram | null = null;
  let trace: TraceInstance | null = null;
  afterAll(() => {
    kernel?.cleanup();
    trace?.remove();
  });

  it('returns the same values and prints the same messages for every case', () => {
    trace = new TraceInstance('printk');
    kernel = new KernelProgram(printkProgram(PRINTK_CASES), 'printk');
    kernel.run();
    const kernelRets = new Map(
      kernel.dumpMap('results').map((e) => [e.key[0] ?? 0, Number(new DataView(e.value.buffer).getBigInt64(0, true))]),
    );
    const ours = runOurs(PRINTK_CASES);
    PRINTK_CASES.forEach((c, i) =>
      expect({ fmt: c.fmt, ret: ours.rets[i] }).toEqual({ fmt: c.fmt, ret: kernelRets.get(i) }),
    );
    // The trace file shows one event per line; a message's own trailing newline ends its line.
    expect(ours.messages.map((m) => m.replace(/\n$/, ''))).toEqual(trace.messages());
  });
});
