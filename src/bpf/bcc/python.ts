/**
 * The BCC Python front: reads a pasted BCC script (hello.py) for what the playground needs — the
 * C program (BPF(text=...) or BPF(src_file=...)), where its functions attach, and how the script
 * shows results (trace_print/trace_fields, print_log2_hist, perf and ring buffer callbacks). It
 * is a small reader of the Python subset such scripts use (python-expr.ts), not an interpreter.
 *
 * Blocks follow Python's indentation: `if`/`elif`/`else` take the first branch whose condition
 * holds; conditions the front cannot evaluate (command-line options, mostly) count as false, as
 * when the script runs without arguments. Loop, `with` and `try` bodies are read once; `except`,
 * `class` and `def` bodies do not run — a def is kept, and runs as a buffer callback per record
 * (scriptPrinter), where its print() calls produce the lines.
 */
import type { JsonValue } from '../object';
import { bpfMethod, constructBpf, type BccScript, ScriptError, ScriptFacts } from './python-bpf';
import { type CallArgs, Evaluator } from './python-expr';
import { pyStr } from './python-format';
import { tokenizePython } from './python-tokens';
import { fromJson, truthy, UNKNOWN, type Value } from './python-values';
import { BccError } from './tokens';

export type { BccScript, ScriptAttachment, ScriptBuffer } from './python-bpf';

/** Compound statements whose bodies do not run on the script's normal path. */
const NOT_RUN = new Set(['except', 'class', 'def']);
const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'def', 'class']);

interface Def {
  readonly params: readonly string[];
  readonly indent: number;
  /** The token after the header's ':'. */
  readonly body: number;
}

class Reader extends Evaluator {
  readonly facts = new ScriptFacts();
  readonly defs = new Map<string, Def>();
  /** Names declared `global` in a callback. */
  private readonly globalNames = new Set<string>();
  /** Lines print() produced, while a callback runs (null otherwise: the script's own prints are not shown). */
  private printed: string[] | null = null;

  private skipBlankLines(): void {
    while (this.i < this.tokens.length && this.peek().kind === 'nl') this.i++;
  }

  run(): void {
    this.suite(-1, true);
  }

  /** Runs the def `name` with (cpu, data, size) for one record; returns what it printed. */
  callback(name: string, cpu: number, record: JsonValue | undefined, size: number): string[] {
    const def = this.defs.get(name);
    if (def === undefined) return [];
    const saved = new Map(this.vars);
    const data: Value = record === undefined ? UNKNOWN : fromJson(record);
    const args: Value[] = [{ kind: 'num', value: cpu }, data, { kind: 'num', value: size }];
    def.params.forEach((p, k) => this.vars.set(p, args[k] ?? UNKNOWN));
    this.printed = [];
    this.i = def.body;
    this.body(def.indent, true);
    const out = this.printed;
    this.printed = null;
    // Locals go; names the callback declared `global` keep their new values (start = event.ts).
    const globals = new Map([...this.globalNames].map((n) => [n, this.vars.get(n) ?? UNKNOWN] as const));
    this.vars.clear();
    for (const [k, v] of [...saved, ...globals]) this.vars.set(k, v);
    return out;
  }

  /** Statements indented deeper than `parent`; they take effect only when `live`. */
  private suite(parent: number, live: boolean): void {
    for (;;) {
      this.skipBlankLines();
      if (this.i >= this.tokens.length || this.peek().indent <= parent) return;
      const first = this.peek();
      if (first.kind === 'name' && first.text === 'if') this.ifChain(live);
      else if (first.kind === 'name' && COMPOUND.has(first.text)) this.clause(live && !NOT_RUN.has(first.text));
      else this.simple(live);
    }
  }

