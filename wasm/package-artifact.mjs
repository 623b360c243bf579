#!/usr/bin/env node
// Turns the linked clang.wasm into the committed artifact:
//   strip  -> (optional) binaryen wasm-opt -Oz -> brotli (quality 11, 16 MiB window)
// and writes public/clang/clang.wasm.br + public/clang/manifest.json (provenance).
// Called by build-clang.sh (stage "package"); every option is passed from there.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { runWasi } from './wasi-run.mjs';

const { values: opt } = parseArgs({
  options: {
    unstripped: { type: 'string' },
    raw: { type: 'string' },
    out: { type: 'string' },
    'wasm-opt': { type: 'string', default: '0' },
    'llvm-version': { type: 'string' },
    'debian-version': { type: 'string' },
    'flags-file': { type: 'string' },
    'size-limit': { type: 'string', default: String(15 * 1000 * 1000) },
  },
});

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const run = (cmd, args) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
};
const toolVersion = (cmd, args = ['--version']) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return null;
  }
};
const debVersion = (pkg) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  } catch {
    return null;
  }
};

const raw = opt.raw;
fs.mkdirSync(opt.out, { recursive: true });

// 1. Strip: the debug and name sections are over a third of the module and only help a debugger.
run('llvm-strip-19', ['--strip-all', opt.unstripped, '-o', raw]);
const steps = ['llvm-strip-19 --strip-all'];

// 2. Optional: binaryen's wasm-opt -Oz (npm package "binaryen", run through npx). It reads
// the unstripped module so that it can see the target_features section (which tells it
// which wasm features the module already uses); the result is stripped afterwards.
const BINARYEN = 'binaryen@132.0.0';
if (opt['wasm-opt'] === '1') {
  const optimised = `${raw}.opt`;
  run('npx', ['--yes', '-p', BINARYEN, 'wasm-opt', '-Oz', '--strip-debug', opt.unstripped, '-o', optimised]);
  run('llvm-strip-19', ['--strip-all', optimised]);
  if (fs.statSync(optimised).size < fs.statSync(raw).size) {
    fs.renameSync(optimised, raw);
    steps.unshift(`${BINARYEN} wasm-opt -Oz --strip-debug`);
  } else {
    fs.rmSync(optimised);
    console.log('wasm-opt did not shrink the module; keeping the stripped one');
  }
}

const rawBuf = fs.readFileSync(raw);
if (!WebAssembly.validate(rawBuf)) {
  console.error('stripped module does not validate');
  process.exit(1);
}

// 3. Compress. Brotli at quality 11 with a 16 MiB window (the largest standard one) is ~10.4 MB,
// against ~15.3 MB for even zopfli'd gzip. Browsers decode it with DecompressionStream('brotli')
// or, where that is missing, with the small brotli-dec-wasm decoder (src/compiler/brotli-wasm.ts);
// Node with zlib. It takes about 2-3 minutes.
const BROTLI = { quality: 11, lgwin: 24 };
const brOut = path.join(opt.out, 'clang.wasm.br');
const brBuf = zlib.brotliCompressSync(rawBuf, {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI.quality,
    [zlib.constants.BROTLI_PARAM_LGWIN]: BROTLI.lgwin,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: rawBuf.length,
  },
});
if (!zlib.brotliDecompressSync(brBuf).equals(rawBuf)) {
  console.error('brotli round trip failed');
  process.exit(1);
}
if (brBuf.length > Number(opt['size-limit'])) {
  console.error(`clang.wasm.br is ${brBuf.length} bytes, over the limit of ${opt['size-limit']}`);
  process.exit(1);
}
fs.writeFileSync(brOut, brBuf);
// Artifacts before the switch to brotli were gzip: never leave one next to the new file.
fs.rmSync(path.join(opt.out, 'clang.wasm.gz'), { force: true });
const compressor = `node ${process.version} zlib brotli (quality ${BROTLI.quality}, lgwin ${BROTLI.lgwin})`;
// gzip -9 size for the record: what the artifact would weigh without brotli.
const gzipSize = zlib.gzipSync(rawBuf, { level: 9 }).length;

const flags = fs.readFileSync(opt['flags-file'], 'utf8').split('\n').filter(Boolean);
const shimRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname));
const listFiles = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(shimRoot, path.join(d.parentPath ?? d.path, d.name)))
    .sort();
const shimFiles = [
  ...listFiles(path.join(shimRoot, 'shims')),
  ...listFiles(path.join(shimRoot, 'patches')),
  ...listFiles(path.join(shimRoot, 'cmake')),
].map((f) => ({ file: `wasm/${f}`, sha256: sha256(fs.readFileSync(path.join(shimRoot, f))) }));

const manifest = {
  name: 'clang',
  description: 'clang (BPF backend only) for wasm32-wasi (WASI preview1), built by wasm/build-clang.sh',
  llvmVersion: opt['llvm-version'],
  debianSourcePackage: `llvm-toolchain-19 ${opt['debian-version']}`,
  debianSourceFile: `llvm-toolchain-19_${opt['llvm-version']}.orig.tar.xz (unpatched; Debian's patches are not applied)`,
  versionString: execVersionString(),
  toolchain: {
    'clang-19': debVersion('clang-19'),
    'lld-19': debVersion('lld-19'),
    'wasi-libc': debVersion('wasi-libc'),
    'libc++-19-dev-wasm32': debVersion('libc++-19-dev-wasm32'),
    'libc++abi-19-dev-wasm32': debVersion('libc++abi-19-dev-wasm32'),
    'libclang-rt-19-dev-wasm32': debVersion('libclang-rt-19-dev-wasm32'),
    cmake: toolVersion('cmake'),
    ninja: toolVersion('ninja'),
  },
  cmakeFlags: flags,
  nativeTablegens: ['llvm-tblgen', 'clang-tblgen', 'llvm-min-tblgen'],
  shims: shimFiles,
  postProcessing: steps,
  compressor,
  wasiImports: WebAssembly.Module.imports(new WebAssembly.Module(rawBuf)).map((i) => `${i.module}.${i.name}`),
  raw: { file: 'clang.wasm (not committed)', size: rawBuf.length, sha256: sha256(rawBuf) },
  compressed: { file: 'clang.wasm.br', format: 'br', size: brBuf.length, sha256: sha256(brBuf) },
  gzipSize,
  buildDate: new Date().toISOString(),
};

function execVersionString() {
  const r = runWasi(new WebAssembly.Module(rawBuf), ['clang', '--version'], {});
  return r.stdout.split('\n')[0];
}

fs.writeFileSync(path.join(opt.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`raw ${rawBuf.length}  brotli ${brBuf.length}  (gzip -9 would be ${gzipSize})`);
