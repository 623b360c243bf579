/**
 * Runs BPF C programs in the real kernel for differential tests: compile with clang-19, load and
 * pin with bpftool (maps pinned next to the program), BPF_PROG_TEST_RUN on CPU 0, dump maps as
 * JSON, read bpf_printk output from a private tracefs instance (so parallel users of the global
 * trace buffer are not disturbed). Everything it creates is removed by `cleanup`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, rmdirSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TRACEFS = '/sys/kernel/tracing';

/** Why the kernel cannot be used here, or null when it can. */
export function kernelUnavailableReason(): string | null {
  if (process.getuid?.() !== 0) return 'not root';
  for (const tool of ['clang-19', 'bpftool']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      return `${tool} not installed`;
    }
  }
  if (!existsSync('/sys/fs/bpf')) return 'bpffs not mounted at /sys/fs/bpf';
  return null;
}

/** Skips loudly: the reason shows up in the test output, not just as a silent skip count. */
export function kernelOrSkip(suite: string): boolean {
  const reason = kernelUnavailableReason();
  if (reason !== null) console.warn(`\n*** SKIPPING kernel-differential suite "${suite}": ${reason} ***\n`);
  return reason === null;
}

export interface KernelRun {
  retval: number;
  /** Packet after the run (data_out). */
  packetOut: Uint8Array;
}

export class KernelProgram {
  private readonly dir: string;
  private readonly pin: string;
  private readonly object: string;

  constructor(source: string, tag: string) {
    this.dir = mkdtempSync(join(tmpdir(), `ebpf-pg-${tag}-`));
    this.pin = `/sys/fs/bpf/ebpf-pg-${tag}-${process.pid}-${Date.now()}`;
    const c = join(this.dir, 'prog.c');
    this.object = join(this.dir, 'prog.o');
    writeFileSync(c, source);
    execFileSync(
      'clang-19',
      ['-O2', '-g', '-target', 'bpf', '-I/usr/include/x86_64-linux-gnu', '-c', c, '-o', this.object],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    mkdirSync(`${this.pin}-maps`);
    try {
      execFileSync('bpftool', ['prog', 'load', this.object, this.pin, 'pinmaps', `${this.pin}-maps`], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      // A refused program leaves nothing pinned that anyone would clean up later.
      this.cleanup();
      throw error;
    }
  }

  /** One BPF_PROG_TEST_RUN, pinned to CPU 0 so per-CPU state is predictable. */
  run(packet: Uint8Array = new Uint8Array(64)): KernelRun {
    const dataIn = join(this.dir, 'in.bin');
    const dataOut = join(this.dir, 'out.bin');
    writeFileSync(dataIn, packet);
    const args = ['-c', '0', 'bpftool', 'prog', 'run', 'pinned', this.pin, 'data_in', dataIn, 'data_out', dataOut];
    const text = execFileSync('taskset', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const match = /Return value: (-?\d+)/.exec(text);
    if (match === null) throw new Error(`unexpected bpftool prog run output: ${text}`);
    return { retval: Number(match[1]), packetOut: new Uint8Array(readFileSync(dataOut)) };
  }

  /** `bpftool -j map dump` of one of the program's maps, by its name in the source. */
  dumpMap(name: string): KernelMapEntry[] {
    const text = execFileSync('bpftool', ['-j', 'map', 'dump', 'pinned', `${this.pin}-maps/${name}`], {
      encoding: 'utf8',
    });
    return (JSON.parse(text) as RawEntry[]).map(parseEntry);
  }

  cleanup(): void {
    rmSync(this.pin, { force: true });
    rmSync(`${this.pin}-maps`, { recursive: true, force: true });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface RawEntry {
  key?: string[];
  value?: string[];
  values?: { cpu: number; value: string[] }[];
}

export interface KernelMapEntry {
  key: Uint8Array;
  /** Per-CPU maps: CPU copies back to back, each padded to 8 bytes (the syscall layout). */
  value: Uint8Array;
}

function hexBytes(list: string[] | undefined): number[] {
  return (list ?? []).map((b) => parseInt(b, 16));
}

function parseEntry(raw: RawEntry): KernelMapEntry {
  if (raw.values === undefined)
    return { key: new Uint8Array(hexBytes(raw.key)), value: new Uint8Array(hexBytes(raw.value)) };
  const copies = raw.values.map((v) => hexBytes(v.value));
  const stride = ((copies[0]?.length ?? 0) + 7) & ~7;
  const value = new Uint8Array(stride * copies.length);
  copies.forEach((bytes, cpu) => value.set(bytes, cpu * stride));
  return { key: new Uint8Array(hexBytes(raw.key)), value };
}

/** A private tracefs instance that records only bpf_trace_printk events. */
export class TraceInstance {
  private readonly path: string;

  constructor(tag: string) {
    if (!existsSync(`${TRACEFS}/instances`)) execFileSync('mount', ['-t', 'tracefs', 'nodev', TRACEFS]);
    this.path = `${TRACEFS}/instances/ebpf-pg-${tag}-${process.pid}`;
    if (!existsSync(this.path)) mkdirSync(this.path);
    writeFileSync(`${this.path}/events/bpf_trace/bpf_trace_printk/enable`, '1');
    this.clear();
  }

  clear(): void {
    writeFileSync(`${this.path}/trace`, '');
  }

  /** Full trace lines (header comments removed). */
  lines(): string[] {
    return readFileSync(`${this.path}/trace`, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('#'));
  }

  /** The message part of each bpf_trace_printk line. */
  messages(): string[] {
    return this.lines().map((line) => {
      const at = line.indexOf('bpf_trace_printk: ');
      return at < 0 ? line : line.slice(at + 'bpf_trace_printk: '.length);
    });
  }

  remove(): void {
    writeFileSync(`${this.path}/events/bpf_trace/bpf_trace_printk/enable`, '0');
    rmdirSync(this.path);
  }
}
