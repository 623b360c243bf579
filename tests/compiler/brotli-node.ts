// brotli-dec-wasm initialised from node_modules, so Node tests drive the very decoder the
// compiler worker falls back to in browsers without DecompressionStream('brotli').
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BrotliDecStream, initSync } from 'brotli-dec-wasm/web';
import { brotliDecodeStream } from '../../src/compiler/brotli-stream';
import type { DecoderFactory } from '../../src/compiler/decompress';

let initialised = false;

export function newWasmBrotliDecoder(): BrotliDecStream {
  if (!initialised) {
    const wasmPath = createRequire(import.meta.url).resolve('brotli-dec-wasm/web/bg.wasm');
    initSync({ module: readFileSync(wasmPath) });
    initialised = true;
  }
  return new BrotliDecStream();
}

/** The DecoderFactory the worker uses, minus the fetch of the decoder's .wasm. */
export const nodeWasmBrotliDecoder: DecoderFactory = async (format) =>
  format === 'br' ? brotliDecodeStream(newWasmBrotliDecoder()) : null;
