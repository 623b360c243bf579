/**
 * Compressed artifact bytes → WebAssembly.Module. The committed artifact is brotli (10 MB against
 * 15 MB of gzip). Browsers that can, decode it with DecompressionStream('brotli'); the others (Chromium
 * 156 cannot) with a streaming decoder the caller injects (the worker: brotli-wasm.ts). Either way
 * the decoded bytes stream straight into WebAssembly.compileStreaming, so decoding and compiling
 * overlap and browsers never meet a large synchronous compile.
 */
import { gunzipSync } from 'fflate';
import type { ArtifactFormat } from './manifest';

/** Bytes → bytes, chunk by chunk. */
export type ByteTransform = TransformStream<Uint8Array, Uint8Array>;

/** Makes a fresh decoder for one decode of a format the platform lacks. */
export type DecoderFactory = (format: ArtifactFormat) => Promise<ByteTransform | null>;

export const isWasm = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d;

/** The platform's own DecompressionStream for the format, or null when it has none. */
export function nativeDecompressor(format: ArtifactFormat): ByteTransform | null {
  if (typeof DecompressionStream !== 'function' || format === 'wasm') return null;
  try {
    // 'brotli' is newer than TypeScript's DOM types; constructing it is the feature test.
    return new DecompressionStream((format === 'br' ? 'brotli' : 'gzip') as CompressionFormat) as ByteTransform;
  } catch {
    return null;
  }
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Decodes and compiles. Bytes that already are WebAssembly (a raw development build, or a server
 * that decoded its own Content-Encoding) are compiled as they are.
 */
export async function compileArtifact(
  bytes: Uint8Array<ArrayBuffer>,
  format: ArtifactFormat,
  fallbackDecoder?: DecoderFactory,
): Promise<WebAssembly.Module> {
  if (isWasm(bytes)) return WebAssembly.compile(bytes);
  if (format === 'wasm') throw new Error('the artifact is not WebAssembly');
  const decoder = nativeDecompressor(format) ?? (await fallbackDecoder?.(format)) ?? null;
  if (decoder === null) {
    if (format === 'gzip') return WebAssembly.compile(gunzipSync(bytes) as Uint8Array<ArrayBuffer>);
    throw new Error('this browser cannot decode brotli (no DecompressionStream("brotli") and no decoder)');
  }
  const decoded = new Blob([bytes]).stream().pipeThrough(decoder);
  if (typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(new Response(decoded, { headers: { 'Content-Type': 'application/wasm' } }));
  }
  return WebAssembly.compile(await readStream(decoded));
}
