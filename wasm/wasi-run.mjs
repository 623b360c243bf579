// Runs a WASI preview1 command module (our clang.wasm) with Node's built-in node:wasi,
// capturing stdout/stderr. Shared by package-artifact.mjs and verify-artifact.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WASI } from 'node:wasi';

/**
 * @param {WebAssembly.Module} module compiled clang.wasm
 * @param {string[]} args argv, argv[0] included
 * @param {Record<string,string>} preopens guest path -> host path
 * @returns {{ exitCode: number, stdout: string, stderr: string }}
 */
export function runWasi(module, args, preopens) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-run-'));
  const outPath = path.join(dir, 'stdout');
  const errPath = path.join(dir, 'stderr');
  const out = fs.openSync(outPath, 'w');
  const err = fs.openSync(errPath, 'w');
  try {
    const wasi = new WASI({
      version: 'preview1',
      args,
      env: {},
      preopens,
      stdin: 0,
      stdout: out,
      stderr: err,
      returnOnExit: true,
    });
    const instance = new WebAssembly.Instance(module, wasi.getImportObject());
    const exitCode = wasi.start(instance);
    return { exitCode, stdout: fs.readFileSync(outPath, 'utf8'), stderr: fs.readFileSync(errPath, 'utf8') };
  } finally {
    fs.closeSync(out);
    fs.closeSync(err);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
