/**
 * Layout and constant probes: enumerate what a set of headers declares (with clang's JSON AST and -dM), generate
 * a C file whose data holds sizeof/alignof/offsetof of every struct, union and field, the value, size and
 * signedness of every enumerator and integer-constant macro, and the bit image of every bitfield, compile it for
 * the BPF target against two header trees and read the values back from the objects.
 */
import { clang, type CompileResult } from './toolchain';
import { readElf } from './elf';

// ---------------------------------------------------------------------------------------------------------------
// What the headers declare

export interface Field {
  /** Member designator from the record, through anonymous members: `un.echo.id`, `saddr`. */
  path: string;
  bitfield: boolean;
  /** Canonical C type as clang spells it (`unsigned int`, `__u8[4]`...). */
  type: string;
}

export interface RecordInfo {
  /** How to name the type in C: `struct iphdr`, `union bpf_attr`, or a typedef name for anonymous records. */
  spelling: string;
  complete: boolean;
  fields: Field[];
}

export interface Declarations {
  records: Map<string, RecordInfo>;
  /** Named enum types (`enum xdp_action`). */
  enums: Set<string>;
  enumerators: Set<string>;
  /** typedef name → canonical type */
  typedefs: Map<string, string>;
  /** Variables and functions. */
  objects: Set<string>;
  /** Object-like and function-like macros the headers define (beyond clang's predefined ones). */
  macros: Map<string, { params: string | null; body: string }>;
}

interface AstNode {
  kind: string;
  name?: string;
  tagUsed?: string;
  completeDefinition?: boolean;
  isImplicit?: boolean;
  isBitfield?: boolean;
  type?: { qualType: string; desugaredQualType?: string };
  inner?: AstNode[];
}

const canonical = (node: AstNode): string => node.type?.desugaredQualType ?? node.type?.qualType ?? '';

function collectFields(record: AstNode, prefix: string, out: Field[]): void {
  const inner = record.inner ?? [];
  inner.forEach((node, i) => {
    if (node.kind !== 'FieldDecl') return;
    const previous = inner[i - 1];
    const definesInline = previous?.kind === 'RecordDecl' && previous.completeDefinition === true;
    if (node.name) {
      out.push({ path: prefix + node.name, bitfield: node.isBitfield === true, type: canonical(node) });
    }
    if (definesInline && previous && !/\]$/.test(node.type?.qualType ?? '')) {
      collectFields(previous, node.name ? `${prefix}${node.name}.` : prefix, out);
    }
  });
}

/** Declarations visible in a translation unit, from `clang -Xclang -ast-dump=json` and `-dM -E`. */
export function declarations(source: string, includeDir: string, extraArgs: readonly string[] = []): Declarations {
  const ast = clang(source, includeDir, [...extraArgs, '-fsyntax-only', '-Xclang', '-ast-dump=json']);
  if (!ast.ok) throw new Error(`AST dump failed:\n${ast.stderr}`);
  const root = JSON.parse(ast.stdout) as AstNode;
  const decls: Declarations = {
    records: new Map(),
    enums: new Set(),
    enumerators: new Set(),
    typedefs: new Map(),
    objects: new Set(),
    macros: new Map(),
  };

  const visitRecord = (node: AstNode, spelling: string): void => {
    const fields: Field[] = [];
    collectFields(node, '', fields);
    const known = decls.records.get(spelling);
    if (!known || (!known.complete && node.completeDefinition)) {
      decls.records.set(spelling, { spelling, complete: node.completeDefinition === true, fields });
    }
  };
  const visit = (node: AstNode, topLevel: boolean, next?: AstNode): void => {
    if (node.isImplicit) return;
    switch (node.kind) {
      case 'RecordDecl':
        if (node.name) visitRecord(node, `${node.tagUsed} ${node.name}`);
        else if (topLevel && next?.kind === 'TypedefDecl' && next.name && node.completeDefinition) {
          visitRecord(node, next.name); // typedef struct { ... } name;
        }
        break;
      case 'EnumDecl':
        if (node.name) decls.enums.add(`enum ${node.name}`);
        for (const c of node.inner ?? []) if (c.kind === 'EnumConstantDecl' && c.name) decls.enumerators.add(c.name);
        break;
      case 'TypedefDecl':
        if (node.name) decls.typedefs.set(node.name, canonical(node));
        break;
      case 'VarDecl':
      case 'FunctionDecl':
        if (node.name) decls.objects.add(node.name);
        return; // nothing inside a function body is a header-level name
    }
    const inner = node.inner ?? [];
    inner.forEach((child, i) => visit(child, false, inner[i + 1]));
  };
  const top = root.inner ?? [];
  top.forEach((node, i) => visit(node, true, top[i + 1]));

  const predefined = macroTable(clang('', includeDir, [...extraArgs, '-E', '-dM']));
  const defined = macroTable(clang(source, includeDir, [...extraArgs, '-E', '-dM']));
  for (const [name, macro] of defined) if (!predefined.has(name)) decls.macros.set(name, macro);
  return decls;
}

