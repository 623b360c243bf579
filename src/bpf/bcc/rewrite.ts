/**
 * The BCC dialect as a source-to-source rewrite: BCC-style C in, libbpf-style C out, compiled by
 * the same clang and headers as everything else.
 *
 * What it rewrites (and how BCC itself treats the same code):
 *  - BPF_HASH/ARRAY/... declarations → BTF map definitions; map.method(...) → helper calls (maps.ts);
 *  - bpf_trace_printk("fmt", args...) → the format in a static array plus its size;
 *  - kernel headers → vmlinux.h, and a prelude with libbpf's headers and BCC's inline helpers;
 *  - every non-static function definition is a program: it gets a SEC() from its name
 *    (kprobe__X, kretprobe__X, syscall__X), from where it is attached, or from its ctx type;
 *  - a probe function's parameters after ctx are the probed function's arguments: they become
 *    locals read from PT_REGS_PARM1..5 (from the user registers for syscall wrappers, which on
 *    x86-64 take a single struct pt_regs *);
 *  - TRACEPOINT_PROBE(category, event) and tracepoint__C__E functions: tracepoint programs whose
 *    `args` is the event record (tracepoint.ts);
 *  - dereferences of kernel pointers (`p->a->b`, casts, `*p`) become probe reads, as BCC turns
 *    them into bpf_probe_read calls (kernel-reads.ts);
 *  - records sent with .perf_submit/.ringbuf_output get their C type into BTF (records.ts).
 *
 * Scope (it is a tokenizer and a light parser, not clang's AST): kernel pointers are the probe
 * parameters and locals declared as `struct K *` for the simulated kernel's structs K, and casts
 * to `struct K *`; pointers kept in struct members or in variables of other types are not
 * followed (tests/bcc/ast.test.ts checks the result against clang-19's AST). Only the main file
 * is rewritten (headers it includes with quotes must be plain C).
 */
import { type Attachment, KERNEL_FUNCTIONS, KERNEL_STRUCTS } from '../kernel';
import { mapInclude, needsKernelTypes, prelude, systemInclude } from './includes';
import { type BccMap, type BccMapMacro, declareMap, MAP_MACROS, mapDefinition, mapMethod } from './maps';
import { castChain, derefRead, memberChain, newlinesOf, type Scope } from './kernel-reads';
import { recordAnchors, recordType } from './records';
import { tracepointName, tracepointOfName, tracepointStruct } from './tracepoint';
import {
  BccError,
  isTrivia,
  lineOf,
  matchBracket,
  prevSignificant,
  skipTrivia,
  splitArgs,
  textOf,
  type Token,
  tokenize,
} from './tokens';

export interface BccRewriteOptions {
  /** Name for #line, so diagnostics name the user's file (default "prog.c"). */
  readonly fileName?: string;
  /** Where functions are attached (from the Python front or --attach): picks SEC() and argument reads. */
  readonly attachments?: ReadonlyMap<string, Attachment>;
}

export interface BccProgram {
  /** The function's name in the user's source. */
  readonly name: string;
  readonly section: string;
  /** Its name in the object (differs from `name` only when it would clash with the section). */
  readonly symbol: string;
}

export interface BccRewrite {
  /** libbpf-style C for the compiler. */
  readonly source: string;
  readonly programs: readonly BccProgram[];
  readonly maps: readonly BccMap[];
}

/**
 * Calls whose arguments are not reads of kernel memory: types, sizes, and CO-RE reads (which read
 * their chains themselves). A probe read's source is a value like any other: `&p->a` and
 * `p->a->name` (an array) are addresses, `p->ptr` must be read to give one.
 */
const NO_READ_CALLS = new Set([
  'sizeof', 'typeof', '__typeof__', 'offsetof', '__builtin_offsetof', '__builtin_preserve_access_index',
  'bpf_core_read', 'bpf_core_read_str', 'BPF_CORE_READ', 'BPF_CORE_READ_INTO', 'BPF_CORE_READ_STR_INTO',
  'bpf_core_field_exists',
]); // prettier-ignore

const NO_SCOPE: Scope = { kernelPointers: new Map(), noRead: false };

