/**
 * The compiler worker's brotli decoder for browsers whose DecompressionStream lacks 'brotli':
 * brotli-dec-wasm (Rust's brotli-decompressor, ~200 KB of WebAssembly, MIT/Apache-2.0). Its .wasm
 * is a Vite asset of our own build, fetched from our origin (and precached by the offline service
 * worker) only when the fallback is actually needed.
 */
import initBrotli, { BrotliDecStream } from 'brotli-dec-wasm/web';
import brotliWasmUrl from 'brotli-dec-wasm/web/bg.wasm?url';
import { brotliDecodeStream } from './brotli-stream';
import type { DecoderFactory } from './decompress';

let ready: Promise<unknown> | null = null;

export const wasmBrotliDecoder: DecoderFactory = async (format) => {
  if (format !== 'br') return null;
  ready ??= initBrotli({ module_or_path: brotliWasmUrl }).catch((e: unknown) => {
    ready = null; // let the next load retry
    throw e;
  });
  await ready;
  return brotliDecodeStream(new BrotliDecStream());
};
