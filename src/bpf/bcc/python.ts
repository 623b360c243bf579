/**
 * The BCC Python front: reads a pasted BCC script (hello.py) for what the playground needs — the
 * C program (BPF(text=...) or BPF(src_file=...)), where its functions attach, and how the script
 * shows results (trace_print/trace_fields, print_log2_hist, perf and ring buffer callbacks). It
 * is a small reader of the Python subset such scripts use, not an interpreter: assignments of
 * strings and BPF objects, calls of BPF's methods, string concatenation, comparisons.
 *
 * Blocks follow Python's indentation: `if`/`elif`/`else` take the first branch whose condition
 * holds; conditions the front cannot evaluate (command-line options, mostly) count as false, as
 * when the script runs without arguments. Loop, `with` and `try` bodies are read once; `except`
 * bodies and `def`/`class` bodies do not run (a def is remembered as a callback name).
 */
import type { Attachment, AttachType } from '../kernel';
import { syscallFnName } from '../kernel';
import { type PyToken, tokenizePython } from './python-tokens';
import { equals, kernelQuery, truthy, UNKNOWN, type Value } from './python-values';
import { BccError } from './tokens';

export interface ScriptAttachment {
  readonly attachment: Attachment;
  /** The C function attached. */
  readonly program: string;
}

/** b["events"].open_perf_buffer(callback) / open_ring_buffer(callback). */
export interface ScriptBuffer {
  readonly map: string;
  readonly kind: 'perf' | 'ring';
  /** The script's callback function, when it defines it with def. */
  readonly callback: string | null;
}

export interface BccScript {
  /** BPF(text=...): the C source; null when the script names a file instead. */
  readonly text: string | null;
  /** BPF(src_file=...): the C file, relative to the script. */
  readonly srcFile: string | null;
  readonly attachments: readonly ScriptAttachment[];
  /** How the script shows output: trace_print/trace_fields read trace_pipe; histograms are printed at the end. */
  readonly output: {
    readonly trace: boolean;
    readonly histograms: readonly { readonly map: string; readonly label: string }[];
    /** Perf and ring buffers the script opens (their records are printed as they arrive). */
    readonly buffers: readonly ScriptBuffer[];
  };
}

/** A problem with what the playground needs from the script (the C, an attachment): never skipped. */
class ScriptError extends BccError {}

/** Compound statements whose bodies do not run on the script's normal path. */
const NOT_RUN = new Set(['except', 'class', 'def']);
const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'def', 'class']);

class Reader {
  private i = 0;
  readonly vars = new Map<string, Value>([['__name__', { kind: 'str', value: '__main__' }]]);
  text: string | null = null;
  srcFile: string | null = null;
  readonly attachments: ScriptAttachment[] = [];
  trace = false;
  readonly histograms: { map: string; label: string }[] = [];
  readonly buffers: ScriptBuffer[] = [];

  constructor(private readonly tokens: readonly PyToken[]) {}

  private peek(offset = 0): PyToken {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): PyToken {
    return this.tokens[Math.min(this.i++, this.tokens.length - 1)]!;
  }

  private eat(text: string): boolean {
    if (this.peek().kind !== 'str' && this.peek().text === text) {
      this.i++;
      return true;
    }
    return false;
  }

  private skipBlankLines(): void {
    while (this.i < this.tokens.length && this.peek().kind === 'nl') this.i++;
  }

