/**
 * The C type of the records a BCC program sends through a perf or ring buffer, so user space can
 * decode them (BCC's `b["events"].event(data)`). `events.perf_submit(ctx, &data, sizeof(data))`
 * names a variable; its declaration (`struct data_t data = {};`) gives the type. The rewrite then
 * adds `__bcc_record_events(struct data_t *)`, a function that exists only so the type (often
 * used by no global) gets into the object's BTF; the session finds it there
 * (src/bpf/session/attach-records.ts). It is static and never called, so it is never loaded.
 */
import { prevSignificant, skipTrivia, type Token } from './tokens';

/** Tokens before a declarator's name that are part of its type. */
const TYPE_WORD = /^(?:struct|union|enum|const|volatile|unsigned|signed|[A-Za-z_]\w*)$/;
const NOT_TYPES = new Set(['return', 'sizeof', 'case', 'goto', 'else', 'do']);

/** The type of `&name` (or of `*name` when the argument is the pointer `name`) declared before `before`. */
export function recordType(tokens: readonly Token[], start: number, end: number, before: number): string | null {
  const arg = tokens.slice(start, end).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  const byAddress = arg.length === 2 && arg[0]!.text === '&' && arg[1]!.kind === 'ident';
  const byPointer = arg.length === 1 && arg[0]!.kind === 'ident';
  if (!byAddress && !byPointer) return null;
  const name = arg[arg.length - 1]!.text;
  for (let i = before - 1; i >= 0; i--) {
    if (tokens[i]!.kind !== 'ident' || tokens[i]!.text !== name) continue;
    const after = tokens[skipTrivia(tokens, i + 1)]?.text ?? '';
    if (!['=', ';', ',', ')'].includes(after)) continue;
    let j = prevSignificant(tokens, i);
    let stars = 0;
    while (j >= 0 && tokens[j]!.text === '*') {
      stars++;
      j = prevSignificant(tokens, j);
    }
    const words: string[] = [];
    while (j >= 0 && tokens[j]!.kind === 'ident' && TYPE_WORD.test(tokens[j]!.text)) {
      words.unshift(tokens[j]!.text);
      j = prevSignificant(tokens, j);
    }
    if (words.length === 0 || words.some((w) => NOT_TYPES.has(w))) continue;
    // A pointer argument sends what it points to.
    const pointee = byPointer ? stars - 1 : stars;
    if (pointee < 0) return null;
    return `${words.join(' ')}${' *'.repeat(pointee)}`;
  }
  return null;
}

/** The anchor functions for the record types found (appended after the user's code). */
export function recordAnchors(records: ReadonlyMap<string, string>): string {
  return [...records]
    .map(([map, type]) => `\nstatic __attribute__((used)) void __bcc_record_${map}(${type} *record) { (void)record; }`)
    .join('');
}
