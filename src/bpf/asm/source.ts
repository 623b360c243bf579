/** Source text → statements: comments stripped, labels split off, line numbers kept. */
import { AsmError } from './errors';

export interface Statement {
  /** 1-based source line. */
  readonly line: number;
  /** Labels defined on this line, before the instruction (if any). */
  readonly labels: readonly string[];
  /** The instruction text, trimmed; '' for a label-only line. */
  readonly text: string;
}

export const LABEL_NAME = /^[A-Za-z_.$][\w.$]*$/;
const LEADING_LABEL = /^([A-Za-z_.$][\w.$]*)\s*:(?!=)\s*/;

/** Removes a trailing comment: `#` or `//` (both assemblers accept both). */
export function stripComment(text: string): string {
  const hash = text.indexOf('#');
  const slashes = text.indexOf('//');
  const cut = [hash, slashes].filter((i) => i >= 0);
  return cut.length === 0 ? text : text.slice(0, Math.min(...cut));
}

/** Splits `text` into statements; `keepLine` lets a syntax drop lines that are not code. */
export function statements(text: string, keepLine: (line: string) => string | null = (l) => l): Statement[] {
  const out: Statement[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const kept = keepLine(raw);
    if (kept === null) return;
    let rest = stripComment(kept).trim();
    const labels: string[] = [];
    for (let m = LEADING_LABEL.exec(rest); m !== null; m = LEADING_LABEL.exec(rest)) {
      labels.push(m[1]!);
      rest = rest.slice(m[0].length);
    }
    if (rest === '' && labels.length === 0) return;
    out.push({ line: index + 1, labels, text: rest });
  });
  return out;
}

/** A jump or call whose displacement waits for a label's position. */
export interface LabelRef {
  readonly name: string;
  readonly field: 'off' | 'imm';
}

/** Records label positions as slots are emitted; resolves references at the end. */
export class LabelTable {
  private readonly positions = new Map<string, number>();
  private readonly definedAt = new Map<string, number>();
  private readonly fallbacks = new Map<string, number>();

  define(name: string, slot: number, line: number): void {
    const previous = this.definedAt.get(name);
    if (previous !== undefined) {
      throw new AsmError(line, `label '${name}' is already defined on line ${previous}`);
    }
    this.positions.set(name, slot);
    this.definedAt.set(name, line);
  }

  /** A position used only if `name` is never defined explicitly (first one wins). */
  defineFallback(name: string, slot: number): void {
    if (!this.fallbacks.has(name)) this.fallbacks.set(name, slot);
  }

  /** Displacement from the instruction at `slot` to the label (relative to the next slot). */
  displacement(ref: LabelRef, slot: number, line: number): number {
    const target = this.positions.get(ref.name) ?? this.fallbacks.get(ref.name);
    if (target === undefined) throw new AsmError(line, `unknown label '${ref.name}'`);
    const delta = target - (slot + 1);
    if (ref.field === 'off' && (delta < -32768 || delta > 32767)) {
      throw new AsmError(line, `label '${ref.name}' is ${delta} instructions away, beyond a 16-bit jump offset`);
    }
    return delta;
  }
}
