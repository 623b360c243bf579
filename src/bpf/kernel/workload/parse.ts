/**
 * The workload parser: one statement per line, `#` comments, every problem reported with its
 * line number and what was expected. The grammar is documented in ../WORKLOADS.md.
 */
import { type Action, type Statement, type Workload, WorkloadError, type WorkloadProblem } from './types';

const NAME = /^[A-Za-z_][\w.-]{0,14}$/;
const IP = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const WORDS: Record<string, number> = { once: 1, twice: 2, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }; // prettier-ignore
const UNITS: Record<string, number> = { b: 1, byte: 1, bytes: 1, k: 1024, kb: 1000, kib: 1024, m: 1 << 20, mb: 1e6, mib: 1 << 20 }; // prettier-ignore
const TIME_UNITS: Record<string, bigint> = { ns: 1n, us: 1000n, µs: 1000n, ms: 1_000_000n, s: 1_000_000_000n };
const MAX_BYTES = 64 << 20;
const EXAMPLES =
  'e.g. `bash runs "ls /tmp"`, `curl connects to 93.184.216.34:80 and sends 2 KiB`, `ping 10.0.0.2 3 times`, ' +
  '`dd writes 1 MiB to /dev/sda`, `cat reads 4 KiB from /etc/passwd`, `10.0.0.2 pings us 3 times`, `nginx starts`, `nginx exits`';

class Problem extends Error {}
const fail = (message: string): never => {
  throw new Problem(message);
};

export function parseTime(text: string): bigint {
  const m = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return fail(`expected a time like '250ms', '1.5s' or '20us', found '${text.trim()}'`);
  const [whole = '0', frac = ''] = m[1].split('.');
  const unit = TIME_UNITS[m[2]]!;
  const digits = frac.length;
  return (BigInt(whole + frac) * unit) / 10n ** BigInt(digits);
}

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(text.trim());
  const unit = m?.[2] ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m?.[1] || unit === undefined) return fail(`expected a size like '512 bytes', '2 KiB' or '1 MiB', found '${text.trim()}'`); // prettier-ignore
  const bytes = Math.round(Number(m[1]) * unit);
  if (bytes < 1 || bytes > MAX_BYTES) fail(`size ${text.trim()} is outside 1 byte .. 64 MiB`);
  return bytes;
}

function parseCount(text: string): number {
  const t = text.trim().replace(/\s+times?$/, '');
  const n = WORDS[t] ?? (/^\d+$/.test(t) ? Number(t) : NaN);
  if (!(n >= 1 && n <= 1000)) fail(`expected a count like '3 times' (1 to 1000), found '${text.trim()}'`);
  return n;
}

function parseIp(text: string): string {
  const m = IP.exec(text);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) fail(`expected an IPv4 address like 10.0.0.2, found '${text}'`);
  return text;
}

function parseEndpoint(text: string): { ip: string; port: number } {
  const [ip = '', port = ''] = text.split(':');
  const p = Number(port);
  if (!/^\d+$/.test(port) || p < 1 || p > 65535) fail(`expected IP:PORT like 93.184.216.34:80, found '${text}'`);
  return { ip: parseIp(ip), port: p };
}

function parseName(text: string): string {
  if (!NAME.test(text)) fail(`'${text}' is not a process name (letters, digits, _ . -; at most 15 characters)`);
  return text;
}

