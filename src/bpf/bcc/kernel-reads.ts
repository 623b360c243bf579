/**
 * Dereferences of kernel pointers in BCC probe functions, rewritten into probe reads as BCC does:
 *  - `p->a.b->c[i]` through a kernel pointer variable → BPF_CORE_READ(p, a.b, c[i]);
 *  - the same chain after a cast, `((struct sock *)x)->sk_family` → BPF_CORE_READ((struct sock *)(x), ...);
 *  - `*p` of a kernel struct pointer, or `*p->a` of a pointer read through one → a probe read of
 *    the whole object.
 * `&p->a->b` reads only up to the last arrow; assignments and calls through a chain, and array
 * members of the pointer's own struct (task->comm, an address), are left alone. Kernel pointer
 * variables are found by declarations (`struct K *v`, K a simulated kernel struct), so pointers
 * copied into such locals are followed too.
 */
import { KERNEL_STRUCTS } from '../kernel';
import { matchBracket, prevSignificant, skipTrivia, type Token } from './tokens';

export interface Scope {
  /** Kernel pointer variables of the function being emitted: name → struct name (null if unknown). */
  readonly kernelPointers: ReadonlyMap<string, string | null>;
  /** Inside sizeof(), probe read arguments and similar: member chains are not reads. */
  readonly noRead: boolean;
}

/** What the reads need from the rewriter: the tokens and the emitter for nested expressions. */
export interface Emitter {
  readonly tokens: readonly Token[];
  emit(start: number, end: number, scope: Scope): string;
  raw(start: number, end: number): string;
}

const ASSIGNMENT_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '<<=', '>>=', '++', '--']);

/** Tokens after which `&` and `*` are unary rather than binary operators. */
const BEFORE_UNARY = new Set([
  '(',
  ',',
  '=',
  'return',
  '{',
  ';',
  '?',
  ':',
  '!',
  '&&',
  '||',
  '==',
  '!=',
  '+',
  '-',
  '<',
  '>',
  '<=',
  '>=',
  '[',
]);

/** A string of newlines matching those in the text it replaces (keeps later lines where they were). */
export const newlinesOf = (text: string): string => text.replace(/[^\n]/g, '');

/** Whether the operator token at `at` is unary (nothing or an operator/opening before it). */
function isUnary(t: readonly Token[], at: number): boolean {
  const before = prevSignificant(t, at);
  return before < 0 || BEFORE_UNARY.has(t[before]!.text);
}

/**
 * The member chain after a base expression ending at `baseEnd` (`p`, or a parenthesised cast):
 * returns the rewritten text and the index of the chain's last token.
 */
export function memberChain(
  r: Emitter,
  start: number,
  baseEnd: number,
  base: string,
  struct: string | null,
  scope: Scope,
): [string, number] {
  const t = r.tokens;
  const segments: string[] = [];
  let i = skipTrivia(t, baseEnd + 1);
  let last = baseEnd;
  while (t[i]?.text === '->' || t[i]?.text === '.' || t[i]?.text === '[') {
    if (t[i]!.text === '[') {
      const close = matchBracket(t, i);
      if (segments.length === 0) break;
      segments[segments.length - 1] += `[${r.emit(i + 1, close, scope).trim()}]`;
      last = close;
    } else {
      const name = skipTrivia(t, i + 1);
      if (t[name]?.kind !== 'ident') break;
      if (t[i]!.text === '->') segments.push(t[name]!.text);
      else if (segments.length === 0) break;
      else segments[segments.length - 1] += `.${t[name]!.text}`;
      last = name;
    }
    i = skipTrivia(t, last + 1);
  }
  const original = r.raw(start, last + 1);
  const after = t[i]?.text ?? '';
  const before = prevSignificant(t, start);
  const beforeText = before < 0 ? ';' : t[before]!.text;
  const addressOf = beforeText === '&' && isUnary(t, before);
  if (segments.length === 0 || ASSIGNMENT_OPS.has(after) || after === '(' || ['++', '--'].includes(beforeText))
    return [original, last];
  const lines = newlinesOf(original);
  const read = (segs: readonly string[]): string => `BPF_CORE_READ(${base}, ${segs.join(', ')})`;
  // &p->a->b: the address of b inside *(p->a); with one arrow, no read at all.
  if (addressOf) {
    if (segments.length === 1) return [original, last];
    return [`(${read(segments.slice(0, -1))})->${segments[segments.length - 1]}${lines}`, last];
  }
  // task->comm, skb->dev->name: an array member is an address (it decays): read up to the struct holding it.
  if (endsInArray(struct, segments)) {
    if (segments.length === 1) return [original, last];
    return [`(${read(segments.slice(0, -1))})->${segments[segments.length - 1]}${lines}`, last];
  }
  return [read(segments) + lines, last];
}

