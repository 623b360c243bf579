// The committed clang.wasm.br must be exactly what public/clang/manifest.json says it is,
// and the manifest must describe the build files that are in the repository now
// (change a shim => rebuild with `npm run build:clang`, which rewrites both).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

interface FileFacts {
  file: string;
  size: number;
  sha256: string;
}

interface ClangManifest {
  llvmVersion: string;
  debianSourcePackage: string;
  versionString: string | null;
  cmakeFlags: string[];
  shims: { file: string; sha256: string }[];
  wasiImports: string[];
  raw: FileFacts;
  compressed: FileFacts & { format: string };
  gzipSize: number;
  buildDate: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const clangDir = `${root}public/clang/`;
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('public/clang artifact', () => {
  let manifest: ClangManifest;
  let br: Buffer;
  let raw: Uint8Array<ArrayBuffer>;

  beforeAll(() => {
    manifest = JSON.parse(readFileSync(`${clangDir}manifest.json`, 'utf8')) as ClangManifest;
    br = readFileSync(`${clangDir}clang.wasm.br`);
    raw = new Uint8Array(brotliDecompressSync(br));
  });

  it('describes an LLVM 19.1.7 BPF-only build from the Debian source package', () => {
    expect(manifest.llvmVersion).toBe('19.1.7');
    expect(manifest.debianSourcePackage).toMatch(/^llvm-toolchain-19 1:19\.1\.7-/);
    expect(manifest.cmakeFlags).toContain('-DLLVM_TARGETS_TO_BUILD=BPF');
    expect(manifest.cmakeFlags).toContain('-DLLVM_ENABLE_THREADS=OFF');
    expect(manifest.cmakeFlags).toContain('-DCMAKE_BUILD_TYPE=MinSizeRel');
    expect(manifest.versionString).toMatch(/clang version 19\.1\.7/);
    expect(Number.isNaN(Date.parse(manifest.buildDate))).toBe(false);
  });

  it('matches the compressed file size and sha256', () => {
    expect(manifest.compressed).toMatchObject({ file: 'clang.wasm.br', format: 'br' });
    expect(br.length).toBe(manifest.compressed.size);
    expect(sha256(br)).toBe(manifest.compressed.sha256);
    // Download budget: 15 MB (the stripped module is ~54 MB; brotli -11 ~10.4 MB, gzip -9 would be ~16 MB).
    expect(br.length).toBeLessThanOrEqual(15_000_000);
  });

  it('decompresses to the raw module of the manifest', () => {
    expect(raw.length).toBe(manifest.raw.size);
    expect(sha256(raw)).toBe(manifest.raw.sha256);
    expect(WebAssembly.validate(raw)).toBe(true);
  });

  it('is a WASI preview1 command that imports only what the manifest lists', () => {
    const mod = new WebAssembly.Module(raw);
    const imports = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`);
    expect(imports).toEqual(manifest.wasiImports);
    expect(imports.every((i) => i.startsWith('wasi_snapshot_preview1.'))).toBe(true);
    const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
    expect(exports).toEqual(expect.arrayContaining(['_start', 'memory']));
  });

  it('was built from the shims and patches in wasm/ as they are now', () => {
    expect(manifest.shims.length).toBeGreaterThan(0);
    for (const shim of manifest.shims) {
      const file = `${root}${shim.file}`;
      expect(existsSync(file), shim.file).toBe(true);
      expect(sha256(readFileSync(file)), `${shim.file} changed since the artifact was built`).toBe(shim.sha256);
    }
  });
});
