/**
 * The real kernel as the reference: compile C with native clang-19, load it with bpftool, run it
 * with BPF_PROG_TEST_RUN (`bpftool prog run`), and run the same object in our interpreter.
 * Node-only test support; tests skip loudly when the kernel or the tools are unavailable.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadObject } from '../../src/bpf/object';
import { packetTypeOfSection, type PacketProgramType } from '../../src/bpf/programs';

export const PROGRAMS_DIR = fileURLToPath(new URL('vm-programs', import.meta.url));
const WORK = join(tmpdir(), `ebpf-playground-vm-${process.pid}`);
const PIN_DIR = '/sys/fs/bpf';
let pinCounter = 0;

const works = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** Why the kernel tests cannot run here, or null when they can. */
export function kernelUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (BPF_PROG_TEST_RUN needs CAP_BPF/CAP_SYS_ADMIN)';
  if (!works('clang-19', ['--version'])) return 'clang-19 not installed';
  if (!works('bpftool', ['version'])) return 'bpftool not installed';
  if (!existsSync(PIN_DIR)) return `${PIN_DIR} (bpffs) not mounted`;
  return null;
}

export interface CompiledProgram {
  readonly name: string;
  readonly objPath: string;
  /** Linked instructions of the object's first program (subprograms appended, calls relocated). */
  readonly code: Uint8Array;
  readonly type: PacketProgramType;
}

/** clang-19 -O2 -target bpf on tests/kernel/vm-programs/NAME.c. */
export const compileProgram = (name: string, mcpu = 'v4'): CompiledProgram =>
  compileFile(name, join(PROGRAMS_DIR, `${name}.c`), mcpu);

/** Compiles C text (it may #include "common.h" from vm-programs/). */
export function compileSource(name: string, source: string, mcpu = 'v4'): CompiledProgram {
  mkdirSync(WORK, { recursive: true });
  const path = join(WORK, `${name}.c`);
  writeFileSync(path, source);
  return compileFile(name, path, mcpu);
}

/** Removes the scratch directory (objects, packets). */
export function cleanUp(): void {
  rmSync(WORK, { recursive: true, force: true });
}

function compileFile(name: string, path: string, mcpu: string): CompiledProgram {
  mkdirSync(WORK, { recursive: true });
  const objPath = join(WORK, `${name}.o`);
  const arch = execFileSync('uname', ['-m']).toString().trim();
  execFileSync('clang-19', [
    '-O2',
    '-target',
    'bpf',
    `-mcpu=${mcpu}`,
    `-I/usr/include/${arch}-linux-gnu`,
    `-I${PROGRAMS_DIR}`,
    '-c',
    path,
    '-o',
    objPath,
  ]);
  const program = loadObject(readFileSync(objPath)).programs[0];
  if (!program) throw new Error(`${name}.c has no program section`);
  const type = packetTypeOfSection(program.sectionName);
  if (!type) throw new Error(`${name}.c: section '${program.sectionName}' is not a packet program type`);
  return { name, objPath, code: program.code, type };
}

export interface KernelRun {
  readonly retval: number;
  readonly durationNs: number;
  readonly dataOut: Uint8Array;
}

/** The kernel's verifier (or libbpf) refused the program. */
export class KernelRejected extends Error {
  constructor(
    name: string,
    readonly log: string,
  ) {
    super(`bpftool prog load ${name} failed:\n${log}`);
    this.name = 'KernelRejected';
  }
}

/** A program loaded into the kernel and pinned; run() is BPF_PROG_TEST_RUN through bpftool. */
export class LoadedProgram {
  private readonly pin: string;

  constructor(readonly compiled: CompiledProgram) {
    this.pin = join(PIN_DIR, `ebpf_pg_vm_${process.pid}_${pinCounter++}`);
    const r = spawnSync('bpftool', ['prog', 'load', compiled.objPath, this.pin], { encoding: 'utf8' });
    if (r.status !== 0) throw new KernelRejected(compiled.name, r.stderr);
  }

  run(packet: Uint8Array, repeat = 1): KernelRun {
    const input = join(WORK, 'in.bin');
    const output = join(WORK, 'out.bin');
    // Objects compiled elsewhere (the kernel-diff corpus) never created the scratch directory.
    mkdirSync(WORK, { recursive: true });
    writeFileSync(input, packet);
    rmSync(output, { force: true });
    const args = [
      '-j',
      'prog',
      'run',
      'pinned',
      this.pin,
      'data_in',
      input,
      'data_out',
      output,
      'repeat',
      String(repeat),
    ];
    const r = spawnSync('bpftool', args, { encoding: 'utf8' });
    const json = JSON.parse(r.stdout || '{}') as { retval?: number; duration?: number; error?: string };
    if (r.status !== 0 || json.retval === undefined) throw new Error(`bpftool prog run: ${json.error ?? r.stderr}`);
    return {
      retval: json.retval >>> 0,
      durationNs: json.duration ?? 0,
      dataOut: existsSync(output) ? new Uint8Array(readFileSync(output)) : new Uint8Array(),
    };
  }

  unload(): void {
    rmSync(this.pin, { force: true });
  }
}