  run(): void {
    this.suite(-1, true);
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
    const [start] = this.header();
    if (keyword.text === 'def' && this.tokens[start]?.kind === 'name') {
      const name = this.tokens[start]!.text;
      this.vars.set(name, { kind: 'def', name });
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

  private expression(): Value {
    let left = this.conjunction();
    while (this.peek().kind === 'name' && this.peek().text === 'or') {
      this.next();
      const right = this.conjunction();
      const l = truthy(left);
      left = l === true ? left : l === false ? right : UNKNOWN;
    }
    return left;
  }

  private conjunction(): Value {
    let left = this.negation();
    while (this.peek().kind === 'name' && this.peek().text === 'and') {
      this.next();
      const right = this.negation();
      const l = truthy(left);
      left = l === false ? left : l === true ? right : UNKNOWN;
    }
    return left;
  }

  private negation(): Value {
    if (this.peek().kind === 'name' && this.peek().text === 'not') {
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
    let left = this.postfix();
    while (this.peek().kind === 'op' && '+-*/%'.includes(this.peek().text)) {
      const op = this.next().text;
      const right = this.postfix();
      left = op === '+' && left.kind === 'str' && right.kind === 'str' ? { kind: 'str', value: left.value + right.value } : UNKNOWN; // prettier-ignore
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
      if (t.text === 'BPF') return this.peek().text === '(' ? this.construct() : { kind: 'BPF' };
      if (t.text === 'True' || t.text === 'False') return { kind: 'bool', value: t.text === 'True' };
      if (t.text === 'None') return { kind: 'none' };
      if (t.text === 'lambda') {
        while (this.peek().kind !== 'nl' && !this.eat(':')) this.next();
        this.expression();
        return UNKNOWN;
      }
      return this.vars.get(t.text) ?? UNKNOWN;
    }
    if (t.kind === 'num') {
      const n = Number(t.text.replace(/_/g, ''));
      return Number.isFinite(n) ? { kind: 'num', value: n } : UNKNOWN;
    }
    if (t.text === '(') {
      const v = this.expression();
      if (!this.eat(')')) throw new BccError('expected )', t.line);
      return v;
    }
    if (t.text === '-' && this.peek().kind === 'num') {
      const v = this.primary();
      return v.kind === 'num' ? { kind: 'num', value: -v.value } : UNKNOWN;
    }
    throw new BccError(`unsupported syntax '${t.text}'`, t.line);
  }

  /** Call arguments: positional values and keyword values. */
  private args(): { positional: Value[]; keyword: Map<string, Value> } {
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

  private construct(): Value {
    const { positional, keyword } = this.args();
    const text = keyword.get('text') ?? positional[0];
    const src = keyword.get('src_file');
    if (text?.kind === 'str') this.text = text.value;
    else if (src?.kind === 'str') this.srcFile = src.value;
    else throw new ScriptError('BPF(...) needs text= a string (or src_file= a file name) the script defines literally');
    return { kind: 'bpf' };
  }

  private postfix(): Value {
    let value = this.primary();
    for (;;) {
      if (this.eat('.')) {
        const method = this.next().text;
        if (this.peek().text === '(') value = this.call(value, method);
        else value = value.kind === 'BPF' && method === 'XDP' ? { kind: 'str', value: 'XDP' } : UNKNOWN;
      } else if (this.peek().text === '[') {
        this.next();
        const key = this.expression();
        if (!this.eat(']')) throw new BccError('expected ]');
        value = value.kind === 'bpf' && key.kind === 'str' ? { kind: 'table', name: key.value } : UNKNOWN;
      } else if (this.peek().text === '(') {
        this.args();
        value = UNKNOWN;
      } else return value;
    }
  }

  private call(target: Value, method: string): Value {
    const line = this.peek().line;
    const { positional, keyword } = this.args();
    const arg = (name: string, index: number): Value => keyword.get(name) ?? positional[index] ?? UNKNOWN;
    const str = (v: Value, what: string): string => {
      if (v.kind === 'str') return v.value;
      throw new ScriptError(`${method}: ${what} must be a string the script spells out`, line);
    };
    if (target.kind === 'str' && (method === 'encode' || method === 'decode')) return target;
    if (target.kind === 'table') return this.tableCall(target.name, method, arg('callback', 0), arg('val_type', 0));
    if (target.kind === 'BPF') {
      const answer = kernelQuery(method, positional);
      if (answer !== null) return answer;
    }
    if (target.kind !== 'bpf' && target.kind !== 'BPF') return UNKNOWN;
    switch (method) {
      case 'get_syscall_fnname':
        return { kind: 'str', value: syscallFnName(str(arg('name', 0), 'the syscall name')) };
      case 'load_func':
        return { kind: 'func', name: str(arg('func_name', 0), 'the function name') };
      case 'get_table':
        return { kind: 'table', name: str(arg('name', 0), 'the table name') };
      case 'trace_print':
      case 'trace_fields':
      case 'trace_readline':
        this.trace = true;
        return UNKNOWN;
      case 'attach_kprobe':
      case 'attach_kretprobe':
      case 'attach_tracepoint':
      case 'attach_raw_tracepoint': {
        const type = method.slice('attach_'.length) as AttachType;
        const where = type.endsWith('tracepoint') ? arg('tp', 0) : arg('event', 0);
        const program = str(arg('fn_name', 1), `${method} fn_name`);
        this.attachments.push({ attachment: { type, target: str(where, `the ${method} target`) }, program });
        return UNKNOWN;
      }
      case 'attach_xdp': {
        const dev = arg('dev', 0);
        const fn = arg('fn', 1);
        if (fn.kind !== 'func')
          throw new ScriptError('attach_xdp: fn must come from b.load_func("name", BPF.XDP)', line);
        // Scripts usually take the device from argv; the simulated network receives on eth0.
        const target = dev.kind === 'str' ? dev.value : 'eth0';
        this.attachments.push({ attachment: { type: 'xdp', target }, program: fn.name });
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** Methods of b["name"]: printing histograms, opening perf and ring buffers. */
  private tableCall(map: string, method: string, callback: Value, label: Value): Value {
    if (method.startsWith('print_')) {
      this.histograms.push({ map, label: label.kind === 'str' ? label.value : 'value' });
    } else if (method === 'open_perf_buffer' || method === 'open_ring_buffer') {
      const kind = method === 'open_perf_buffer' ? 'perf' : 'ring';
      this.buffers.push({ map, kind, callback: callback.kind === 'def' ? callback.name : null });
    }
    return UNKNOWN;
  }
}

/** Reads a BCC Python script (see the file comment). */
export function parseBccScript(script: string): BccScript {
  const reader = new Reader(tokenizePython(script));
  reader.run();
  if (reader.text === null && reader.srcFile === null)
    throw new BccError('the script creates no BPF(text=...) or BPF(src_file=...) object');
  return {
    text: reader.text,
    srcFile: reader.srcFile,
    attachments: reader.attachments,
    output: { trace: reader.trace, histograms: reader.histograms, buffers: reader.buffers },
  };
}
