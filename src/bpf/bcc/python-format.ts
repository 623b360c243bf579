/**
 * Python's printf-style string formatting (`"%-6d %s" % (pid, comm)`), for the print calls of
 * BCC scripts' perf and ring buffer callbacks: conversions d i u s r x X o c f e g and %%, with
 * flags (- + space 0 #), width and precision.
 */
import type { Value } from './python-values';

const SPEC = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([diusrxXocfFeEgG%])/g;

/** The text print() shows for a value. */
export function pyStr(v: Value): string {
  switch (v.kind) {
    case 'str':
      return v.value;
    case 'num':
      return String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'tuple':
      return `(${v.items.map(pyStr).join(', ')})`;
    case 'record':
      return JSON.stringify(v.value);
    default:
      return '?';
  }
}

function pad(text: string, flags: string, width: number): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+]?[\d.]/.test(text)) {
    const sign = /^[-+]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function convert(v: Value, flags: string, precision: number | null, conversion: string): string {
  if ('diu'.includes(conversion) || 'xXo'.includes(conversion)) {
    const n = v.kind === 'num' ? Math.trunc(v.value) : v.kind === 'bool' ? Number(v.value) : NaN;
    if (Number.isNaN(n)) return pyStr(v);
    const radix = conversion === 'o' ? 8 : 'xX'.includes(conversion) ? 16 : 10;
    let text = Math.abs(n).toString(radix);
    if (conversion === 'X') text = text.toUpperCase();
    const sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    const prefix = flags.includes('#') && radix !== 10 ? `0${conversion}` : '';
    return sign + prefix + text;
  }
  if ('fFeEgG'.includes(conversion)) {
    const n = v.kind === 'num' ? v.value : NaN;
    const p = precision ?? 6;
    let text = String(Number(n.toPrecision(p || 1)));
    if ('fF'.includes(conversion)) text = n.toFixed(p);
    else if ('eE'.includes(conversion)) text = n.toExponential(p);
    if (conversion === conversion.toUpperCase()) text = text.toUpperCase();
    return (n >= 0 && flags.includes('+') ? '+' : '') + text;
  }
  if (conversion === 'c') return v.kind === 'num' ? String.fromCharCode(v.value) : pyStr(v);
  const text = conversion === 'r' && v.kind === 'str' ? `'${v.value}'` : pyStr(v);
  return precision === null ? text : text.slice(0, precision);
}

/** `format % args`; null when the arguments do not fit the format (Python raises TypeError). */
export function percentFormat(format: string, args: Value): string | null {
  const items = args.kind === 'tuple' ? [...args.items] : [args];
  let failed = false;
  const out = format.replace(
    SPEC,
    (_all, flags: string, width: string | undefined, precision: string | undefined, conversion: string) => {
      if (conversion === '%') return '%';
      let w = Number(width ?? 0);
      if (width === '*') {
        const given = items.shift();
        w = given?.kind === 'num' ? given.value : 0;
      }
      const v = items.shift();
      if (v === undefined) {
        failed = true;
        return '';
      }
      return pad(convert(v, flags, precision === undefined ? null : Number(precision), conversion), flags, w);
    },
  );
  return failed || items.length > 0 ? null : out;
}
