/** Builds fixtures/wasi-probe.c with clang-19 --target=wasm32-wasi once per process (see wasi-layer.test.ts). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLANG19, HAS_WASI_LIBC, scratch } from './toolchain';

export const CAN_BUILD_PROBE = CLANG19 !== null && HAS_WASI_LIBC;
export const PROBE_MISSING =
  'needs clang-19 and wasi-libc (apt-get install clang-19 wasi-libc libclang-rt-19-dev-wasm32)';

let bytes: Uint8Array | null = null;

export function probeWasm(): Uint8Array {
  if (bytes === null) {
    const out = join(scratch(), 'probe.wasm');
    execFileSync(CLANG19!, [
      '--target=wasm32-wasi',
      '-O1',
      '-Wno-infinite-recursion',
      join(import.meta.dirname, 'fixtures', 'wasi-probe.c'),
      '-o',
      out,
    ]);
    bytes = new Uint8Array(readFileSync(out));
  }
  return bytes;
}
