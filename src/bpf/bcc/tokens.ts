/**
 * A C tokenizer for the BCC rewrite: enough of C's lexical grammar to find identifiers,
 * punctuation, literals and preprocessor lines while keeping every byte (comments and whitespace
 * are tokens too), so untouched text is reproduced exactly and line numbers survive the rewrite.
 */

export type TokenKind = 'ident' | 'number' | 'string' | 'char' | 'punct' | 'space' | 'comment' | 'directive';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Byte offset in the source. */
  readonly pos: number;
}

/** Longest first, so `->` wins over `-` and `<<=` over `<<`. */
const PUNCTUATORS = [
  '<<=', '>>=', '...', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '##',
]; // prettier-ignore

const PATTERNS: readonly (readonly [TokenKind, RegExp])[] = [
  ['space', /[ \t\r\n\f\v]+|\\\n/y],
  ['comment', /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
  ['ident', /[A-Za-z_][A-Za-z0-9_]*/y],
  ['number', /\.?[0-9](?:[eEpP][+-]|[A-Za-z0-9_.])*/y],
  ['string', /(?:u8|u|U|L)?"(?:[^"\\\n]|\\[\s\S])*"/y],
  ['char', /(?:u|U|L)?'(?:[^'\\\n]|\\[\s\S])*'/y],
];

export class BccError extends Error {
  override name = 'BccError';
  constructor(
    message: string,
    /** 1-based line in the user's source, when known. */
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
  }
}

/** 1-based line of a byte offset. */
export function lineOf(source: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** A directive runs from '#' at the start of a line to the end of the line (with \ continuations). */
function directiveEnd(source: string, start: number): number {
  let i = start;
  while (i < source.length && source[i] !== '\n') {
    if (source[i] === '\\' && source[i + 1] === '\n') i++;
    else if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 ? source.length : close + 1;
    }
    i++;
  }
  return i;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let lineStart = true;
  while (pos < source.length) {
    if (lineStart && source[pos] === '#') {
      const end = directiveEnd(source, pos);
      tokens.push({ kind: 'directive', text: source.slice(pos, end), pos });
      pos = end;
      continue;
    }
    let matched: Token | null = null;
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = pos;
      const m = re.exec(source);
      if (m && m[0].length > 0) {
        matched = { kind, text: m[0], pos };
        break;
      }
    }
    if (!matched) {
      const p = PUNCTUATORS.find((q) => source.startsWith(q, pos)) ?? source[pos]!;
      matched = { kind: 'punct', text: p, pos };
    }
    tokens.push(matched);
    pos += matched.text.length;
    // A directive may follow only whitespace on its line.
    if (matched.kind === 'space' || matched.kind === 'comment') lineStart = lineStart || matched.text.includes('\n');
    else lineStart = false;
    if (matched.kind === 'space' && /\n[ \t]*$/.test(matched.text)) lineStart = true;
  }
  return tokens;
}

/** Whether a token is only layout (skipped when matching syntax). */
export const isTrivia = (t: Token): boolean => t.kind === 'space' || t.kind === 'comment';

/** Index of the next non-trivia token at or after i (tokens.length if none). */
export function skipTrivia(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && isTrivia(tokens[i]!)) i++;
  return i;
}

/** Index of the previous non-trivia token before i (-1 if none). */
export function prevSignificant(tokens: readonly Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && isTrivia(tokens[j]!)) j--;
  return j;
}

/** Given the index of an opening bracket, the index of its partner. */
export function matchBracket(tokens: readonly Token[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (tokens[i]!.kind !== 'punct') continue;
    if (pairs[t]) stack.push(pairs[t]);
    else if (t === ')' || t === ']' || t === '}') {
      if (stack.pop() !== t) throw new BccError(`unbalanced '${t}'`);
      if (stack.length === 0) return i;
    }
  }
  throw new BccError(`'${tokens[open]!.text}' is never closed`);
}

/** Splits the tokens strictly between `open` and its partner at top-level commas: [start, end) ranges. */
export function splitArgs(tokens: readonly Token[], open: number, close: number): [number, number][] {
  const out: [number, number][] = [];
  let start = open + 1;
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (t.text === ',' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (out.length > 0 || tokens.slice(start, close).some((t) => !isTrivia(t))) out.push([start, close]);
  return out;
}

/** The source text of tokens [start, end), trimmed. */
export const textOf = (tokens: readonly Token[], start: number, end: number): string =>
  tokens
    .slice(start, end)
    .map((t) => t.text)
    .join('')
    .trim();