class Rewriter {
  readonly tokens: Token[];
  readonly maps = new Map<string, BccMap>();
  readonly programs: BccProgram[] = [];
  /** Perf/ring buffer map → the C type of the records the program sends (see recordAnchors). */
  readonly records = new Map<string, string>();

  constructor(
    readonly source: string,
    readonly options: BccRewriteOptions,
  ) {
    this.tokens = tokenize(source);
  }

  line(i: number): number {
    return lineOf(this.source, this.tokens[i]?.pos ?? this.source.length);
  }

  sig(i: number): Token | undefined {
    return this.tokens[skipTrivia(this.tokens, i)];
  }

  /** Emits tokens [start, end) with method calls, printk and (in scope) kernel reads rewritten. */
  emit(start: number, end: number, scope: Scope): string {
    const t = this.tokens;
    let out = '';
    for (let i = start; i < end; i++) {
      const tok = t[i]!;
      if (tok.kind !== 'ident') {
        const read = scope.noRead ? null : tok.text === '(' ? castChain(this, i, scope) : tok.text === '*' ? derefRead(this, i, scope) : null; // prettier-ignore
        out += read === null ? tok.text : read[0];
        if (read !== null) i = read[1];
        continue;
      }
      const next = skipTrivia(t, i + 1);
      const nextText = t[next]?.text;
      // map.method(args)
      const map = this.maps.get(tok.text);
      if (map && nextText === '.') {
        const m = skipTrivia(t, next + 1);
        const open = skipTrivia(t, m + 1);
        if (t[m]?.kind === 'ident' && t[open]?.text === '(') {
          const close = matchBracket(t, open);
          const ranges = splitArgs(t, open, close);
          const args = ranges.map(([a, b]) => this.emit(a, b, scope).trim());
          out += mapMethod(map, t[m]!.text, args, this.line(i)) + newlinesOf(this.raw(i, close + 1));
          const data = { perf_submit: ranges[1], ringbuf_output: ranges[0] }[t[m]!.text];
          const type = data === undefined ? null : recordType(t, data[0], data[1], i);
          if (type !== null && !this.records.has(map.name)) this.records.set(map.name, type);
          i = close;
          continue;
        }
      }
      if (nextText === '(' && tok.text === 'bpf_trace_printk') {
        const close = matchBracket(t, next);
        out += this.printk(next, close, scope);
        i = close;
        continue;
      }
      if (nextText === '(' && NO_READ_CALLS.has(tok.text)) {
        const close = matchBracket(t, next);
        out += this.raw(i, next + 1) + this.emit(next + 1, close, { ...scope, noRead: true }) + ')';
        i = close;
        continue;
      }
      const prev = t[prevSignificant(t, i)]?.text;
      const isMember = prev === '.' || prev === '->';
      if (nextText === '->' && !scope.noRead && !isMember && scope.kernelPointers.has(tok.text)) {
        const [text, last] = memberChain(this, i, i, tok.text, scope.kernelPointers.get(tok.text) ?? null, scope);
        out += text;
        i = last;
        continue;
      }
      out += tok.text;
    }
    return out;
  }

  raw(start: number, end: number): string {
    return this.tokens
      .slice(start, end)
      .map((x) => x.text)
      .join('');
  }

  /** One-argument (or literal-format) bpf_trace_printk → format array + sizeof, as BCC does. */
  printk(open: number, close: number, scope: Scope): string {
    const t = this.tokens;
    const args = splitArgs(t, open, close);
    const first = args[0];
    const isLiteral =
      first !== undefined &&
      t.slice(first[0], first[1]).every((x) => isTrivia(x) || x.kind === 'string') &&
      t.slice(first[0], first[1]).some((x) => x.kind === 'string');
    const emitted = args.map(([a, b]) => this.emit(a, b, scope).trim());
    const lines = newlinesOf(this.raw(open, close + 1));
    if (!isLiteral) return `bpf_trace_printk(${emitted.join(', ')})${lines}`;
    if (args.length > 4)
      throw new BccError('bpf_trace_printk takes at most 3 arguments after the format', this.line(open));
    const rest = emitted
      .slice(1)
      .map((a) => `, ${a}`)
      .join('');
    return `({ static const char __bcc_fmt[] = ${emitted[0]}; bpf_trace_printk(__bcc_fmt, sizeof(__bcc_fmt)${rest}); })${lines}`;
  }
}

