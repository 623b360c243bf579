/**
 * The real kernel as the reference for accept/reject: load an object with bpftool (as root, with
 * bpffs mounted) and return libbpf's output, which includes the verifier log on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../compiler/toolchain';

export const CAN_LOAD_IN_KERNEL: boolean =
  process.getuid?.() === 0 &&
  existsSync('/sys/fs/bpf') &&
  spawnSync('bpftool', ['version'], { encoding: 'utf8' }).status === 0;

let n = 0;

export function kernelLoad(object: Uint8Array): { readonly ok: boolean; readonly log: string } {
  const file = join(scratch(), `example-${n}.o`);
  const pin = `/sys/fs/bpf/ebpf-playground-example-${process.pid}-${n++}`;
  writeFileSync(file, object);
  try {
    // Verifier logs of rejected loops run to megabytes: more than spawnSync's default 1 MiB.
    const r = spawnSync('bpftool', ['prog', 'load', file, pin], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { ok: r.status === 0, log: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(pin, { force: true });
  }
}
