/**
 * Python's lexical layer for the BCC Python front: string literals with their prefixes and
 * escapes, names, numbers, operators, logical line ends (newlines outside brackets) and each
 * logical line's indentation, which is what gives the script its block structure.
 */
import { BccError } from './tokens';

export interface PyToken {
  readonly kind: 'name' | 'str' | 'num' | 'op' | 'nl';
  readonly text: string;
  /** A string literal's value. */
  readonly value?: string;
  readonly line: number;
  /** Indentation width of the token's physical line (tabs to the next multiple of 8, as Python). */
  readonly indent: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '\n': '' }; // prettier-ignore

/** A Python string literal's value (prefixes r, b, u, f; single, double and triple quotes). */
export function stringValue(literal: string): string {
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

/** Width of a line's leading blanks. */
function indentWidth(blanks: string): number {
  let width = 0;
  for (const c of blanks) width = c === '\t' ? (Math.floor(width / 8) + 1) * 8 : width + 1;
  return width;
}

export function tokenizePython(text: string): PyToken[] {
  const out: PyToken[] = [];
  const indents = text.split('\n').map((l) => indentWidth(/^[ \t]*/.exec(l)![0]));
  let pos = 0;
  let line = 1;
  let depth = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new BccError(`cannot read the script at '${text.slice(pos, pos + 20)}'`, line);
    const [all, str, name, num, comment, cont, nl, blank, op] = m;
    const indent = indents[line - 1] ?? 0;
    if (str) out.push({ kind: 'str', text: str, value: stringValue(str), line, indent });
    else if (name) out.push({ kind: 'name', text: name, line, indent });
    else if (num) out.push({ kind: 'num', text: num, line, indent });
    else if (nl && depth === 0) out.push({ kind: 'nl', text: '\n', line, indent });
    else if (op !== undefined && !comment && !cont && !blank) {
      if ('([{'.includes(op)) depth++;
      if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
      out.push({ kind: op === ';' ? 'nl' : 'op', text: op, line, indent });
    }
    line += all.split('\n').length - 1;
    pos += all.length;
  }
  out.push({ kind: 'nl', text: '\n', line, indent: 0 });
  return out;
}
