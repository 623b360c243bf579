/**
 * A TransformStream over a push-style streaming brotli decoder (brotli-dec-wasm's BrotliDecStream),
 * for browsers whose DecompressionStream has no 'brotli'. Kept free of the package itself so Node
 * tests can drive it with the decoder initialised from disk.
 */

/** brotli-dec-wasm's result codes (BrotliStreamResultCode). */
export const BROTLI_SUCCESS = 1;
export const BROTLI_NEEDS_MORE_INPUT = 2;
export const BROTLI_NEEDS_MORE_OUTPUT = 3;

export interface BrotliStepResult {
  readonly buf: Uint8Array;
  readonly code: number;
  /** Input bytes consumed by this step. */
  readonly input_offset: number;
  free(): void;
}

export interface BrotliStreamingDecoder {
  /** Decodes from `input`, producing at most `outputSize` bytes; throws on corrupt input. */
  dec(input: Uint8Array, outputSize: number): BrotliStepResult;
  free(): void;
}

/** Each call copies its input into the decoder's memory: bounded so a big chunk is not copied over and over. */
const MAX_INPUT_STEP = 256 * 1024;
const OUTPUT_STEP = 1024 * 1024;

export function brotliDecodeStream(decoder: BrotliStreamingDecoder): TransformStream<Uint8Array, Uint8Array> {
  let finished = false;
  let freed = false;
  const release = () => {
    if (!freed) decoder.free();
    freed = true;
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      let rest = chunk;
      let code = BROTLI_NEEDS_MORE_INPUT;
      // Until this chunk is used up and no decoded output is left waiting in the decoder.
      while (rest.length > 0 || code === BROTLI_NEEDS_MORE_OUTPUT) {
        if (finished) throw new Error('brotli: data after the end of the stream');
        const step = decoder.dec(rest.subarray(0, MAX_INPUT_STEP), OUTPUT_STEP);
        const { buf, input_offset: used } = step;
        code = step.code;
        step.free();
        if (buf.length > 0) controller.enqueue(buf);
        rest = rest.subarray(used);
        if (code === BROTLI_SUCCESS) finished = true;
        else if (code !== BROTLI_NEEDS_MORE_INPUT && code !== BROTLI_NEEDS_MORE_OUTPUT) {
          throw new Error(`brotli: unexpected decoder result ${code}`);
        }
      }
    },
    flush() {
      release();
      if (!finished) throw new Error('brotli: the stream ends early (truncated download?)');
    },
  });
}
