/**
 * Expressions of the BCC Python front: literals, names, `or`/`and`/`not`, `==`/`!=`, `+` on
 * strings, `%` formatting, tuples, attribute access, subscripts and calls. What a call or a
 * subscript means is up to the subclass (the script reader knows BPF's methods).
 */
import type { PyToken } from './python-tokens';
import { percentFormat } from './python-format';
import { equals, fromJson, truthy, UNKNOWN, type Value } from './python-values';
import { BccError } from './tokens';

export interface CallArgs {
  readonly positional: readonly Value[];
  readonly keyword: ReadonlyMap<string, Value>;
}

/** Number arithmetic as Python does it (// floors, % takes the divisor's sign); unknown otherwise. */
function arithmetic(op: string, a: Value, b: Value): Value {
  if (a.kind !== 'num' || b.kind !== 'num') return UNKNOWN;
  const [x, y] = [a.value, b.value];
  if (y === 0 && (op === '/' || op === '//' || op === '%')) return UNKNOWN;
  const ops: Record<string, () => number> = {
    '+': () => x + y,
    '-': () => x - y,
    '*': () => x * y,
    '/': () => x / y,
    '//': () => Math.floor(x / y),
    '%': () => x - y * Math.floor(x / y),
  };
  const compute = ops[op];
  return compute === undefined ? UNKNOWN : { kind: 'num', value: compute() };
}

export abstract class Evaluator {
  protected i = 0;
  readonly vars = new Map<string, Value>([['__name__', { kind: 'str', value: '__main__' }]]);

  constructor(protected readonly tokens: readonly PyToken[]) {}

  /** BPF(...) */
  protected abstract construct(args: CallArgs, line: number): Value;
  /** target.method(args) */
  protected abstract method(target: Value, method: string, args: CallArgs, line: number): Value;
  /** name(args) for a global function such as print(); null: not one the front knows. */
  protected abstract callName(name: string, args: CallArgs): Value | null;
  /** target[key] */
  protected abstract subscript(target: Value, key: Value): Value;

  protected peek(offset = 0): PyToken {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  protected next(): PyToken {
    return this.tokens[Math.min(this.i++, this.tokens.length - 1)]!;
  }

  protected eat(text: string): boolean {
    if (this.peek().kind !== 'str' && this.peek().text === text) {
      this.i++;
      return true;
    }
    return false;
  }

  private isWord(text: string): boolean {
    return this.peek().kind === 'name' && this.peek().text === text;
  }

  expression(): Value {
    let left = this.conjunction();
    while (this.isWord('or')) {
      this.next();
      const right = this.conjunction();
      const l = truthy(left);
      left = l === true ? left : l === false ? right : UNKNOWN;
    }
    return left;
  }

  private conjunction(): Value {
    let left = this.negation();
    while (this.isWord('and')) {
      this.next();
      const right = this.negation();
      const l = truthy(left);
      left = l === false ? left : l === true ? right : UNKNOWN;
    }
    return left;
  }

  private negation(): Value {
    if (this.isWord('not')) {
      this.next();
      const v = truthy(this.negation());
      return v === null ? UNKNOWN : { kind: 'bool', value: !v };
    }
    const left = this.sum();
    const op = this.peek();
    if (op.kind === 'op' && (op.text === '==' || op.text === '!=')) {
      this.next();
      const eq = equals(left, this.sum());
      return eq.kind === 'bool' && op.text === '!=' ? { kind: 'bool', value: !eq.value } : eq;
    }
    return left;
  }

  private sum(): Value {
    let left = this.term();
    while (this.peek().kind === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
      const op = this.next().text;
      const right = this.term();
      if (op === '+' && left.kind === 'str' && right.kind === 'str')
        left = { kind: 'str', value: left.value + right.value };
      else left = arithmetic(op, left, right);
    }
    return left;
  }

  private term(): Value {
    let left = this.postfix();
    while (this.peek().kind === 'op' && ['*', '/', '//', '%'].includes(this.peek().text)) {
      const op = this.next().text;
      const right = this.postfix();
      if (op === '%' && left.kind === 'str') {
        const text = percentFormat(left.value, right);
        left = text === null ? UNKNOWN : { kind: 'str', value: text };
      } else left = arithmetic(op, left, right);
    }
    return left;
  }

  private primary(): Value {
    const t = this.next();
    if (t.kind === 'str') {
      let value = t.value!;
      while (this.peek().kind === 'str') value += this.next().value!;
      return { kind: 'str', value };
    }
    if (t.kind === 'name') {
      if (t.text === 'BPF') return this.peek().text === '(' ? this.construct(this.args(), t.line) : { kind: 'BPF' };
      if (t.text === 'True' || t.text === 'False') return { kind: 'bool', value: t.text === 'True' };
      if (t.text === 'None') return { kind: 'none' };
      if (t.text === 'lambda') {
        while (this.peek().kind !== 'nl' && !this.eat(':')) this.next();
        this.expression();
        return UNKNOWN;
      }
      if (this.peek().text === '(' && !this.vars.has(t.text)) return this.callName(t.text, this.args()) ?? UNKNOWN;
      return this.vars.get(t.text) ?? UNKNOWN;
    }
    if (t.kind === 'num') {
      const n = Number(t.text.replace(/_/g, ''));
      return Number.isFinite(n) ? { kind: 'num', value: n } : UNKNOWN;
    }
    if (t.text === '(') {
      if (this.eat(')')) return { kind: 'tuple', items: [] };
      const first = this.expression();
      if (this.eat(')')) return first;
      const items = [first];
      while (this.eat(',') && this.peek().text !== ')') items.push(this.expression());
      if (!this.eat(')')) throw new BccError('expected )', t.line);
      return { kind: 'tuple', items };
    }
    if (t.text === '-') {
      const v = this.postfix();
      return v.kind === 'num' ? { kind: 'num', value: -v.value } : UNKNOWN;
    }
    throw new BccError(`unsupported syntax '${t.text}'`, t.line);
  }

  /** Call arguments: positional values and keyword values. */
  protected args(): CallArgs {
    const positional: Value[] = [];
    const keyword = new Map<string, Value>();
    if (!this.eat('(')) throw new BccError('expected (');
    while (!this.eat(')')) {
      if (this.peek().kind === 'name' && this.peek(1).text === '=') {
        const name = this.next().text;
        this.next();
        keyword.set(name, this.expression());
      } else positional.push(this.expression());
      if (!this.eat(',') && this.peek().text !== ')') throw new BccError('expected , or )', this.peek().line);
    }
    return { positional, keyword };
  }

  protected postfix(): Value {
    let value = this.primary();
    for (;;) {
      if (this.eat('.')) {
        const name = this.next().text;
        if (this.peek().text === '(') value = this.method(value, name, this.args(), this.peek().line);
        else if (value.kind === 'record' && name in value.value) value = fromJson(value.value[name]!);
        else if (value.kind === 'record' && name === 'contents') continue;
        else value = value.kind === 'BPF' && name === 'XDP' ? { kind: 'str', value: 'XDP' } : UNKNOWN;
      } else if (this.peek().text === '[') {
        this.next();
        const key = this.expression();
        if (!this.eat(']')) throw new BccError('expected ]');
        value = this.subscript(value, key);
      } else if (this.peek().text === '(') {
        this.args();
        value = UNKNOWN;
      } else return value;
    }
  }
}
