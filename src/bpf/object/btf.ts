/**
 * Parsed BTF with the queries loaders and printers need: look up, strip modifiers, size, name.
 * Hostile BTF may contain reference cycles (a typedef naming itself, an array of itself); every
 * walk is depth-limited like the kernel's (MAX_RESOLVE_DEPTH) and reports a loop as BtfError.
 */
import { BtfError, parseBtfSection } from './btf-parse';
import type { BtfDatasec, BtfType } from './btf-types';
import { readCString } from './elf-reader';

export { BtfError } from './btf-parse';
export * from './btf-types';

/** Chains of modifiers/typedefs/arrays deeper than this are treated as a loop (kernel: 32). */
export const MAX_RESOLVE_DEPTH = 32;

const MODIFIERS = new Set(['typedef', 'volatile', 'const', 'restrict', 'type_tag']);

export class Btf {
  private constructor(
    private readonly list: BtfType[],
    private readonly strings: Uint8Array,
  ) {}

  static parse(bytes: Uint8Array): Btf {
    const { types, strings } = parseBtfSection(bytes);
    return new Btf([...types], strings);
  }

  /** Indexed by type id; [0] is void. */
  get types(): readonly BtfType[] {
    return this.list;
  }

  /**
   * Replaces a DATASEC record. Objects carry unfinished DATASECs (size 0, global variables at
   * offset 0) that libbpf completes from the ELF file before loading; the loader does the same.
   */
  replaceDatasec(datasec: BtfDatasec): void {
    if (this.type(datasec.id).kind === 'datasec') this.list[datasec.id] = datasec;
  }

  /** The type with this id; a BtfError names `where` when it does not exist. */
  type(id: number, where = 'type lookup'): BtfType {
    const t = this.types[id];
    if (t === undefined) throw new BtfError(where, `type id ${id} does not exist (${this.types.length - 1} types)`);
    return t;
  }

  /** A string of the BTF string table (used by .BTF.ext for file names and source lines). */
  string(offset: number, where: string): string {
    return readCString(this.strings, offset, where);
  }

  /** The id after stripping typedefs, const/volatile/restrict and type tags. */
  resolveId(id: number): number {
    let current = id;
    for (let depth = 0; depth <= MAX_RESOLVE_DEPTH; depth++) {
      const t = this.type(current);
      if (!MODIFIERS.has(t.kind)) return current;
      current = (t as { type: number }).type;
    }
    throw new BtfError(`type [${id}]`, `modifier chain longer than ${MAX_RESOLVE_DEPTH} (a reference loop?)`);
  }

  resolve(id: number): BtfType {
    return this.type(this.resolveId(id));
  }

  /** Byte size of a type as the kernel computes it (btf_type_size). Throws for void, functions and loops. */
  sizeOf(id: number, depth = 0): number {
    if (depth > MAX_RESOLVE_DEPTH) {
      throw new BtfError(`type [${id}]`, `type nesting deeper than ${MAX_RESOLVE_DEPTH} (a reference loop?)`);
    }
    const t = this.resolve(id);
    switch (t.kind) {
      case 'int':
      case 'float':
      case 'struct':
      case 'union':
      case 'enum':
      case 'datasec':
        return t.size;
      case 'ptr':
        return 8;
      case 'array': {
        const size = t.count * this.sizeOf(t.type, depth + 1);
        if (!Number.isSafeInteger(size)) throw new BtfError(`type [${id}]`, 'array size overflows');
        return size;
      }
      case 'var':
        return this.sizeOf(t.type, depth + 1);
      default:
        throw new BtfError(`type [${id}]`, `a ${t.kind} has no size`);
    }
  }

  /** First type of this name (and kind, when given). */
  findByName(name: string, kind?: BtfType['kind']): BtfType | undefined {
    return this.types.find((t) => t.name === name && (kind === undefined || t.kind === kind));
  }

  datasec(name: string): BtfDatasec | undefined {
    return this.findByName(name, 'datasec') as BtfDatasec | undefined;
  }

  /** A C-like spelling of a type: "struct flow", "__u32", "const char *", "__u8[4]". */
  typeName(id: number, depth = 0): string {
    if (depth > MAX_RESOLVE_DEPTH) return '<loop>';
    const t = this.type(id);
    const inner = (x: number): string => this.typeName(x, depth + 1);
    switch (t.kind) {
      case 'void':
        return 'void';
      case 'struct':
      case 'union':
      case 'fwd':
        return `${t.kind === 'fwd' ? (t.union ? 'union' : 'struct') : t.kind} ${t.name || '(anon)'}`;
      case 'enum':
        return `enum ${t.name || '(anon)'}`;
      case 'ptr':
        return `${inner(t.type)} *`;
      case 'const':
      case 'volatile':
      case 'restrict':
        return `${t.kind} ${inner(t.type)}`;
      case 'type_tag':
        return `${inner(t.type)} __tag(${t.name})`;
      case 'array':
        return `${inner(t.type)}[${t.count}]`;
      case 'func_proto':
        return `${inner(t.returnType)} (${t.params.map((p) => (p.type === 0 ? '...' : inner(p.type))).join(', ')})`;
      case 'func':
      case 'var':
      case 'decl_tag':
        return t.name;
      default:
        return t.name;
    }
  }
}