  /** Moves past a compound statement's header (keyword ... ':'); returns the tokens in between. */
  private header(): [number, number] {
    const start = this.i + 1;
    let depth = 0;
    let j = start;
    for (; j < this.tokens.length && this.tokens[j]!.kind !== 'nl'; j++) {
      const t = this.tokens[j]!;
      if (t.kind !== 'op') continue;
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) depth--;
      else if (t.text === ':' && depth === 0) break;
    }
    this.i = this.tokens[j]?.text === ':' ? j + 1 : j;
    return [start, j];
  }

  /** A compound statement's body: an indented block, or a simple statement after the ':'. */
  private body(indent: number, live: boolean): void {
    if (this.peek().kind === 'nl') this.suite(indent, live);
    else this.simple(live);
  }

  private clause(live: boolean): void {
    const keyword = this.peek();
    const [start, end] = this.header();
    if (keyword.text === 'def' && this.tokens[start]?.kind === 'name') {
      const name = this.tokens[start]!.text;
      // Parameter names: the names directly inside the parentheses, before ',', ')' or a default.
      const params = this.tokens
        .slice(start + 2, end)
        .filter((t, k, all) => t.kind === 'name' && [',', ')', '=', ':'].includes(all[k + 1]?.text ?? ')'))
        .map((t) => t.text);
      this.vars.set(name, { kind: 'def', name });
      this.defs.set(name, { params, indent: keyword.indent, body: this.i });
    }
    this.body(keyword.indent, live);
  }

  private ifChain(live: boolean): void {
    const indent = this.peek().indent;
    let taken = false;
    for (;;) {
      const keyword = this.peek().text;
      const [start, end] = this.header();
      const holds: boolean = keyword === 'else' || (live && !taken && this.condition(start, end));
      this.body(indent, live && !taken && holds);
      taken ||= holds;
      this.skipBlankLines();
      const n = this.peek();
      if (!(n.kind === 'name' && (n.text === 'elif' || n.text === 'else') && n.indent === indent)) return;
    }
  }

  /** Whether the condition in tokens [start, end) holds; false when it cannot be evaluated. */
  private condition(start: number, end: number): boolean {
    const save = this.i;
    this.i = start;
    try {
      const value = this.expression();
      return this.i === end && truthy(value) === true;
    } catch (e) {
      if (e instanceof ScriptError) throw e;
      return false;
    } finally {
      this.i = save;
    }
  }

  /** One simple statement up to its line end; Python the subset does not cover is skipped. */
  private simple(live: boolean): void {
    let end = this.i;
    while (end < this.tokens.length && this.tokens[end]!.kind !== 'nl') end++;
    if (live) {
      try {
        this.statement();
      } catch (e) {
        if (e instanceof ScriptError) throw e;
      }
    }
    this.i = end + 1;
  }

  private statement(): void {
    const first = this.peek();
    if (first.kind === 'name' && (first.text === 'import' || first.text === 'from')) return;
    if (first.kind === 'name' && first.text === 'global') {
      for (this.next(); this.peek().kind === 'name'; this.eat(',')) this.globalNames.add(this.next().text);
      return;
    }
    // NAME = expr (one target); tuple targets and augmented assignments just evaluate the right side.
    const assign = this.peek().kind === 'name' && this.peek(1).text === '=' ? this.next().text : null;
    if (assign !== null) this.next();
    else {
      let depth = 0;
      for (let j = this.i; this.tokens[j] && this.tokens[j]!.kind !== 'nl'; j++) {
        const t = this.tokens[j]!;
        if ('([{'.includes(t.text)) depth++;
        if (')]}'.includes(t.text)) depth--;
        if (t.text === '=' && depth === 0 && t.kind === 'op') {
          this.i = j + 1;
          break;
        }
      }
    }
    const value = this.expression();
    if (assign !== null) this.vars.set(assign, value);
  }

  protected construct(args: CallArgs): Value {
    return constructBpf(this.facts, args);
  }

  protected callName(name: string, { positional, keyword }: CallArgs): Value | null {
    const [first] = positional;
    switch (name) {
      case 'print':
      case 'printb': {
        const sep = keyword.get('sep');
        this.printed?.push(positional.map(pyStr).join(sep?.kind === 'str' ? sep.value : ' '));
        return { kind: 'none' };
      }
      case 'str':
        return first === undefined ? { kind: 'str', value: '' } : { kind: 'str', value: pyStr(first) };
      case 'int':
      case 'float': {
        const n = first?.kind === 'num' ? first.value : first?.kind === 'str' ? Number(first.value) : NaN;
        if (Number.isNaN(n)) return UNKNOWN;
        return { kind: 'num', value: name === 'int' ? Math.trunc(n) : n };
      }
      default:
        return null;
    }
  }

  protected subscript(target: Value, key: Value): Value {
    if (target.kind === 'bpf' && key.kind === 'str') return { kind: 'table', name: key.value };
    if (target.kind === 'record' && key.kind === 'str' && key.value in target.value)
      return fromJson(target.value[key.value]!);
    if (target.kind === 'tuple' && key.kind === 'num') return target.items[key.value] ?? UNKNOWN;
    return UNKNOWN;
  }

  protected method(target: Value, method: string, args: CallArgs, line: number): Value {
    // ctypes' cast(data, POINTER(Data)).contents: older scripts decode records so.
    const [first] = args.positional;
    if (method === 'cast' && first?.kind === 'record') return first;
    return bpfMethod(this.facts, target, method, args, line);
  }
}

function readScript(script: string): Reader {
  const reader = new Reader(tokenizePython(script));
  reader.run();
  if (reader.facts.text === null && reader.facts.srcFile === null)
    throw new BccError('the script creates no BPF(text=...) or BPF(src_file=...) object');
  return reader;
}

/** Reads a BCC Python script (see the file comment). */
export function parseBccScript(script: string): BccScript {
  const { text, srcFile, attachments, trace, histograms, buffers } = readScript(script).facts;
  return { text, srcFile, attachments, output: { trace, histograms, buffers } };
}

/** Prints one buffer record the way the script's callback does: the lines its print() calls give. */
export type ScriptPrinter = (callback: string, cpu: number, record: JsonValue | undefined, size: number) => string[];

/** The script's callbacks, ready to run per record. */
export function scriptPrinter(script: string): ScriptPrinter {
  const reader = readScript(script);
  return (callback, cpu, record, size) => reader.callback(callback, cpu, record, size);
}