/**
 * Whether a chain's last member is an array: the chain is followed through the simulated kernel's
 * structs (each `struct K *` member says what it points to). When a hop is not known, the structs
 * are searched by the member's name, which must be an array wherever it appears.
 */
function endsInArray(struct: string | null, segments: readonly string[]): boolean {
  const fieldOf = (s: string | null, path: string) =>
    s !== null && KERNEL_STRUCTS.has(s) ? KERNEL_STRUCTS.get(s).fields.get(path) : undefined;
  let current = struct;
  for (const segment of segments.slice(0, -1)) current = fieldOf(current, segment)?.pointee ?? null;
  const lastSegment = segments[segments.length - 1]!;
  if (lastSegment.includes('[')) return false;
  if (current !== null && KERNEL_STRUCTS.has(current)) return fieldOf(current, lastSegment)?.length != null;
  const found = KERNEL_STRUCTS.all().flatMap((l) => {
    const f = l.fields.get(lastSegment);
    return f === undefined ? [] : [f.length !== null];
  });
  return found.length > 0 && found.every(Boolean);
}

/**
 * `((struct K *)EXPR)->...` at the outer '(' `open`, K a simulated kernel struct: the chain read
 * through the cast pointer; null when the parentheses hold something else.
 */
export function castChain(r: Emitter, open: number, scope: Scope): [string, number] | null {
  const t = r.tokens;
  const close = matchBracket(t, open);
  if (t[skipTrivia(t, close + 1)]?.text !== '->') return null;
  const castOpen = skipTrivia(t, open + 1);
  const kw = skipTrivia(t, castOpen + 1);
  const name = skipTrivia(t, kw + 1);
  const star = skipTrivia(t, name + 1);
  const castClose = skipTrivia(t, star + 1);
  const struct = t[name]?.text ?? '';
  const isCast = t[castOpen]?.text === '(' && t[kw]?.text === 'struct' && t[star]?.text === '*' && t[castClose]?.text === ')'; // prettier-ignore
  if (!isCast || !KERNEL_STRUCTS.has(struct) || castClose + 1 >= close) return null;
  const operand = r.emit(castClose + 1, close, scope).trim();
  return memberChain(r, open, close, `(struct ${struct} *)(${operand})`, struct, scope);
}

/** A probe read of the whole object `pointer` (a C expression) points to, as a value. */
const readObject = (pointer: string): string =>
  `({ __typeof__(*(${pointer})) __bcc_obj; bpf_probe_read_kernel(&__bcc_obj, sizeof(__bcc_obj), ${pointer}); __bcc_obj; })`; // prettier-ignore

/**
 * `*p` or `*p->a->b` at the '*' `star`, p a kernel struct pointer: a probe read of the object the
 * pointer (or the chain's last pointer, itself read) points to; null otherwise.
 */
export function derefRead(r: Emitter, star: number, scope: Scope): [string, number] | null {
  const t = r.tokens;
  const name = skipTrivia(t, star + 1);
  const variable = t[name]?.text ?? '';
  if (t[name]?.kind !== 'ident' || !isUnary(t, star) || !scope.kernelPointers.get(variable)) return null;
  const nextAt = skipTrivia(t, name + 1);
  const after = t[nextAt]?.text ?? '';
  if (after === '->') {
    const [chain, last] = memberChain(r, name, name, variable, scope.kernelPointers.get(variable) ?? null, scope);
    const following = t[skipTrivia(t, last + 1)]?.text ?? '';
    // An address (array member) or a write through the chain: leave it to the chain's own rules.
    if (!chain.startsWith('BPF_CORE_READ(') || ASSIGNMENT_OPS.has(following)) return null;
    return [readObject(chain.trimEnd()) + newlinesOf(r.raw(star, last + 1)), last];
  }
  // *p.a, *p[i], *p(...): the '*' applies to more than p; *p = v is a write.
  if (['.', '[', '('].includes(after) || ASSIGNMENT_OPS.has(after)) return null;
  return [readObject(variable) + newlinesOf(r.raw(star, name + 1)), name];
}