/** Kernel pointer variables declared in a function: `struct K *name` with K a simulated kernel struct. */
function kernelPointerDecls(tokens: readonly Token[], start: number, end: number): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = start; i < end; i++) {
    if (tokens[i]!.text !== 'struct') continue;
    const nameAt = skipTrivia(tokens, i + 1);
    const struct = tokens[nameAt]?.text ?? '';
    if (!KERNEL_STRUCTS.has(struct)) continue;
    let j = skipTrivia(tokens, nameAt + 1);
    // struct K *a, *b: each declarator with a star.
    for (;;) {
      if (tokens[j]?.text !== '*') break;
      while (tokens[j]?.text === '*' || tokens[j]?.text === 'const') j = skipTrivia(tokens, j + 1);
      if (tokens[j]?.kind !== 'ident') break;
      out.set(tokens[j]!.text, struct);
      j = skipTrivia(tokens, j + 1);
      if (tokens[j]?.text !== ',') break;
      j = skipTrivia(tokens, j + 1);
    }
  }
  return out;
}

/** BCC's function-name conventions for attach points. */
function attachmentFromName(name: string): Attachment | null {
  const m = /^(kprobe|kretprobe)__(\w+)$/.exec(name);
  if (m?.[1] && m[2]) return { type: m[1] as 'kprobe' | 'kretprobe', target: m[2] };
  const tp = tracepointOfName(name);
  return tp === null ? null : { type: 'tracepoint', target: tp.join(':') };
}

function sectionFor(attachment: Attachment | null, ctxType: string): string {
  if (attachment === null) {
    if (/\bstruct\s+xdp_md\b/.test(ctxType)) return 'xdp';
    if (/\bstruct\s+__sk_buff\b/.test(ctxType)) return 'socket';
    return 'kprobe';
  }
  switch (attachment.type) {
    case 'kprobe':
    case 'kretprobe':
      return `${attachment.type}/${attachment.target}`;
    case 'tracepoint':
      return `tracepoint/${attachment.target.replace(':', '/')}`;
    case 'raw_tracepoint':
      return `raw_tracepoint/${attachment.target.replace(/^.*:/, '')}`;
    case 'xdp':
      return 'xdp';
  }
}

/** Whether `target` is a syscall wrapper, whose one parameter is the user's struct pt_regs *. */
function isSyscallWrapper(target: string | undefined): boolean {
  const params = target === undefined ? undefined : KERNEL_FUNCTIONS.get(target)?.params;
  return target?.startsWith('__x64_sys_') === true && params?.length === 1 && /pt_regs/.test(params[0]!.type);
}

interface FunctionParts {
  readonly declStart: number;
  readonly name: number;
  readonly open: number;
  readonly close: number;
  readonly bodyOpen: number;
  readonly bodyClose: number;
}

