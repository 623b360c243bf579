/**
 * A minimal WebAssembly binary encoder: just what the JIT emits (one imported memory, imported
 * functions, one exported function). Instructions are appended to a byte list by name so the
 * translator reads like the text format.
 */

export const I32 = 0x7f;
export const I64 = 0x7e;
export const BLOCK_VOID = 0x40;

/** Opcodes used by the JIT (WebAssembly core spec, section 5.4). */
export const Op = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  br_table: 0x0e,
  return: 0x0f,
  call: 0x10,
  drop: 0x1a,
  local_get: 0x20,
  local_set: 0x21,
  local_tee: 0x22,
  i32_load: 0x28,
  i32_load8_u: 0x2d,
  i64_load: 0x29,
  i64_load8_s: 0x30,
  i64_load8_u: 0x31,
  i64_load16_s: 0x32,
  i64_load16_u: 0x33,
  i64_load32_s: 0x34,
  i64_load32_u: 0x35,
  i32_store: 0x36,
  i64_store: 0x37,
  i64_store8: 0x3c,
  i64_store16: 0x3d,
  i64_store32: 0x3e,
  i32_const: 0x41,
  i64_const: 0x42,
  i32_eqz: 0x45,
  i32_eq: 0x46,
  i32_ne: 0x47,
  i32_lt_s: 0x48,
  i32_lt_u: 0x49,
  i32_gt_s: 0x4a,
  i32_gt_u: 0x4b,
  i32_le_s: 0x4c,
  i32_le_u: 0x4d,
  i32_ge_s: 0x4e,
  i32_ge_u: 0x4f,
  i64_eqz: 0x50,
  i64_eq: 0x51,
  i64_ne: 0x52,
  i64_lt_s: 0x53,
  i64_lt_u: 0x54,
  i64_gt_s: 0x55,
  i64_gt_u: 0x56,
  i64_le_s: 0x57,
  i64_le_u: 0x58,
  i64_ge_s: 0x59,
  i64_ge_u: 0x5a,
  i32_add: 0x6a,
  i32_sub: 0x6b,
  i32_mul: 0x6c,
  i32_div_s: 0x6d,
  i32_div_u: 0x6e,
  i32_rem_s: 0x6f,
  i32_rem_u: 0x70,
  i32_and: 0x71,
  i32_or: 0x72,
  i32_xor: 0x73,
  i32_shl: 0x74,
  i32_shr_s: 0x75,
  i32_shr_u: 0x76,
  i32_rotl: 0x77,
  i32_rotr: 0x78,
  i64_add: 0x7c,
  i64_sub: 0x7d,
  i64_mul: 0x7e,
  i64_div_s: 0x7f,
  i64_div_u: 0x80,
  i64_rem_s: 0x81,
  i64_rem_u: 0x82,
  i64_and: 0x83,
  i64_or: 0x84,
  i64_xor: 0x85,
  i64_shl: 0x86,
  i64_shr_s: 0x87,
  i64_shr_u: 0x88,
  i32_wrap_i64: 0xa7,
  i64_extend_i32_s: 0xac,
  i64_extend_i32_u: 0xad,
  i32_extend8_s: 0xc0,
  i32_extend16_s: 0xc1,
  i64_extend8_s: 0xc2,
  i64_extend16_s: 0xc3,
  i64_extend32_s: 0xc4,
} as const;

