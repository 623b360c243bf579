/**
 * `npm run bench`: interpreter speed next to the kernel's, for the same object and packet in the
 * same run. Prints medians over rounds of ns per run and ns per instruction, and the ratio to
 * `bpftool prog run ... repeat N` (the kernel's average duration, JIT when enabled).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setupXdp } from '../../src/bpf/programs';
import { execute, prepareProgram, Vm } from '../../src/bpf/vm';
import {
  cleanUp,
  compileProgram,
  compileSource,
  kernelUnavailableReason,
  LoadedProgram,
  type CompiledProgram,
} from '../kernel/vm-kernel';
import { PACKETS } from '../kernel/vm-packets';

const ROUNDS = 7;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Measured {
  nsPerRun: number;
  nsPerInsn: number;
  insnsPerRun: number;
}

/** Runs the program `runs` times per round on one VM, resetting CPU state between runs. */
function measureOurs(compiled: CompiledProgram, packet: Uint8Array, runs: number): Measured {
  const vm = new Vm(prepareProgram(compiled.code));
  const { ctx } = setupXdp(vm, packet);
  const ctxLo = Number(BigInt.asIntN(32, ctx));
  const ctxHi = Number(BigInt.asIntN(32, ctx >> 32n));
  const once = (): number => {
    vm.reset();
    vm.setRegHalves(1, ctxLo, ctxHi);
    execute(vm);
    return vm.steps;
  };
  const insnsPerRun = once();
  for (let i = 0; i < runs; i++) once(); // warm-up: let V8 optimise the hot loop
  const perRun: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) once();
    perRun.push(Number(process.hrtime.bigint() - start) / runs);
  }
  const nsPerRun = median(perRun);
  return { nsPerRun, nsPerInsn: nsPerRun / insnsPerRun, insnsPerRun };
}

function measureKernel(compiled: CompiledProgram, packet: Uint8Array, repeat: number): number {
  const loaded = new LoadedProgram(compiled);
  try {
    return median(Array.from({ length: ROUNDS }, () => loaded.run(packet, repeat).durationNs));
  } finally {
    loaded.unload();
  }
}

function jitEnabled(): string {
  try {
    return readFileSync('/proc/sys/net/core/bpf_jit_enable', 'utf8').trim() === '0' ? 'interpreter' : 'JIT';
  } catch {
    return 'unknown';
  }
}

function main(): void {
  const reason = kernelUnavailableReason();
  // compileSource adds vm-programs/ to the include path, where common.h lives.
  const loopSource = readFileSync(fileURLToPath(new URL('bench_loop.c', import.meta.url)), 'utf8');
  const benches = [
    {
      label: 'packet parser (xdp_parse, IPv4/UDP)',
      compiled: compileProgram('xdp_parse'),
      runs: 200_000,
      repeat: 1_000_000,
    },
    {
      label: 'loop-heavy (bench_loop, 1024 iterations)',
      compiled: compileSource('bench_loop', loopSource),
      runs: 2_000,
      repeat: 10_000,
    },
  ];
  const packet = PACKETS['ipv4-udp-dns']!;
  console.log(`rounds: ${ROUNDS} (medians); kernel: ${reason ?? `Linux BPF_PROG_TEST_RUN (${jitEnabled()})`}`);
  // Both sides share the CPU with whatever else runs; a busy machine inflates the interpreter more.
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs\n`,
  );
  for (const b of benches) {
    const ours = measureOurs(b.compiled, packet, b.runs);
    const kernel = reason === null ? measureKernel(b.compiled, packet, b.repeat) : null;
    console.log(b.label);
    console.log(`  instructions per run: ${ours.insnsPerRun}`);
    console.log(`  interpreter: ${ours.nsPerRun.toFixed(1)} ns/run, ${ours.nsPerInsn.toFixed(2)} ns/insn`);
    if (kernel === null) console.log(`  kernel: skipped (${reason})`);
    else {
      console.log(`  kernel:      ${kernel} ns/run (bpftool prog run repeat ${b.repeat})`);
      console.log(`  ratio:       ${(ours.nsPerRun / Math.max(kernel, 1)).toFixed(1)}x the kernel`);
    }
    console.log('');
  }
  cleanUp();
}

main();
