/** The llvm-syntax templates compiled into anchored regexes with named groups. */
import { INSTRUCTION_TABLE, type InsnSpec } from '../isa';
import { parseTemplates } from './llvm-templates';

export interface Pattern {
  readonly spec: InsnSpec;
  readonly regex: RegExp;
  /** lddw written as `ld_pseudo`: its src comes from the text. */
  readonly pseudo: boolean;
}

const NUM = String.raw`(?:0x[0-9a-fA-F]+|\d+)`;
const SIGNED = String.raw`[+-]?\s*${NUM}`;
const LABEL = String.raw`[A-Za-z_.$][\w.$]*`;

/** Regex for each placeholder; `name` is its group name. */
const GROUPS: Record<string, { name: string; body: string; optional?: boolean }> = {
  D: { name: 'dst', body: String.raw`\d+` },
  S: { name: 'src', body: String.raw`\d+` },
  O: { name: 'off', body: String.raw`\s*[+-]\s*${SIGNED}`, optional: true },
  I: { name: 'imm', body: SIGNED },
  U: { name: 'imm', body: SIGNED },
  L: { name: 'imm64', body: SIGNED },
  J: { name: 'jumpOff', body: `${SIGNED}|${LABEL}` },
  K: { name: 'jumpImm', body: `${SIGNED}|${LABEL}` },
  P: { name: 'pseudo', body: SIGNED },
  H: { name: 'immHi', body: String.raw`\s*,\s*${SIGNED}`, optional: true },
  F: { name: 'kfuncOff', body: String.raw`\s*,\s*${SIGNED}`, optional: true },
  N: { name: 'indImm', body: String.raw`\s*[+-]\s*${SIGNED}`, optional: true },
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function compileTemplate(template: string): RegExp {
  const seen = new Set<string>();
  let source = '';
  for (const piece of template.split(/(%[A-Z]|\s+)/)) {
    if (piece === '') continue;
    if (/^\s+$/.test(piece)) {
      source += String.raw`\s*`;
    } else if (/^%[A-Z]$/.test(piece)) {
      const g = GROUPS[piece.slice(1)]!;
      if (seen.has(g.name)) {
        source += String.raw`\k<${g.name}>`;
        continue;
      }
      seen.add(g.name);
      source += `(?<${g.name}>${g.body})${g.optional === true ? '?' : ''}`;
    } else {
      source += escape(piece);
    }
  }
  return new RegExp(`^${source}$`, 'i');
}

let cache: Pattern[] | null = null;

/** All patterns, in table order, built on first use. */
export function llvmPatterns(): readonly Pattern[] {
  cache ??= INSTRUCTION_TABLE.flatMap((spec) =>
    parseTemplates(spec).map((t) => ({ spec, regex: compileTemplate(t), pseudo: t.startsWith('ld_pseudo') })),
  );
  return cache;
}
