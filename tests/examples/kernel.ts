/**
 * The real kernel as the reference for accept/reject: load an object with bpftool (as root, with
 * bpffs mounted) and return libbpf's output, which includes the verifier log on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export interface KernelRun {
  readonly retval: number;
  readonly packet: string;
}

const bytesArg = (hex: string): string[] => (hex.match(/../g) ?? []).map((b) => b);

/**
 * BPF_PROG_TEST_RUN in the kernel: loads every program of the object (pinning them and their
 * maps), writes the map pre-seeds, then runs `program` on each packet in order, as our session
 * does. Returns each run's return value and output packet.
 */
export function kernelTestRun(
  object: Uint8Array,
  program: string,
  seeds: readonly { readonly map: string; readonly key: string; readonly value: string }[],
  packets: readonly Uint8Array[],
): KernelRun[] {
  const id = `${process.pid}-${n++}`;
  const file = join(scratch(), `example-${id}.o`);
  const dir = `/sys/fs/bpf/ebpf-playground-run-${id}`;
  writeFileSync(file, object);
  const tool = (...args: string[]): string => {
    const r = spawnSync('bpftool', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`bpftool ${args.join(' ')}: ${`${r.stdout}${r.stderr}`.split('\n').slice(-8).join('\n')}`); // prettier-ignore
    return `${r.stdout}${r.stderr}`;
  };
  try {
    tool('prog', 'loadall', file, dir, 'pinmaps', `${dir}/maps`);
    for (const s of seeds) {
      tool('map', 'update', 'pinned', `${dir}/maps/${s.map}`, 'key', 'hex', ...bytesArg(s.key), 'value', 'hex', ...bytesArg(s.value)); // prettier-ignore
    }
    return packets.map((p, i) => {
      const input = join(scratch(), `in-${id}-${i}.bin`);
      const output = join(scratch(), `out-${id}-${i}.bin`);
      writeFileSync(input, p);
      const out = tool('prog', 'run', 'pinned', `${dir}/${program}`, 'data_in', input, 'data_out', output, 'repeat', '1'); // prettier-ignore
      const retval = /Return value: (\d+)/.exec(out)?.[1];
      if (retval === undefined) throw new Error(`bpftool prog run printed no return value: ${out}`);
      return { retval: Number(retval), packet: readFileSync(output).toString('hex') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
