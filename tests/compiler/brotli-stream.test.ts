// The brotli fallback of the compiler worker (brotli-dec-wasm through brotli-stream.ts): whatever the
// chunking of the input, it must reproduce what zlib compressed, and refuse corrupt, truncated or
// over-long input instead of handing half a module to the WebAssembly compiler.
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliDecodeStream } from '../../src/compiler/brotli-stream';
import { compileArtifact, nativeDecompressor } from '../../src/compiler/decompress';
import { newWasmBrotliDecoder, nodeWasmBrotliDecoder } from './brotli-node';
import { CAN_BUILD_PROBE, PROBE_MISSING, probeWasm } from './probe';
import { skipLoudly } from './toolchain';

const brotli = (data: Uint8Array) =>
  new Uint8Array(brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));

/** Feeds `input` in pieces of `step` bytes through the decoder and collects the output. */
async function decode(input: Uint8Array, step: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < input.length; at += step) chunks.push(input.slice(at, at + step));
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  return new Uint8Array(
    await new Response(source.pipeThrough(brotliDecodeStream(newWasmBrotliDecoder()))).arrayBuffer(),
  );
}

/** Compressible but not trivial: 3 MB of text-like bytes, so output comes in several 1 MiB steps. */
function sample(): Uint8Array {
  const words = ['bpf', 'map', 'lookup', 'xdp', 'verifier', 'r0', 'r1', '= *(u32 *)', 'exit', '\n'];
  const out = new Uint8Array(3 * 1024 * 1024);
  const noise = randomBytes(out.length);
  let at = 0;
  while (at < out.length) {
    const w = words[noise[at]! % words.length]!;
    for (let i = 0; i < w.length && at < out.length; i++) out[at++] = w.charCodeAt(i);
  }
  return out;
}

describe('brotli fallback decoder', () => {
  const plain = sample();
  const packed = brotli(plain);

  it('decodes the same bytes whatever the input chunking', async () => {
    for (const step of [1 << 20, 64 * 1024, 4093, packed.length]) {
      const out = await decode(packed, step);
      expect(out.length, `step ${step}`).toBe(plain.length);
      expect(Buffer.from(out).equals(Buffer.from(plain)), `step ${step}`).toBe(true);
    }
  });

  it('decodes incompressible data and an empty stream', async () => {
    const random = new Uint8Array(randomBytes(300_000));
    expect(Buffer.from(await decode(brotli(random), 10_000)).equals(Buffer.from(random))).toBe(true);
    expect((await decode(brotli(new Uint8Array(0)), 16)).length).toBe(0);
  });

  it('refuses truncated, corrupt and over-long input', async () => {
    await expect(decode(packed.slice(0, packed.length - 100), 8192)).rejects.toThrow(/ends early/);
    const corrupt = packed.slice();
    for (let i = 10; i < 200; i++) corrupt[i] = 0xff;
    await expect(decode(corrupt, 8192)).rejects.toThrow();
    const longer = new Uint8Array([...brotli(new Uint8Array([1, 2, 3])), 7, 7, 7]);
    await expect(decode(longer, 2)).rejects.toThrow(/after the end/);
  });
});

describe.skipIf(skipLoudly('brotli compileArtifact', CAN_BUILD_PROBE, PROBE_MISSING))(
  'compileArtifact with a brotli artifact',
  () => {
    it('compiles through the fallback decoder when the platform has no DecompressionStream("brotli")', async () => {
      const wasm = probeWasm();
      const packed = brotli(wasm) as Uint8Array<ArrayBuffer>;
      expect(nativeDecompressor('br')).toBeNull(); // Node 20: gzip and deflate only
      const module = await compileArtifact(packed, 'br', nodeWasmBrotliDecoder);
      expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain('_start');
      await expect(compileArtifact(packed, 'br')).rejects.toThrow(/cannot decode brotli/);
    });
  },
);
