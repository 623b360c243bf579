/**
 * BCC's map declarations (BPF_HASH(name, key, leaf, size) and friends) as libbpf BTF map
 * definitions, and BCC's map methods (name.lookup(&k), name.increment(k), ...) as helper calls.
 *
 * Each map gets typedefs __bcc_NAME_key / __bcc_NAME_leaf so that the methods can declare
 * temporaries and give lookups the leaf's pointer type, as BCC's own rewriter does.
 */
import { BccError } from './tokens';

export type BccMapMacro =
  | 'BPF_HASH'
  | 'BPF_PERCPU_HASH'
  | 'BPF_LRU_HASH'
  | 'BPF_ARRAY'
  | 'BPF_PERCPU_ARRAY'
  | 'BPF_HISTOGRAM'
  | 'BPF_PERF_OUTPUT'
  | 'BPF_RINGBUF_OUTPUT';

export const MAP_MACROS: ReadonlySet<string> = new Set<BccMapMacro>([
  'BPF_HASH', 'BPF_PERCPU_HASH', 'BPF_LRU_HASH', 'BPF_ARRAY', 'BPF_PERCPU_ARRAY', 'BPF_HISTOGRAM',
  'BPF_PERF_OUTPUT', 'BPF_RINGBUF_OUTPUT',
]); // prettier-ignore

export interface BccMap {
  readonly name: string;
  readonly macro: BccMapMacro;
  /** libbpf's map type enumerator. */
  readonly type: string;
  readonly key: string | null;
  readonly leaf: string | null;
  readonly maxEntries: string | null;
}

/** BCC's defaults: u64 keys and leaves, 10240 entries; histograms have 64 int-keyed slots. */
export function declareMap(macro: BccMapMacro, args: readonly string[], line: number): BccMap {
  const [name, ...rest] = args;
  if (name === undefined || !/^[A-Za-z_]\w*$/.test(name))
    throw new BccError(`${macro} needs a map name as its first argument`, line);
  const arg = (i: number, fallback: string): string => rest[i] ?? fallback;
  const tooMany = (max: number): void => {
    if (rest.length > max) throw new BccError(`${macro}(${name}, ...) takes at most ${max + 1} arguments`, line);
  };
  switch (macro) {
    case 'BPF_HASH':
    case 'BPF_PERCPU_HASH':
    case 'BPF_LRU_HASH': {
      tooMany(3);
      const type = { BPF_HASH: 'HASH', BPF_PERCPU_HASH: 'PERCPU_HASH', BPF_LRU_HASH: 'LRU_HASH' }[macro];
      return { name, macro, type: `BPF_MAP_TYPE_${type}`, key: arg(0, 'u64'), leaf: arg(1, 'u64'), maxEntries: arg(2, '10240') }; // prettier-ignore
    }
    case 'BPF_ARRAY':
    case 'BPF_PERCPU_ARRAY': {
      tooMany(2);
      const type = macro === 'BPF_ARRAY' ? 'BPF_MAP_TYPE_ARRAY' : 'BPF_MAP_TYPE_PERCPU_ARRAY';
      return { name, macro, type, key: 'int', leaf: arg(0, 'u64'), maxEntries: arg(1, '10240') };
    }
    case 'BPF_HISTOGRAM': {
      tooMany(2);
      // BCC stores int-keyed histograms in an array (slot = log2 bucket), others in a hash.
      const key = arg(0, 'int');
      const type = key === 'int' ? 'BPF_MAP_TYPE_ARRAY' : 'BPF_MAP_TYPE_HASH';
      return { name, macro, type, key, leaf: 'u64', maxEntries: arg(1, '64') };
    }
    case 'BPF_PERF_OUTPUT':
      tooMany(0);
      // max_entries 0: the loader gives one slot per possible CPU, as libbpf does.
      return { name, macro, type: 'BPF_MAP_TYPE_PERF_EVENT_ARRAY', key: 'int', leaf: 'u32', maxEntries: null };
    case 'BPF_RINGBUF_OUTPUT': {
      tooMany(1);
      const pages = rest[0];
      if (pages === undefined) throw new BccError(`BPF_RINGBUF_OUTPUT(${name}, page_cnt) needs a page count`, line);
      return { name, macro, type: 'BPF_MAP_TYPE_RINGBUF', key: null, leaf: null, maxEntries: `(${pages}) * 4096` };
    }
  }
}