/** The probe function: SEC(), ctx-only signature, argument locals, kernel reads in the body. */
function emitProgram(r: Rewriter, f: FunctionParts): string {
  const t = r.tokens;
  const name = t[f.name]!.text;
  const params = splitArgs(t, f.open, f.close).map(([a, b]) => ({ text: textOf(t, a, b), start: a, end: b }));
  const ctx = params[0]?.text && params[0].text !== 'void' ? params[0].text : 'void *ctx';
  const ctxName = /(\w+)\s*$/.exec(ctx)?.[1] ?? 'ctx';
  const bySyscallPrefix = /^syscall__(\w+)$/.exec(name)?.[1];
  const attachment =
    r.options.attachments?.get(name) ??
    attachmentFromName(name) ??
    (bySyscallPrefix ? { type: 'kprobe' as const, target: `__x64_sys_${bySyscallPrefix}` } : null);
  const section = sectionFor(attachment, ctx);
  // A function named like its section (BCC's `int xdp(struct xdp_md *ctx)`) would clash with the
  // section's symbol in the object; it is renamed, and the loader still finds it by section name.
  const symbol = section === name ? `${name}_prog` : name;
  r.programs.push({ name, section, symbol });

  const extra = params.slice(1);
  const locals: string[] = [];
  const kernelPointers = new Map<string, string | null>();
  if (extra.length > 0) {
    const line = r.line(f.open);
    if (attachment !== null && attachment.type !== 'kprobe')
      throw new BccError(`${name}: only kprobe functions take the probed function's arguments after ctx`, line);
    const target = attachment?.target;
    const syscall = bySyscallPrefix !== undefined || isSyscallWrapper(target);
    const proto = target === undefined || syscall ? undefined : KERNEL_FUNCTIONS.get(target);
    const max = Math.min(5, proto?.params.length ?? 5);
    if (extra.length > max)
      throw new BccError(`${name}: ${target ?? 'a kprobe'} gives at most ${max} arguments (PT_REGS_PARM1..${max}), the function asks for ${extra.length}`, line); // prettier-ignore
    const regs = `((struct pt_regs *)(${ctxName}))`;
    extra.forEach((p, i) => {
      const m = /^(.*?)(\w+)\s*$/s.exec(p.text);
      if (!m?.[1] || !m[2]) throw new BccError(`${name}: cannot read parameter '${p.text}'`, line);
      const type = m[1].trim();
      // Syscall wrappers get the user registers; the arguments are read from them (kernel memory).
      const value = syscall
        ? `PT_REGS_PARM${i + 1}_CORE_SYSCALL(PT_REGS_SYSCALL_REGS(${regs}))`
        : `PT_REGS_PARM${i + 1}(${regs})`;
      locals.push(`${type} ${m[2]} = (${type})${value};`);
      const struct = /^(?:const\s+)?struct\s+(\w+)\s*\*$/.exec(type)?.[1];
      if (type.includes('*')) kernelPointers.set(m[2], struct && KERNEL_STRUCTS.has(struct) ? struct : null);
    });
  }
  for (const [n, s] of kernelPointerDecls(t, f.bodyOpen, f.bodyClose)) if (n !== ctxName) kernelPointers.set(n, s);

  const signature = `${ctx}${newlinesOf(r.raw(f.open + 1, f.close))}`;
  const body = `{ ${locals.join(' ')}${r.emit(f.bodyOpen + 1, f.bodyClose, { kernelPointers, noRead: false })}}`;
  const declTokens = t.slice(f.declStart, f.name).filter((x) => !isTrivia(x));
  const leading = r.raw(f.declStart, f.name);
  if (declTokens.length === 1 && declTokens[0]!.text === 'void') {
    // A program must return a value: the user's void function becomes an inlined body and a
    // wrapper under the user's name returns 0 (the kernel ignores kprobe return values).
    const inner = `__bcc_body_${name}`;
    const lead = leading.replace(/\bvoid\b/, 'static __always_inline void');
    const wrapper = ` SEC("${section}") int ${symbol}(${ctx}) { ${inner}(${ctxName}); return 0; }`;
    return `${lead}${inner}(${signature})${r.raw(f.close + 1, f.bodyOpen)}${body}${wrapper}`;
  }
  const lead = leading.replace(/^(\s*)/, `$1${recordStruct(ctx, r.line(f.name))}SEC("${section}") `);
  return `${lead}${symbol}(${signature})${r.raw(f.close + 1, f.bodyOpen)}${body}`;
}

/** The record struct a tracepoint ctx type `struct tracepoint__C__E *` names, defined before the program. */
function recordStruct(ctx: string, line: number): string {
  const tp = tracepointOfName(/\bstruct\s+(tracepoint__\w+)/.exec(ctx)?.[1] ?? '');
  return tp === null ? '' : `${tracepointStruct(tp[0], tp[1], line)} `;
}

/** TRACEPOINT_PROBE(category, event) { body }: a tracepoint program whose record is `args`. */
function emitTracepointProbe(r: Rewriter, at: number, open: number, close: number): [string, number] {
  const t = r.tokens;
  const line = r.line(at);
  const args = splitArgs(t, open, close).map(([a, b]) => textOf(t, a, b));
  const bodyOpen = skipTrivia(t, close + 1);
  const [category, event] = args;
  if (args.length !== 2 || !category || !event || t[bodyOpen]?.text !== '{')
    throw new BccError('TRACEPOINT_PROBE(category, event) takes two names and is followed by the probe body { ... }', line); // prettier-ignore
  const bodyClose = matchBracket(t, bodyOpen);
  const name = tracepointName(category, event);
  const section = `tracepoint/${category}/${event}`;
  r.programs.push({ name, section, symbol: name });
  const head = `${tracepointStruct(category, event, line)} SEC("${section}") int ${name}(struct ${name} *args)`;
  const body = r.emit(bodyOpen + 1, bodyClose, { kernelPointers: kernelPointerDecls(t, bodyOpen, bodyClose), noRead: false }); // prettier-ignore
  return [`${head}${newlinesOf(r.raw(at, bodyOpen))}{${body}}`, bodyClose];
}

