/**
 * The values the BCC Python front computes with, and the parts of BCC's BPF class that ask the
 * kernel something (get_kprobe_functions, tracepoint_exists, support_*), answered by the
 * simulated kernel's catalogue.
 */
import { KERNEL_FUNCTIONS, TRACEPOINTS } from '../kernel';
import type { JsonValue } from '../object';

export type Value =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  /** A BPF object (b = BPF(...)) and the BPF class itself. */
  | { readonly kind: 'bpf' }
  | { readonly kind: 'BPF' }
  /** What b.load_func() returns. */
  | { readonly kind: 'func'; readonly name: string }
  /** b["name"] or b.get_table("name"). */
  | { readonly kind: 'table'; readonly name: string }
  /** A function the script defines with def. */
  | { readonly kind: 'def'; readonly name: string }
  | { readonly kind: 'tuple'; readonly items: readonly Value[] }
  /** A decoded perf/ring buffer record (b["events"].event(data)): its fields are attributes. */
  | { readonly kind: 'record'; readonly value: { readonly [field: string]: JsonValue } }
  | { readonly kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };

/** A decoded record's field as a Python value (char arrays are already strings). */
export function fromJson(v: JsonValue): Value {
  if (typeof v === 'number') return { kind: 'num', value: v };
  if (typeof v === 'string') return /^-?\d+$/.test(v) ? { kind: 'num', value: Number(v) } : { kind: 'str', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v === null) return { kind: 'none' };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map(fromJson) };
  return { kind: 'record', value: v };
}

/** Python truthiness; null when the value is not known (options from argv, results of I/O). */
export function truthy(v: Value): boolean | null {
  switch (v.kind) {
    case 'str':
      return v.value !== '';
    case 'num':
      return v.value !== 0;
    case 'bool':
      return v.value;
    case 'none':
      return false;
    case 'unknown':
      return null;
    default:
      return true;
  }
}

/** `a == b` for the values the front knows; unknown when either side is unknown. */
export function equals(a: Value, b: Value): Value {
  if ((a.kind === 'str' || a.kind === 'num' || a.kind === 'bool') && a.kind === b.kind)
    return { kind: 'bool', value: a.value === b.value };
  if (a.kind === 'none' || b.kind === 'none') return { kind: 'bool', value: a.kind === b.kind };
  return UNKNOWN;
}

/**
 * BPF class methods that probe the running kernel. get_kprobe_functions(re) lists the functions
 * whose name matches the regular expression at its start (Python's re.match); the front only
 * needs to know whether there are any.
 */
export function kernelQuery(method: string, args: readonly Value[]): Value | null {
  const str = (i: number): string | null => {
    const v = args[i];
    return v?.kind === 'str' ? v.value : null;
  };
  switch (method) {
    case 'get_kprobe_functions': {
      const pattern = str(0);
      if (pattern === null) return UNKNOWN;
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${pattern})`);
      } catch {
        return UNKNOWN;
      }
      return { kind: 'bool', value: [...KERNEL_FUNCTIONS.keys()].some((name) => re.test(name)) };
    }
    case 'tracepoint_exists': {
      const [category, event] = [str(0), str(1)];
      if (category === null || event === null) return UNKNOWN;
      return { kind: 'bool', value: TRACEPOINTS.has(`${category}:${event}`) };
    }
    case 'support_raw_tracepoint':
    case 'support_raw_tracepoint_in_module':
      return { kind: 'bool', value: true };
    case 'support_kfunc':
    case 'support_lsm':
      // fentry/fexit and LSM programs are not simulated: scripts take their kprobe path.
      return { kind: 'bool', value: false };
    default:
      return null;
  }
}
