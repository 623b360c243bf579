/**
 * The part of the WebAssembly JS API the JIT uses, typed here because the pure core compiles
 * without the DOM lib (where TypeScript declares WebAssembly). Absent => runs use the interpreter.
 */
export interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer };
}

export function wasmApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return api === undefined ? null : api;
}
