/**
 * A small C layout engine: struct declarations written as (name, type) lists get their field
 * offsets, sizes and alignment computed with the x86-64/BPF rules clang uses (natural alignment,
 * tail padding to the struct's alignment). Writing the simulated kernel's structs this way keeps
 * offsets computed rather than hand-typed; tests compare every one with clang's offsetof over
 * the playground vmlinux.h.
 */

export type Scalar = 'u8' | 's8' | 'u16' | 's16' | 'u32' | 's32' | 'u64' | 's64' | 'ptr';

export interface Field {
  /** Dotted path through nested structs: `__sk_common.skc_daddr`. */
  readonly path: string;
  readonly offset: number;
  readonly size: number;
  /** Scalar kind of the field (of its elements, for arrays); null for a nested struct. */
  readonly scalar: Scalar | null;
  /** Element count for arrays (`char comm[16]` → 16), else null. */
  readonly length: number | null;
  /** For `struct K *` members: K (what a chain through the member reaches). */
  readonly pointee?: string;
}

export interface Layout {
  readonly name: string;
  readonly size: number;
  readonly align: number;
  /** Every member by path, nested members included, in declaration order. */
  readonly fields: ReadonlyMap<string, Field>;
  /** Paths of the top-level members only, in order. */
  readonly members: readonly string[];
}

const SCALAR_SIZE: Record<Scalar, number> = { u8: 1, s8: 1, u16: 2, s16: 2, u32: 4, s32: 4, u64: 8, s64: 8, ptr: 8 };

/** Scalar names the declarations may use; C spellings map to the kernel's fixed-width types. */
const ALIASES: Record<string, Scalar> = {
  ...Object.fromEntries(Object.keys(SCALAR_SIZE).map((k) => [k, k as Scalar])),
  char: 's8',
  int: 's32',
  long: 's64',
  ulong: 'u64',
};

/**
 * A member declaration: `u32`, `ptr`, `char[16]`, `u8[4]`, `struct in6_addr`, `struct in6_addr[2]`,
 * or `struct net_device *` (a pointer that remembers the struct it points to).
 */
export type MemberSpec = readonly [name: string, type: string];

export class LayoutRegistry {
  private readonly layouts = new Map<string, Layout>();

  get(name: string): Layout {
    const layout = this.layouts.get(name);
    if (!layout) throw new Error(`no layout for struct ${name}`);
    return layout;
  }

  has(name: string): boolean {
    return this.layouts.has(name);
  }

  all(): Layout[] {
    return [...this.layouts.values()];
  }

  /** Declares `struct name { members }` and returns its layout. */
  define(name: string, members: readonly MemberSpec[]): Layout {
    if (this.layouts.has(name)) throw new Error(`struct ${name} declared twice`);
    const fields = new Map<string, Field>();
    let offset = 0;
    let align = 1;
    for (const [member, type] of members) {
      const pointee = /^struct (\w+) \*$/.exec(type)?.[1];
      if (pointee !== undefined) {
        offset = roundUp(offset, SCALAR_SIZE.ptr);
        align = Math.max(align, SCALAR_SIZE.ptr);
        fields.set(member, { path: member, offset, size: SCALAR_SIZE.ptr, scalar: 'ptr', length: null, pointee });
        offset += SCALAR_SIZE.ptr;
        continue;
      }
      const m = /^(struct \w+|\w+)(?:\[(\d+)\])?$/.exec(type);
      if (!m?.[1]) throw new Error(`struct ${name}.${member}: bad type '${type}'`);
      const length = m[2] === undefined ? null : Number(m[2]);
      const count = length ?? 1;
      if (m[1].startsWith('struct ')) {
        const inner = this.get(m[1].slice(7));
        offset = roundUp(offset, inner.align);
        align = Math.max(align, inner.align);
        fields.set(member, { path: member, offset, size: inner.size * count, scalar: null, length });
        if (length === null)
          for (const f of inner.fields.values())
            fields.set(`${member}.${f.path}`, { ...f, path: `${member}.${f.path}`, offset: offset + f.offset });
        offset += inner.size * count;
      } else {
        const scalar = ALIASES[m[1]];
        if (!scalar) throw new Error(`struct ${name}.${member}: unknown type '${m[1]}'`);
        const size = SCALAR_SIZE[scalar];
        offset = roundUp(offset, size);
        align = Math.max(align, size);
        fields.set(member, { path: member, offset, size: size * count, scalar, length });
        offset += size * count;
      }
    }
    const layout: Layout = {
      name,
      size: roundUp(offset, align),
      align,
      fields,
      members: members.map(([member]) => member),
    };
    this.layouts.set(name, layout);
    return layout;
  }
}

const roundUp = (n: number, to: number) => Math.ceil(n / to) * to;

/** The field at `path`, or an error naming the struct (a typo in a builder fails loudly). */
export function field(layout: Layout, path: string): Field {
  const f = layout.fields.get(path);
  if (!f) throw new Error(`struct ${layout.name} has no field ${path}`);
  return f;
}

export type FieldValue = number | bigint | string | Uint8Array;

/**
 * The bytes to store for `values` (path → value): integers little-endian at the field's width
 * (element width for arrays), strings NUL-terminated and truncated like strscpy, byte arrays
 * copied and zero-padded. Returns (offset, bytes) pairs relative to the struct.
 */
export function encodeFields(layout: Layout, values: Readonly<Record<string, FieldValue>>) {
  return Object.entries(values).map(([path, value]) => {
    const f = field(layout, path);
    const out = new Uint8Array(
      typeof value === 'number' || typeof value === 'bigint' ? f.size / (f.length ?? 1) : f.size,
    );
    if (typeof value === 'string') {
      for (let i = 0; i < Math.min(value.length, f.size - 1); i++) out[i] = value.charCodeAt(i) & 0xff;
    } else if (value instanceof Uint8Array) {
      out.set(value.subarray(0, f.size));
    } else {
      let v = BigInt.asUintN(out.length * 8, BigInt(value));
      for (let i = 0; i < out.length; i++, v >>= 8n) out[i] = Number(v & 0xffn);
    }
    return { offset: f.offset, bytes: out };
  });
}