function macroTable(result: CompileResult): Map<string, { params: string | null; body: string }> {
  if (!result.ok) throw new Error(`-dM failed:\n${result.stderr}`);
  const table = new Map<string, { params: string | null; body: string }>();
  for (const line of result.stdout.split('\n')) {
    const m = /^#define (\w+)(\([^)]*\))?(?: (.*))?$/.exec(line);
    if (m?.[1]) table.set(m[1], { params: m[2] ?? null, body: m[3] ?? '' });
  }
  return table;
}

/** Every name a set of declarations introduces (tags as `struct x`, others bare). */
export function declaredNames(d: Declarations): Set<string> {
  return new Set([
    ...d.records.keys(),
    ...d.enums,
    ...d.enumerators,
    ...d.typedefs.keys(),
    ...d.objects,
    ...[...d.macros.keys()].map((m) => `#${m}`),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Probes

export interface ProbeItem {
  /** What is measured, e.g. `offsetof(struct iphdr, saddr)`. */
  label: string;
  /** An integer constant expression. */
  expr: string;
}

export interface ImageItem {
  label: string;
  /** The record and a designator of a bitfield in it. */
  record: string;
  path: string;
}

export interface Probe {
  values: ProbeItem[];
  images: ImageItem[];
}

const INTEGER =
  /^(?:(?:const|volatile) )*(?:enum \w+|_Bool|(?:(?:signed|unsigned) )?(?:char|short|int|long|long long)|unsigned|signed)$/;

/** Types whose size is not a constant (flexible arrays, functions, incomplete or void types). */
const unsized = (type: string): boolean => /\[\]$/.test(type) || /^void$/.test(type) || /\)\(/.test(type);

/** Macros whose expansion should be an integer constant: decided by compiling a classification unit. */
export function integerMacros(d: Declarations, names: Iterable<string>, includeDir: string, prelude: string): string[] {
  const candidates = [...names].filter((n) => d.macros.get(n)?.params === null && d.macros.get(n)?.body !== '');
  // One declaration per line: a file-scope array whose size is the macro is valid only for integer constants.
  const lines = candidates.map((n, i) => `typedef char __probe_classify_${i}[((long long)(${n})) * 0 + 1];`);
  const result = clang(`${prelude}\n#line 1 "classify"\n${lines.join('\n')}\n`, includeDir, [
    '-fsyntax-only',
    '-ferror-limit=0',
    '-w',
  ]);
  const bad = new Set<number>();
  for (const m of result.stderr.matchAll(/^classify:(\d+):\d+: error/gm)) bad.add(Number(m[1]) - 1);
  return candidates.filter((_, i) => !bad.has(i));
}

/** Builds the probe list for the given declarations (optionally only some names). */
export function buildProbe(
  d: Declarations,
  macros: readonly string[],
  keep: (name: string) => boolean = () => true,
): Probe {
  const values: ProbeItem[] = [];
  const images: ImageItem[] = [];
  for (const record of d.records.values()) {
    if (!record.complete || !keep(record.spelling)) continue;
    const t = record.spelling;
    values.push({ label: `sizeof(${t})`, expr: `sizeof(${t})` });
    values.push({ label: `_Alignof(${t})`, expr: `_Alignof(${t})` });
    for (const f of record.fields) {
      const member = `((${t} *)0)->${f.path}`;
      if (f.bitfield) {
        images.push({ label: `bitfield ${t}.${f.path}`, record: t, path: f.path });
        continue;
      }
      values.push({ label: `offsetof(${t}, ${f.path})`, expr: `__builtin_offsetof(${t}, ${f.path})` });
      values.push({ label: `classify(${t}.${f.path})`, expr: `__builtin_classify_type(${member})` });
      if (!unsized(f.type)) values.push({ label: `sizeof(${t}.${f.path})`, expr: `sizeof(${member})` });
      if (INTEGER.test(f.type)) {
        values.push({ label: `signed(${t}.${f.path})`, expr: `((__typeof__(${member}))-1 < 0)` });
      }
    }
  }
  for (const e of d.enums) {
    if (!keep(e)) continue;
    values.push({ label: `sizeof(${e})`, expr: `sizeof(${e})` });
    values.push({ label: `signed(${e})`, expr: `((${e})-1 < 0)` });
  }
  for (const c of d.enumerators) {
    if (!keep(c)) continue;
    values.push({ label: `value(${c})`, expr: `(unsigned long long)(${c})` });
    values.push({ label: `sizeof(${c})`, expr: `sizeof(${c})` });
  }
  for (const [name, type] of d.typedefs) {
    if (!keep(name) || unsized(type)) continue;
    values.push({ label: `sizeof(${name})`, expr: `sizeof(${name})` });
    values.push({ label: `classify(${name})`, expr: `__builtin_classify_type(*(${name} *)0)` });
    if (INTEGER.test(type)) values.push({ label: `signed(${name})`, expr: `((${name})-1 < 0)` });
  }
  for (const m of macros) {
    if (!keep(`#${m}`)) continue;
    values.push({ label: `value(#${m})`, expr: `(unsigned long long)(${m})` });
    values.push({ label: `sizeof(#${m})`, expr: `sizeof(${m})` });
    values.push({ label: `negative(#${m})`, expr: `((${m}) < 0)` });
  }
  return { values, images };
}

/** C source of a probe: the includes, then one data array of values and one symbol per bitfield image. */
export function probeSource(prelude: string, probe: Probe): string {
  const lines = [prelude, '#pragma clang diagnostic ignored "-Wall"', '#line 1 "probe-body"'];
  probe.values.forEach((item) => {
    lines.push(`unsigned long long __attribute__((section(".probe"))) __probe_v_${lines.length} = (${item.expr});`);
  });
  probe.images.forEach((item, i) => {
    lines.push(
      `union { ${item.record} s; unsigned char b[sizeof(${item.record})]; } ` +
        `__probe_img_${i} __attribute__((section(".probe_img"))) = { .s = { .${item.path} = -1 } };`,
    );
  });
  return `${lines.join('\n')}\n`;
}

export interface ProbeRun {
  result: CompileResult;
  /** Values by label (undefined entries when the compile failed). */
  values: Map<string, bigint>;
  images: Map<string, string>;
  /** Labels of probe lines that failed to compile (the name does not exist or is not a constant there). */
  failed: string[];
}

/** Compiles a probe against an include root and reads the values back. */
export function runProbe(
  prelude: string,
  probe: Probe,
  includeDir: string,
  extraArgs: readonly string[] = [],
): ProbeRun {
  const source = probeSource(prelude, probe);
  const result = clang(source, includeDir, [...extraArgs, '-O0', '-c', '-ferror-limit=0', '-w']);
  const values = new Map<string, bigint>();
  const images = new Map<string, string>();
  const failed: string[] = [];
  if (!result.object) {
    const labels = [...probe.values.map((v) => v.label), ...probe.images.map((i) => i.label)];
    for (const m of result.stderr.matchAll(/^probe-body:(\d+):\d+: error/gm)) {
      const label = labels[Number(m[1]) - 1];
      if (label && !failed.includes(label)) failed.push(label);
    }
    if (failed.length === 0) failed.push(`(compile failed) ${result.stderr.slice(0, 2000)}`);
    return { result, values, images, failed };
  }
  const elf = readElf(result.object);
  const read = (sectionName: string, symbolPrefix: string): Map<number, Uint8Array> => {
    const section = elf.section(sectionName);
    const out = new Map<number, Uint8Array>();
    if (!section) return out;
    for (const sym of elf.symbols) {
      if (sym.section !== sectionName || !sym.name.startsWith(symbolPrefix)) continue;
      out.set(Number(sym.name.slice(symbolPrefix.length)), section.data.subarray(sym.value, sym.value + sym.size));
    }
    return out;
  };
  const raw = read('.probe', '__probe_v_');
  probe.values.forEach((item, i) => {
    const bytes = raw.get(i + 3); // line numbers: prelude, pragma and #line come first
    if (!bytes || bytes.length !== 8) throw new Error(`probe value ${item.label} missing from the object`);
    values.set(item.label, new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  });
  const img = read('.probe_img', '__probe_img_');
  probe.images.forEach((item, i) => {
    const bytes = img.get(i);
    if (!bytes) throw new Error(`probe image ${item.label} missing from the object`);
    images.set(item.label, Buffer.from(bytes).toString('hex'));
  });
  return { result, values, images, failed };
}

/** Differences between two probe runs, one line per differing item. */
export function compareRuns(a: ProbeRun, b: ProbeRun, probe: Probe): string[] {
  const out: string[] = [];
  for (const { label } of probe.values) {
    const x = a.values.get(label);
    const y = b.values.get(label);
    if (x !== y) out.push(`${label}: ${String(x)} vs ${String(y)}`);
  }
  for (const { label } of probe.images) {
    const x = a.images.get(label);
    const y = b.images.get(label);
    if (x !== y) out.push(`${label}: ${String(x)} vs ${String(y)}`);
  }
  return out;
}
