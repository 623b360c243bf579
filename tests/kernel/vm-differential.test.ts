/**
 * Kernel-differential tests: each program in vm-programs/ is compiled with native clang-19, run
 * by Linux with BPF_PROG_TEST_RUN on every test frame, and run by our interpreter on the same
 * frame. Return values and packets out must be identical.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testRun } from '../../src/bpf/programs';
import { prepareProgram } from '../../src/bpf/vm';
import { cleanUp, compileProgram, kernelUnavailableReason, LoadedProgram, PROGRAMS_DIR } from './vm-kernel';
import { PACKETS } from './vm-packets';

const reason = kernelUnavailableReason();
if (reason) console.warn(`SKIPPING kernel-differential VM tests: ${reason}`);

const PROGRAMS = readdirSync(PROGRAMS_DIR)
  .filter((f) => f.endsWith('.c'))
  .map((f) => f.slice(0, -2))
  .sort();

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe.skipIf(reason !== null)('interpreter vs Linux BPF_PROG_TEST_RUN', () => {
  afterAll(cleanUp);
  it('has at least 15 programs', () => expect(PROGRAMS.length).toBeGreaterThanOrEqual(15));

  for (const name of PROGRAMS) {
    it(name, () => {
      const compiled = compileProgram(name);
      const prepared = prepareProgram(compiled.code);
      const loaded = new LoadedProgram(compiled);
      try {
        const compared: string[] = [];
        for (const [packetName, packet] of Object.entries(PACKETS)) {
          // test_run refuses skbs shorter than an Ethernet header; compare only what the kernel runs.
          if (compiled.type !== 'xdp' && packet.length < 14) continue;
          const kernel = loaded.run(packet);
          const ours = testRun(prepared, compiled.type, packet);
          if (!ours.ok) throw new Error(`${packetName}: ${ours.fault.message}`);
          expect({ packet: packetName, retval: Number(ours.retval), out: hex(ours.packetOut) }).toEqual({
            packet: packetName,
            retval: kernel.retval,
            out: hex(kernel.dataOut),
          });
          compared.push(packetName);
        }
        expect(compared.length).toBeGreaterThan(5);
      } finally {
        loaded.unload();
      }
    });
  }
});