function parseAction(subject: string, rest: string): Action {
  let m: RegExpExecArray | null;
  if ((m = /^runs\s+(.*)$/.exec(rest))) {
    const q = /^"([^"]+)"$/.exec(m[1]!.trim()) ?? fail(`expected a quoted command after 'runs', like "ls /tmp"`);
    return { kind: 'run', argv: q[1]!.trim().split(/\s+/) };
  }
  if (rest === 'starts') return { kind: 'start' };
  if ((m = /^exits(?:\s+with\s+code\s+(\d+))?$/.exec(rest))) return { kind: 'exit', code: Number(m[1] ?? 0) & 0xff };
  if ((m = /^connects\s+to\s+(\S+)(.*)$/.exec(rest))) {
    const { ip, port } = parseEndpoint(m[1]!);
    const tail = m[2]!.trim();
    const s = /^(?:and\s+sends\s+(.+?))?\s*(with\s+a\s+retransmission)?$/.exec(tail);
    if (!s) return fail(`after ${m[1]} expected 'and sends SIZE' and/or 'with a retransmission', found '${tail}'`);
    return { kind: 'connect', ip, port, send: s[1] ? parseSize(s[1]) : 0, retransmit: s[2] !== undefined };
  }
  if ((m = /^sends\s+(.+?)\s+to\s+(\S+)$/.exec(rest))) {
    return { kind: 'connect', ...parseEndpoint(m[2]!), send: parseSize(m[1]!), retransmit: false };
  }
  if ((m = /^pings\s+(\S+)\s+(.+)$/.exec(rest))) return { kind: 'ping', ip: parseIp(m[1]!), count: parseCount(m[2]!) };
  if ((m = /^opens\s+(\/\S*)$/.exec(rest))) return { kind: 'open', path: m[1]! };
  if ((m = /^(writes|reads)\s+(.+?)\s+(to|from)\s+(\S+)$/.exec(rest))) {
    const op = m[1] === 'writes' ? 'write' : 'read';
    if ((op === 'write') !== (m[3] === 'to'))
      fail(`use '${op === 'write' ? 'writes SIZE to' : 'reads SIZE from'} PATH'`);
    if (!m[4]!.startsWith('/')) fail(`expected an absolute path, found '${m[4]}'`);
    return { kind: 'io', op, path: m[4]!, bytes: parseSize(m[2]!) };
  }
  return fail(`don't know what '${subject} ${rest}' means; statements look like ${EXAMPLES}`);
}

function parseStatement(line: number, text: string, body: string): Statement {
  let start: Statement['start'] = { kind: 'after', ns: 0n };
  const prefix = /^(at|after)\s+([^:]+):\s*(.*)$/.exec(body);
  if (prefix) {
    start = { kind: prefix[1] as 'at' | 'after', ns: parseTime(prefix[2]!) };
    body = prefix[3]!;
  } else if (/^(at|after)\b/.test(body)) fail(`expected '${body.split(/\s/)[0]} TIME: STATEMENT' with a colon`);
  if (body === '') fail('expected a statement after the time');
  let m: RegExpExecArray | null;
  if ((m = /^ping\s+(\S+)\s+(.+)$/.exec(body)))
    return {
      line,
      text,
      start,
      subject: 'ping',
      action: { kind: 'ping', ip: parseIp(m[1]!), count: parseCount(m[2]!) },
    };
  if ((m = /^(\d+\.\d+\.\d+\.\d+)\s+pings\s+(?:us|this\s+host)\s+(.+)$/.exec(body))) {
    const from = parseIp(m[1]!);
    return { line, text, start, subject: from, action: { kind: 'pinged', from, count: parseCount(m[2]!) } };
  }
  const [subject = '', ...rest] = body.split(/\s+/);
  return { line, text, start, subject: parseName(subject), action: parseAction(subject, rest.join(' ')) };
}

/** Parses a workload; throws WorkloadError listing every bad line. */
export function parseWorkload(text: string): Workload {
  const statements: Statement[] = [];
  const problems: WorkloadProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const body = raw.replace(/#.*$/, '').trim().replace(/\s+/g, ' ');
    if (body === '') return;
    try {
      statements.push(parseStatement(i + 1, raw.trim(), body));
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      problems.push({ line: i + 1, message: e.message });
    }
  });
  if (problems.length) throw new WorkloadError(problems);
  if (!statements.length) throw new WorkloadError([{ line: 1, message: `the workload is empty; ${EXAMPLES}` }]);
  return { statements };
}
