/** Diagnostics (clang, loader, verifier) → editor markers. Pure so it can be tested without Monaco. */
import type { Diagnostic, Severity } from '../../protocol';

export interface MarkerLike {
  severity: number;
  message: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Monaco's MarkerSeverity values. */
export const SEVERITY: Record<Severity, number> = { error: 8, warning: 4, info: 2, note: 1 };

/**
 * One marker per diagnostic in our file; notes become part of the message. A diagnostic without
 * a column underlines the whole line (lineLength gives its end).
 */
export function toMarkers(
  diags: readonly Diagnostic[],
  file: string,
  lineLength: (line: number) => number,
): MarkerLike[] {
  return diags
    .filter((d) => d.file === file || d.file === '' || d.file.endsWith(`/${file}`))
    .map((d) => {
      const line = Math.max(1, d.line);
      const whole = d.column <= 0;
      const notes = (d.notes ?? []).map((n) => `\nnote: ${n.message}`).join('');
      return {
        severity: SEVERITY[d.severity],
        message: d.message + notes,
        source: d.source,
        startLineNumber: line,
        startColumn: whole ? 1 : d.column,
        endLineNumber: d.endLine ?? line,
        endColumn: d.endColumn ?? (whole ? lineLength(line) + 1 : d.column + 1),
      };
    });
}
