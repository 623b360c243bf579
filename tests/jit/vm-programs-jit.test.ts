/**
 * The VM kernel-differential programs (tests/kernel/vm-programs) with the JIT: on every test frame
 * the JIT must match the interpreter (needs clang-19) and Linux's BPF_PROG_TEST_RUN (needs root
 * and bpf(); skipped loudly otherwise).
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { testRun } from '../../src/bpf/programs';
import { prepareProgram } from '../../src/bpf/vm';
import { cleanUp, compileProgram, kernelUnavailableReason, LoadedProgram, PROGRAMS_DIR } from '../kernel/vm-kernel';
import { PACKETS } from '../kernel/vm-packets';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
const reason = kernelUnavailableReason();
if (!hasClang) console.warn('SKIPPING JIT vm-program tests: clang-19 is not installed');
else if (reason)
  console.warn(`JIT vm-program tests: kernel comparison SKIPPED (${reason}); interpreter comparison runs`);

const PROGRAMS = readdirSync(PROGRAMS_DIR)
  .filter((f) => f.endsWith('.c'))
  .map((f) => f.slice(0, -2))
  .sort();

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe.skipIf(!hasClang)('JIT on the VM kernel-differential programs', () => {
  afterAll(cleanUp);

  for (const name of PROGRAMS) {
    it(name, () => {
      const compiled = compileProgram(name);
      const prepared = prepareProgram(compiled.code);
      const loaded = reason === null ? new LoadedProgram(compiled) : null;
      try {
        let compared = 0;
        for (const [packetName, packet] of Object.entries(PACKETS)) {
          if (compiled.type !== 'xdp' && packet.length < 14) continue;
          const interp = testRun(prepared, compiled.type, packet);
          const jit = testRun(prepared, compiled.type, packet, {}, 'jit');
          if (!jit.ok) throw new Error(`${packetName}: ${jit.fault.message}`);
          expect(jit, packetName).toEqual(interp);
          if (loaded) {
            const kernel = loaded.run(packet);
            expect({ packet: packetName, retval: Number(jit.retval), out: hex(jit.packetOut) }).toEqual({
              packet: packetName,
              retval: kernel.retval,
              out: hex(kernel.dataOut),
            });
          }
          compared++;
        }
        expect(compared).toBeGreaterThan(5);
      } finally {
        loaded?.unload();
      }
    });
  }
});