/** The definition replacing `BPF_X(...)`; the user's own `;` ends it. One line, so lines stay put. */
export function mapDefinition(m: BccMap): string {
  const parts = [`__uint(type, ${m.type});`];
  const typedefs: string[] = [];
  if (m.key !== null && m.leaf !== null) {
    typedefs.push(`typedef ${m.key} __bcc_${m.name}_key;`, `typedef ${m.leaf} __bcc_${m.name}_leaf;`);
    parts.push(`__type(key, __bcc_${m.name}_key);`, `__type(value, __bcc_${m.name}_leaf);`);
  }
  if (m.maxEntries !== null) parts.push(`__uint(max_entries, ${m.maxEntries});`);
  return `${typedefs.join(' ')} struct { ${parts.join(' ')} } ${m.name} SEC(".maps")`.trim();
}

/** BCC's map methods as expressions over the helpers. `args` are already-rewritten C expressions. */
export function mapMethod(m: BccMap, method: string, args: readonly string[], line: number): string {
  const need = (min: number, max = min): void => {
    if (args.length < min || args.length > max)
      throw new BccError(`${m.name}.${method}() takes ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`, line); // prettier-ignore
  };
  const map = `(void *)&${m.name}`;
  const key = `__bcc_${m.name}_key`;
  const leaf = `__bcc_${m.name}_leaf`;
  const [a, b, c] = args;
  switch (method) {
    case 'lookup':
      need(1);
      return `((${leaf} *)bpf_map_lookup_elem(${map}, ${a}))`;
    case 'update':
      need(2);
      return `bpf_map_update_elem(${map}, ${a}, ${b}, BPF_ANY)`;
    case 'insert':
      need(2);
      return `bpf_map_update_elem(${map}, ${a}, ${b}, BPF_NOEXIST)`;
    case 'delete':
      need(1);
      return `bpf_map_delete_elem(${map}, ${a})`;
    case 'lookup_or_try_init':
      need(2);
      return `({ ${leaf} *__bcc_v = bpf_map_lookup_elem(${map}, ${a}); if (!__bcc_v) { bpf_map_update_elem(${map}, ${a}, ${b}, BPF_NOEXIST); __bcc_v = bpf_map_lookup_elem(${map}, ${a}); } __bcc_v; })`; // prettier-ignore
    case 'increment':
    case 'atomic_increment': {
      need(1, 2);
      const by = b ?? '1';
      // increment is a plain read-modify-write in BCC; atomic_increment uses an atomic add.
      const add = method === 'increment' ? `*__bcc_v += ${by};` : `__sync_fetch_and_add(__bcc_v, ${by});`;
      return `({ ${key} __bcc_k = ${a}; ${leaf} *__bcc_v = bpf_map_lookup_elem(${map}, &__bcc_k); if (__bcc_v) { ${add} } else { ${leaf} __bcc_i = ${by}; bpf_map_update_elem(${map}, &__bcc_k, &__bcc_i, BPF_NOEXIST); } })`; // prettier-ignore
    }
    case 'perf_submit':
      need(3);
      if (m.macro !== 'BPF_PERF_OUTPUT') break;
      return `bpf_perf_event_output(${a}, ${map}, BPF_F_CURRENT_CPU, ${b}, ${c})`;
    case 'ringbuf_output':
      need(3);
      if (m.macro !== 'BPF_RINGBUF_OUTPUT') break;
      return `bpf_ringbuf_output(${map}, ${a}, ${b}, ${c})`;
    case 'ringbuf_reserve':
      need(1);
      if (m.macro !== 'BPF_RINGBUF_OUTPUT') break;
      return `bpf_ringbuf_reserve(${map}, ${a}, 0)`;
    case 'ringbuf_submit':
    case 'ringbuf_discard':
      need(2);
      if (m.macro !== 'BPF_RINGBUF_OUTPUT') break;
      return `bpf_${method}(${a}, ${b})`;
    default:
      throw new BccError(`${m.name}.${method}(): BCC maps have no method '${method}' in the playground`, line);
  }
  throw new BccError(`${m.name}.${method}() needs a ${method.startsWith('ring') ? 'BPF_RINGBUF_OUTPUT' : 'BPF_PERF_OUTPUT'} map; ${m.name} is a ${m.macro}`, line); // prettier-ignore
}