export function uleb(out: number[], value: number): void {
  let v = value >>> 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>>= 7;
    if (v === 0) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

export function sleb(out: number[], value: bigint): void {
  let v = value;
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const signBit = (byte & 0x40) !== 0;
    if ((v === 0n && !signBit) || (v === -1n && signBit)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

/** One function body under construction. */
export class Code {
  readonly bytes: number[] = [];

  op(code: number): this {
    this.bytes.push(code);
    return this;
  }

  get(local: number): this {
    this.bytes.push(Op.local_get);
    uleb(this.bytes, local);
    return this;
  }

  set(local: number): this {
    this.bytes.push(Op.local_set);
    uleb(this.bytes, local);
    return this;
  }

  tee(local: number): this {
    this.bytes.push(Op.local_tee);
    uleb(this.bytes, local);
    return this;
  }

  i32(value: number): this {
    this.bytes.push(Op.i32_const);
    sleb(this.bytes, BigInt(value | 0));
    return this;
  }

  i64(value: bigint): this {
    this.bytes.push(Op.i64_const);
    sleb(this.bytes, BigInt.asIntN(64, value));
    return this;
  }

  /** A load or store with its natural alignment hint and a constant offset. */
  mem(code: number, offset: number, alignLog2: number): this {
    this.bytes.push(code);
    uleb(this.bytes, alignLog2);
    uleb(this.bytes, offset);
    return this;
  }

  br(code: typeof Op.br | typeof Op.br_if, depth: number): this {
    this.bytes.push(code);
    uleb(this.bytes, depth);
    return this;
  }

  brTable(targets: readonly number[], fallback: number): this {
    this.bytes.push(Op.br_table);
    uleb(this.bytes, targets.length);
    for (const t of targets) uleb(this.bytes, t);
    uleb(this.bytes, fallback);
    return this;
  }

  block(code: typeof Op.block | typeof Op.loop | typeof Op.if, type = BLOCK_VOID): this {
    this.bytes.push(code, type);
    return this;
  }

  call(index: number): this {
    this.bytes.push(Op.call);
    uleb(this.bytes, index);
    return this;
  }

  /** memory.fill on memory 0: [dest, value, length] are on the stack. */
  memoryFill(): this {
    this.bytes.push(0xfc, 0x0b, 0x00);
    return this;
  }
}

const name = (out: number[], text: string): void => {
  uleb(out, text.length);
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
};

function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  for (const b of body) out.push(b);
}

export interface FuncType {
  readonly params: readonly number[];
  readonly results: readonly number[];
}

export interface ModuleSpec {
  /** Imported functions ("env", name) in index order, each with its type. */
  readonly imports: readonly { readonly name: string; readonly type: FuncType }[];
  /** Minimum pages of the imported memory ("env", "memory"). */
  readonly memoryPages: number;
  /** The one defined function, exported as `exportName`. */
  readonly func: {
    readonly type: FuncType;
    readonly locals: readonly { readonly count: number; readonly type: number }[];
    readonly body: Code;
  };
  readonly exportName: string;
}

/** The binary module: types, imports, one function, its export and code. */
export function encodeModule(spec: ModuleSpec): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types = [...spec.imports.map((i) => i.type), spec.func.type];
  const typeBody: number[] = [];
  uleb(typeBody, types.length);
  for (const t of types) {
    typeBody.push(0x60);
    uleb(typeBody, t.params.length);
    typeBody.push(...t.params);
    uleb(typeBody, t.results.length);
    typeBody.push(...t.results);
  }
  section(out, 1, typeBody);

  const importBody: number[] = [];
  uleb(importBody, spec.imports.length + 1);
  name(importBody, 'env');
  name(importBody, 'memory');
  // Minimum only: a machine's memory may be larger (it holds map values too).
  importBody.push(0x02, 0x00);
  uleb(importBody, spec.memoryPages);
  spec.imports.forEach((imp, i) => {
    name(importBody, 'env');
    name(importBody, imp.name);
    importBody.push(0x00);
    uleb(importBody, i);
  });
  section(out, 2, importBody);

  const funcBody: number[] = [];
  uleb(funcBody, 1);
  uleb(funcBody, spec.imports.length);
  section(out, 3, funcBody);

  const exportBody: number[] = [];
  uleb(exportBody, 1);
  name(exportBody, spec.exportName);
  exportBody.push(0x00);
  uleb(exportBody, spec.imports.length);
  section(out, 7, exportBody);

  const body: number[] = [];
  uleb(body, spec.func.locals.length);
  for (const l of spec.func.locals) {
    uleb(body, l.count);
    body.push(l.type);
  }
  for (const b of spec.func.body.bytes) body.push(b);
  body.push(Op.end);
  const codeBody: number[] = [];
  uleb(codeBody, 1);
  uleb(codeBody, body.length);
  for (const b of body) codeBody.push(b);
  section(out, 10, codeBody);
  return Uint8Array.from(out);
}
