/**
 * Runs a WASI preview1 command module (clang.wasm) once, on a fresh instance, with an in-memory
 * filesystem. A second _start on the same instance traps, so every run instantiates anew from the
 * one compiled WebAssembly.Module. Traps, stack overflows and other failures inside the module are
 * returned as `crash`, never thrown: the caller reports them as a compiler crash.
 */
import { ConsoleStdout, File, OpenFile, type PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';

export interface WasiRunOptions {
  /** argv, argv[0] included. */
  readonly args: readonly string[];
  readonly env?: readonly string[];
  /** The preopened root ("/"). */
  readonly root: PreopenDirectory;
  /** Bytes readable on stdin; default empty. */
  readonly stdin?: Uint8Array;
}

export interface WasiRunResult {
  /** null when the module crashed instead of exiting. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Why the module crashed: "unreachable", "stack overflow (…)", … or null. */
  readonly crash: string | null;
  readonly durationMs: number;
}

type CommandInstance = { exports: { memory: WebAssembly.Memory; _start: () => unknown } };

function collector(): { fd: ConsoleStdout; text(): string } {
  const chunks: Uint8Array[] = [];
  return {
    fd: new ConsoleStdout((bytes) => chunks.push(bytes.slice())),
    text() {
      let size = 0;
      for (const c of chunks) size += c.length;
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      return new TextDecoder().decode(all);
    },
  };
}

/** Describes a value thrown out of _start (other than a normal exit, which the shim handles). */
export function describeCrash(e: unknown): string {
  if (e instanceof WebAssembly.RuntimeError) return e.message === '' ? 'WebAssembly trap' : e.message;
  if (e instanceof RangeError) return `stack overflow: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export async function runWasiCommand(module: WebAssembly.Module, options: WasiRunOptions): Promise<WasiRunResult> {
  const started = performance.now();
  const stdout = collector();
  const stderr = collector();
  const stdin = new OpenFile(new File(options.stdin ?? new Uint8Array(0), { readonly: true }));
  // debug must be false explicitly: the shim logs every call to the console when it is left undefined.
  const wasi = new WASI([...options.args], [...(options.env ?? [])], [stdin, stdout.fd, stderr.fd, options.root], {
    debug: false,
  });
  let exitCode: number | null = null;
  let crash: string | null = null;
  let instance: CommandInstance | null = null;
  try {
    instance = (await WebAssembly.instantiate(module, {
      wasi_snapshot_preview1: wasi.wasiImport,
    })) as unknown as CommandInstance;
  } catch (e) {
    crash = `could not instantiate the module: ${describeCrash(e)}`;
  }
  if (instance !== null) {
    try {
      exitCode = wasi.start(instance);
    } catch (e) {
      crash = describeCrash(e);
    }
  }
  return {
    exitCode,
    stdout: stdout.text(),
    stderr: stderr.text(),
    crash,
    durationMs: performance.now() - started,
  };
}
