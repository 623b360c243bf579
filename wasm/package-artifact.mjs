#!/usr/bin/env node
// Turns the linked clang.wasm into the committed artifact:
//   strip  -> (optional) binaryen wasm-opt -Oz -> gzip (zopfli if gzip -9 is too big)
// and writes public/clang/clang.wasm.gz + public/clang/manifest.json (provenance).
// Called by build-clang.sh (stage "package"); every option is passed from there.
import { execFileSync, spawnSync } from 'node:child_process';
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
    'gzip-limit': { type: 'string', default: String(15 * 1000 * 1000) },
    'zopfli-iterations': { type: 'string', default: '5' },
  },
});

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const run = (cmd, args) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
};
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
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

// 3. Compress. gzip is what browsers (DecompressionStream('gzip')) and Node inflate
// natively. zopfli writes the same format ~5% smaller but takes minutes.
const gzOut = path.join(opt.out, 'clang.wasm.gz');
const limit = Number(opt['gzip-limit']);
let gzBuf = zlib.gzipSync(rawBuf, { level: 9 });
let compressor = 'gzip -9 (node zlib)';
console.log(`gzip -9: ${gzBuf.length} bytes`);
if (gzBuf.length > limit && have('zopfli')) {
  run('zopfli', ['--gzip', `--i${opt['zopfli-iterations']}`, raw]); // writes <raw>.gz next to its input
  const z = fs.readFileSync(`${raw}.gz`);
  console.log(`zopfli: ${z.length} bytes`);
  if (z.length < gzBuf.length) {
    gzBuf = z;
    compressor = `zopfli --gzip --i${opt['zopfli-iterations']} (Debian zopfli ${debVersion('zopfli') ?? 'unknown'})`;
  }
  fs.rmSync(`${raw}.gz`);
}
fs.writeFileSync(gzOut, gzBuf);
if (!zlib.gunzipSync(gzBuf).equals(rawBuf)) {
  console.error('gzip round trip failed');
  process.exit(1);
}

// Brotli size for the record (the artifact itself stays gzip).
let brotliSize = null;
if (have('brotli')) {
  run('brotli', ['-q', '11', '-f', '-o', `${raw}.br`, raw]);
  brotliSize = fs.statSync(`${raw}.br`).size;
  fs.rmSync(`${raw}.br`);
}

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
  gzip: { file: 'clang.wasm.gz', size: gzBuf.length, sha256: sha256(gzBuf) },
  brotliSize,
  buildDate: new Date().toISOString(),
};

function execVersionString() {
  const r = runWasi(new WebAssembly.Module(rawBuf), ['clang', '--version'], {});
  return r.stdout.split('\n')[0];
}

fs.writeFileSync(path.join(opt.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`raw ${rawBuf.length}  gzip ${gzBuf.length}  brotli ${brotliSize}`);