/** Rewrites BCC-style C into C our clang and headers compile (see the file comment). */
export function rewriteBcc(source: string, options: BccRewriteOptions = {}): BccRewrite {
  const r = new Rewriter(source, options);
  const t = r.tokens;
  const headers = t.map((x) => (x.kind === 'directive' ? systemInclude(x.text) : null)).filter((h) => h !== null);
  const kernelTypes = headers.some(needsKernelTypes);

  let out = '';
  let declStart = 0;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind === 'directive') {
      const header = systemInclude(tok.text);
      const mapped = header === null ? null : mapInclude(header, kernelTypes);
      out += mapped === null ? tok.text : mapped + newlinesOf(tok.text);
      declStart = i + 1;
      continue;
    }
    if (tok.kind === 'punct' && (tok.text === ';' || tok.text === '}')) {
      out += tok.text;
      declStart = i + 1;
      continue;
    }
    if (tok.kind === 'punct' && (tok.text === '{' || tok.text === '(' || tok.text === '[')) {
      // A brace at top level that is not a function body (struct, initialiser): copy it whole.
      const close = matchBracket(t, i);
      out += r.emit(i, close + 1, NO_SCOPE);
      i = close;
      continue;
    }
    if (tok.kind !== 'ident') {
      out += tok.text;
      continue;
    }
    const open = skipTrivia(t, i + 1);
    if (tok.text === 'TRACEPOINT_PROBE' && t[open]?.text === '(') {
      const [text, last] = emitTracepointProbe(r, i, open, matchBracket(t, open));
      out += text;
      i = last;
      declStart = i + 1;
      continue;
    }
    if (MAP_MACROS.has(tok.text) && t[open]?.text === '(') {
      const close = matchBracket(t, open);
      const args = splitArgs(t, open, close).map(([a, b]) => textOf(t, a, b));
      const map = declareMap(tok.text as BccMapMacro, args, r.line(i));
      if (r.maps.has(map.name)) throw new BccError(`map '${map.name}' is declared twice`, r.line(i));
      r.maps.set(map.name, map);
      out += mapDefinition(map) + newlinesOf(r.raw(i, close + 1));
      i = close;
      continue;
    }
    if (t[open]?.text === '(') {
      const close = matchBracket(t, open);
      const bodyOpen = skipTrivia(t, close + 1);
      if (t[bodyOpen]?.text === '{') {
        const bodyClose = matchBracket(t, bodyOpen);
        const decl = t.slice(declStart, i).map((x) => x.text);
        const parts = { declStart, name: i, open, close, bodyOpen, bodyClose };
        // Static functions are helpers; functions with SEC() are already libbpf-style programs.
        const isProgram = !decl.includes('static') && !decl.includes('SEC') && !decl.includes('__attribute__');
        // The declaration's leading tokens were copied already; emitProgram re-emits them.
        if (isProgram) out = out.slice(0, out.length - r.raw(declStart, i).length) + emitProgram(r, parts);
        else out += r.raw(i, bodyOpen) + r.emit(bodyOpen, bodyClose + 1, NO_SCOPE);
        i = bodyClose;
        declStart = i + 1;
        continue;
      }
    }
    out += tok.text;
  }
  const fileName = options.fileName ?? 'prog.c';
  const license = /SEC\s*\(\s*"license"\s*\)/.test(source) ? '' : '\nchar _license[] SEC("license") = "GPL";\n';
  const text = `${prelude(kernelTypes)}\n#line 1 ${JSON.stringify(fileName)}\n${out}${license}${recordAnchors(r.records)}`;
  return { source: text, programs: r.programs, maps: [...r.maps.values()] };
}
