/**
 * Strict readers for decoded (untrusted) JSON. Each returns a fresh value of the exact type or
 * throws ShareLinkError('invalid') naming the path ("state.inputs.packets[2].hex"), so a bad link
 * says what is wrong. Objects must have exactly the listed keys: an unknown key means the link was
 * tampered with or made by a different schema, and ignoring it would lose data silently.
 */
import { ShareLinkError } from './errors';

export function invalid(path: string, what: string): never {
  throw new ShareLinkError('invalid', `The link's data is not valid: ${path} ${what}.`);
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/** A plain object with exactly `required` plus any of `optional` keys. */
export function record(
  v: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) invalid(path, `must be an object, not ${kindOf(v)}`);
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key))
      invalid(path, `has an unknown field ${JSON.stringify(key)}`);
  }
  for (const key of required) if (!Object.hasOwn(o, key)) invalid(path, `lacks the field "${key}"`);
  return o;
}

export function str(v: unknown, path: string, maxChars: number, pattern?: RegExp, patternText?: string): string {
  if (typeof v !== 'string') invalid(path, `must be a string, not ${kindOf(v)}`);
  if (v.length > maxChars) invalid(path, `is longer than ${maxChars} characters`);
  if (pattern && !pattern.test(v)) invalid(path, `must be ${patternText ?? `like ${String(pattern)}`}`);
  return v;
}

export function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) invalid(path, `must be an integer, not ${kindOf(v)}`);
  if (v < min || v > max) invalid(path, `must be between ${min} and ${max}`);
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') invalid(path, `must be true or false, not ${kindOf(v)}`);
  return v;
}

export function oneOf<T extends string | number>(v: unknown, path: string, values: readonly T[]): T {
  if (!values.includes(v as T)) invalid(path, `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  return v as T;
}

export function list<T>(v: unknown, path: string, maxItems: number, item: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(v)) invalid(path, `must be an array, not ${kindOf(v)}`);
  if (v.length > maxItems) invalid(path, `has more than ${maxItems} items`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

/** Lowercase hex of whole bytes, at most `maxBytes`. */
export function hex(v: unknown, path: string, maxBytes: number): string {
  const s = str(v, path, maxBytes * 2, /^(?:[0-9a-f]{2})*$/, 'lowercase hex digits, two per byte');
  return s;
}
