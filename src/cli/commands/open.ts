/**
 * `ebpf-playground open LINK [--json | --source]`: what a share link holds, decoded and validated
 * exactly as the page does it; a bad link prints the page's message and exits with status 1.
 */
import { describeLayer } from '../../bpf/inputs/packets/fields';
import { decodeShareLink, packetBytes, ShareLinkError, type ShareState } from '../../sharing';
import { type CliCommand, UsageError } from '../command';

const USAGE = `usage: ebpf-playground open LINK [--json | --source]

Decodes a playground share link (a URL, or its "#s=..." part) and prints the state it holds.
  --json     print {"version": N, "state": {...}}; errors as {"error": MESSAGE, "kind": KIND}
  --source   print only the C source (e.g. to save it: open LINK --source > prog.c)`;

const u4 = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Link text must not drive the terminal: control characters (escape sequences could rewrite the
 * screen or the title, C1 CSI included) are shown as \uXXXX. `keep` lists the ones a C file may hold.
 */
const printable = (text: string, keep: RegExp = /[\t\n]/): string =>
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => (keep.test(c) ? c : u4(c)));

function packetLines(state: ShareState): string[] {
  const inputs = state.inputs;
  if (inputs.kind === 'attach') {
    const w = 'preset' in inputs.workload ? `preset ${inputs.workload.preset}` : `${inputs.workload.text.split('\n').filter((l) => l.trim() !== '').length} statements of workload text`; // prettier-ignore
    const at = inputs.attachments.length > 0 ? inputs.attachments.join(', ') : 'from the SEC() names';
    return [`inputs: attach run, workload ${w}; attachments: ${at}`];
  }
  const lines = [`inputs: ${inputs.packets.length} packet${inputs.packets.length === 1 ? '' : 's'}`];
  inputs.packets.forEach((p, i) => {
    let bytes: string;
    try {
      bytes = `${packetBytes(p).length} bytes`;
    } catch (e) {
      bytes = `does not build: ${e instanceof Error ? e.message : String(e)}`;
    }
    const what = 'hex' in p ? p.hex : p.layers.map(describeLayer).join(' | ');
    lines.push(`  ${i + 1}. ${bytes}: ${what}`);
  });
  return lines;
}

function describeState(version: number, s: ShareState): string {
  const c = s.compile;
  const flags = [`-O${c.optLevel}`, `-mcpu=${c.cpu}`, ...(c.debugInfo ? ['-g'] : []), ...c.defines.map((d) => `-D${d}`), ...c.warnings.map((w) => `-W${w}`)]; // prettier-ignore
  const section = s.program.section === '' ? 'the first program' : `"${s.program.section}"`;
  const lines = [
    `share link, format ${version}`,
    `program: ${section}, type ${s.program.type ?? 'from its SEC() name'}; ${flags.join(' ')}; ${s.privileged ? 'privileged' : 'unprivileged'}`, // prettier-ignore
    ...packetLines(s),
  ];
  for (const m of s.mapSeeds) lines.push(`map pre-seed: ${m.map}[${m.key || '-'}] = ${m.value || '-'}`);
  lines.push(`panels: side ${s.panels.active.side}, bottom ${s.panels.active.bottom}${s.panels.hidden.length > 0 ? `; hidden ${s.panels.hidden.join(', ')}` : ''}`); // prettier-ignore
  if (s.selection?.kind === 'example') lines.push(`example: ${s.selection.id}`);
  if (s.selection?.kind === 'lesson') lines.push(`lesson: ${s.selection.lesson}, step ${s.selection.step + 1}`);
  lines.push(`source (${s.source.replace(/\n$/, '').split('\n').length} lines):`, '', s.source);
  return printable(lines.join('\n'));
}

export const openCommand: CliCommand = {
  name: 'open',
  summary: 'decode a playground share link and print its state',
  usage: USAGE,
  async run(args, io) {
    let link: string | undefined;
    let mode: 'text' | 'json' | 'source' = 'text';
    for (const arg of args) {
      if (arg === '--json') mode = 'json';
      else if (arg === '--source') mode = 'source';
      else if (arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`);
      else if (link === undefined) link = arg;
      else throw new UsageError(`unexpected argument '${arg}'`);
    }
    if (link === undefined) throw new UsageError('give the link to open');
    try {
      const { version, state } = decodeShareLink(link);
      // JSON.stringify escapes C0 controls but not DEL and C1; inside JSON strings \uXXXX is the same text.
      if (mode === 'json') io.out(JSON.stringify({ version, state }).replace(/[\x7f-\x9f]/g, u4));
      else if (mode === 'source') io.out(printable(state.source, /[\t\n\r\f\v]/));
      else io.out(describeState(version, state));
      return 0;
    } catch (e) {
      if (!(e instanceof ShareLinkError)) throw e;
      if (mode === 'json') io.out(JSON.stringify({ error: e.message, kind: e.kind }));
      else io.err(`error: ${e.message}`);
      return 1;
    }
  },
};
