/**
 * The BCC Python front: reads a pasted BCC script (hello.py) for what the playground needs — the
 * C program (BPF(text=...) or BPF(src_file=...)), where its functions attach, and how the script
 * shows results (trace_print, trace_fields, print_log2_hist). It is a small parser of the Python
 * subset such scripts use, not an interpreter: assignments of strings and BPF objects, calls of
 * BPF's methods, string concatenation. Everything else (loops, printing, argument parsing) is
 * skipped; statements inside if/else/while bodies are read as if they ran once.
 */
import type { Attachment, AttachType } from '../kernel';
import { syscallFnName } from '../kernel';
import { BccError } from './tokens';

export interface ScriptAttachment {
  readonly attachment: Attachment;
  /** The C function attached. */
  readonly program: string;
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
  };
}

type Value =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bpf' }
  | { readonly kind: 'BPF' }
  | { readonly kind: 'func'; readonly name: string }
  | { readonly kind: 'table'; readonly name: string }
  | { readonly kind: 'unknown' };

const UNKNOWN: Value = { kind: 'unknown' };

/** A problem with what the playground needs from the script (the C, an attachment): never skipped. */
class ScriptError extends BccError {}

interface PyToken {
  readonly kind: 'name' | 'str' | 'num' | 'op' | 'nl';
  readonly text: string;
  readonly value?: string;
  readonly line: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '\n': '' }; // prettier-ignore

/** A Python string literal's value (prefixes r, b, u, f; single, double and triple quotes). */
function stringValue(literal: string): string {
  const m = /^([rRbBuUfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(literal);
  if (!m) throw new BccError(`bad string literal ${literal.slice(0, 20)}`);
  const raw = /r/i.test(m[1]!);
  const body = m[3]!;
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) =>
    e.startsWith('x') && e.length === 3 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? `\\${e}`),
  );
}

const TOKEN =
  /([rRbBuUfF]{0,2}(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:[^'\\\n]|\\[\s\S])*'|"(?:[^"\\\n]|\\[\s\S])*"))|([A-Za-z_]\w*)|(\d[\w.]*)|(#[^\n]*)|(\\\n)|(\n)|([ \t\r]+)|(\*\*|\/\/|==|!=|<=|>=|[-+*/%=()[\]{}.,:<>!&|^~@;])/y;

function tokenizePython(text: string): PyToken[] {
  const out: PyToken[] = [];
  let pos = 0;
  let line = 1;
  let depth = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new BccError(`cannot read the script at '${text.slice(pos, pos + 20)}'`, line);
    const [all, str, name, num, , cont, nl] = m;
    if (str) out.push({ kind: 'str', text: str, value: stringValue(str), line });
    else if (name) out.push({ kind: 'name', text: name, line });
    else if (num) out.push({ kind: 'num', text: num, line });
    else if (nl && depth === 0) out.push({ kind: 'nl', text: '\n', line });
    else if (!cont && !nl && m[7] === undefined && m[4] === undefined) {
      const op = m[8]!;
      if ('([{'.includes(op)) depth++;
      if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
      out.push({ kind: op === ';' ? 'nl' : 'op', text: op, line });
    }
    line += all.split('\n').length - 1;
    pos += all.length;
  }
  out.push({ kind: 'nl', text: '\n', line });
  return out;
}

/** Headers of compound statements: their bodies are read as plain statements. */
const COMPOUND = /^(if|elif|else|while|for|try|except|finally|with|def|class)$/;

class Reader {
  private i = 0;
  readonly vars = new Map<string, Value>();
  text: string | null = null;
  srcFile: string | null = null;
  readonly attachments: ScriptAttachment[] = [];
  trace = false;
  readonly histograms: { map: string; label: string }[] = [];

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

  run(): void {
    while (this.i < this.tokens.length) {
      const start = this.i;
      try {
        this.statement();
      } catch (e) {
        if (e instanceof ScriptError) throw e;
        // Python the subset does not cover (formatting, loops' logic): skip the statement.
      }
      while (this.i < this.tokens.length && this.peek().kind !== 'nl') this.i++;
      this.i++;
      if (this.i <= start) this.i = start + 1;
    }
  }

  private statement(): void {
    const first = this.peek();
    if (first.kind === 'nl') return;
    if (first.kind === 'name' && (first.text === 'import' || first.text === 'from')) return;
    if (first.kind === 'name' && COMPOUND.test(first.text)) {
      // Skip the header up to its top-level ':'; a one-line body after it is still read.
      while (this.peek().kind !== 'nl' && this.peek().text !== ':') this.next();
      if (!this.eat(':')) return;
      if (this.peek().kind === 'nl') return;
    }
    // NAME = expr (one target); tuple targets and augmented assignments just evaluate the right side.
    const assign = this.peek().kind === 'name' && this.peek(1).text === '=' ? this.next().text : null;
    if (assign !== null) this.next();
    else {
      const save = this.i;
      let depth = 0;
      for (let j = this.i; this.tokens[j] && this.tokens[j]!.kind !== 'nl'; j++) {
        const t = this.tokens[j]!.text;
        if ('([{'.includes(t)) depth++;
        if (')]}'.includes(t)) depth--;
        if (t === '=' && depth === 0 && this.tokens[j]!.kind === 'op') {
          this.i = j + 1;
          break;
        }
      }
      if (this.i === save) this.i = save;
    }
    const value = this.expression();
    if (assign !== null) this.vars.set(assign, value);
  }

  private expression(): Value {
    let left = this.postfix();
    while (this.peek().text === '+' && this.peek().kind === 'op') {
      this.next();
      const right = this.postfix();
      left = left.kind === 'str' && right.kind === 'str' ? { kind: 'str', value: left.value + right.value } : UNKNOWN;
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
      return this.vars.get(t.text) ?? UNKNOWN;
    }
    if (t.kind === 'num') return UNKNOWN;
    if (t.text === '(') {
      const v = this.expression();
      if (!this.eat(')')) throw new BccError('expected )', t.line);
      return v;
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
    if (target.kind === 'table' && method.startsWith('print_')) {
      const label = arg('val_type', 0);
      this.histograms.push({ map: target.name, label: label.kind === 'str' ? label.value : 'value' });
      return UNKNOWN;
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
    output: { trace: reader.trace, histograms: reader.histograms },
  };
}
