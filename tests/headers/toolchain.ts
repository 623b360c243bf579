/**
 * Native toolchain access for the header tests: clang-19 for the BPF target, the playground's include root, and
 * a view of Debian's real headers (linux-libc-dev + libbpf-dev) that contains only the kernel/libbpf directories,
 * so that the C library's headers (which do not support -target bpf) stay off the search path on both sides.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HEADERS_DISK_DIR } from '../../src/compiler/headers/node-headers';

export const OURS_DIR = HEADERS_DISK_DIR;

/** The clang-19 binary (override with $CLANG19), or null when it is not installed. */
export const CLANG: string | null = (() => {
  const candidate = process.env.CLANG19 ?? 'clang-19';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && /clang version 19\./.test(probe.stdout) ? candidate : null;
})();

/** Directories of Debian's headers that the view links to. */
const DEBIAN_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['linux', '/usr/include/linux'],
  ['asm-generic', '/usr/include/asm-generic'],
  ['asm', '/usr/include/x86_64-linux-gnu/asm'],
  ['bpf', '/usr/include/bpf'],
];

export const DEBIAN_MISSING: string[] = DEBIAN_PARTS.map(([, dir]) => dir).filter(
  (dir) => !existsSync(dir) || (dir.endsWith('/bpf') && !existsSync(join(dir, 'bpf_helper_defs.h'))),
);

let work: string | null = null;

/** A per-process scratch directory, removed at exit. */
export function scratch(): string {
  if (!work) {
    const dir = mkdtempSync(join(tmpdir(), 'ebpf-headers-'));
    work = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return work;
}

let debianDir: string | null = null;

/** An include root holding only linux/, asm/, asm-generic/ and bpf/ from Debian's packages. */
export function debianIncludeDir(): string {
  if (!debianDir) {
    const dir = join(scratch(), 'debian-include');
    mkdirSync(dir, { recursive: true });
    for (const [name, target] of DEBIAN_PARTS) symlinkSync(target, join(dir, name));
    // Debian's <linux/icmp.h> includes <linux/if.h>, which includes the C library's <sys/socket.h> for struct
    // sockaddr; glibc's headers cannot be used with -target bpf, so the view gets a one-struct stand-in.
    mkdirSync(join(dir, 'sys'));
    writeFileSync(
      join(dir, 'sys', 'socket.h'),
      '#ifndef _SYS_SOCKET_H\n#define _SYS_SOCKET_H\nstruct sockaddr { unsigned short sa_family; char sa_data[14]; };\n#endif\n',
    );
    debianDir = dir;
  }
  return debianDir;
}

export interface CompileResult {
  ok: boolean;
  status: number | null;
  stderr: string;
  stdout: string;
  /** The object file, when compiling with -c succeeded. */
  object: Uint8Array | null;
}

let counter = 0;

/**
 * Runs clang-19 -target bpf -nostdlibinc -isystem <includeDir> on `source` (written to a scratch file called
 * `name`), with `args` (e.g. ['-O2', '-g', '-c']). An output object is requested when args contain -c.
 */
export function clang(source: string, includeDir: string, args: readonly string[], name = 'probe.c'): CompileResult {
  if (!CLANG) throw new Error('clang-19 is not installed');
  const dir = join(scratch(), `c${counter++}`);
  mkdirSync(dir);
  // Relative names, so that the objects' FILE symbols do not depend on the scratch directory.
  writeFileSync(join(dir, name), source);
  const out = join(dir, 'out.o');
  const wantsObject = args.includes('-c');
  const result = spawnSync(
    CLANG,
    ['-target', 'bpf', '-nostdlibinc', '-isystem', includeDir, ...args, name, ...(wantsObject ? ['-o', 'out.o'] : [])],
    { encoding: 'utf8', maxBuffer: 1 << 30, cwd: dir },
  );
  const ok = result.status === 0;
  return {
    ok,
    status: result.status,
    stderr: result.stderr,
    stdout: result.stdout,
    object: ok && wantsObject ? new Uint8Array(readFileSync(out)) : null,
  };
}

/** Warning and error lines of a clang diagnostic output (notes and source excerpts dropped). */
export function diagnostics(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /: (warning|error|fatal error): /.test(line));
}
