/**
 * `ebpf-playground share FILE.c [...]`: prints a link that opens the page with this program and
 * these inputs (src/sharing). The state is validated exactly as the page validates a link.
 */
import { readFileSync } from 'node:fs';
import { PROG_TYPE_NAMES, type ProgTypeName } from '../../bpf/object/kinds';
import {
  buildShareLink,
  CPU_VERSIONS,
  DEFAULT_ORIGIN,
  defaultShareState,
  OPT_LEVELS,
  type ShareInputs,
  type ShareState,
} from '../../sharing';
import { type CliCommand, UsageError, requireValue } from '../command';
import { parseHex } from './exec';

const USAGE = `usage: ebpf-playground share FILE.c [--type T] [--section S] [--packet HEX]... [--origin URL]
       ebpf-playground share FILE.c [--attach SPEC]... [--workload FILE | --workload-preset NAME] [--origin URL]

Prints a link that opens the playground with FILE.c and these settings.
  --type T                 program type (xdp, socket_filter, sched_cls, kprobe, tracepoint, ...);
                           default: what the SEC() name says
  --section S              the program to load: its SEC() name or function name (default: the first)
  --packet HEX             an input packet (Ethernet frame) as hex; repeatable
  --attach SPEC            attach run: TYPE:TARGET[=FUNCTION] as for \`run --attach\`; repeatable
  --workload FILE          attach run: the workload text to play
  --workload-preset NAME   attach run: a preset workload (see \`ebpf-playground workloads\`)
  -O N                     optimisation level 0-3 (default 2)
  --cpu vN                 -mcpu: v1, v2, v3 or v4 (default v3)
  -D NAME[=VALUE]          a define; repeatable
  --unprivileged           verify as an unprivileged user
  --origin URL             where the playground is served (default ${DEFAULT_ORIGIN})`;

interface ShareArgs {
  path: string;
  type: ProgTypeName | null;
  section: string;
  packets: string[];
  attach: string[];
  workload: string | undefined;
  preset: string | undefined;
  opt: string;
  cpu: string;
  defines: string[];
  privileged: boolean;
  origin: string;
}

function parseArgs(args: string[]): ShareArgs {
  const out: ShareArgs = { path: '', type: null, section: '', packets: [], attach: [], workload: undefined, preset: undefined, opt: '2', cpu: 'v3', defines: [], privileged: true, origin: DEFAULT_ORIGIN }; // prettier-ignore
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => requireValue(args[++i], arg);
    if (arg === '--type') {
      const t = value();
      if (!(PROG_TYPE_NAMES as readonly string[]).includes(t)) throw new UsageError(`unknown program type '${t}'`);
      out.type = t as ProgTypeName;
    } else if (arg === '--section') out.section = value();
    else if (arg === '--packet') out.packets.push(value());
    else if (arg === '--attach') out.attach.push(value());
    else if (arg === '--workload') out.workload = value();
    else if (arg === '--workload-preset') out.preset = value();
    else if (arg === '-O') out.opt = value();
    else if (/^-O\d$/.test(arg)) out.opt = arg.slice(2);
    else if (arg === '--cpu') out.cpu = value();
    else if (arg === '-D') out.defines.push(value());
    else if (arg === '--unprivileged') out.privileged = false;
    else if (arg === '--origin') out.origin = value();
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (out.path === '') out.path = arg;
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (out.path === '') throw new UsageError('give the C file to share');
  if (out.workload !== undefined && out.preset !== undefined)
    throw new UsageError('give either --workload FILE or --workload-preset NAME, not both');
  const attachRun = out.attach.length > 0 || out.workload !== undefined || out.preset !== undefined;
  if (attachRun && out.packets.length > 0)
    throw new UsageError('--packet is for packet runs; attach runs (--attach, --workload) play a workload');
  return out;
}

function inputsOf(a: ShareArgs): ShareInputs {
  if (a.attach.length === 0 && a.workload === undefined && a.preset === undefined) {
    const packets = a.packets.map((h, i) => ({ hex: Buffer.from(parseHex(h, `--packet #${i + 1}`)).toString('hex') }));
    return { kind: 'packets', packets, selected: 0 };
  }
  const workload =
    a.workload !== undefined ? { text: readFileSync(a.workload, 'utf8') } : { preset: a.preset ?? 'demo' };
  return { kind: 'attach', workload, attachments: a.attach };
}

function stateOf(a: ShareArgs): ShareState {
  const base = defaultShareState(readFileSync(a.path, 'utf8'));
  const opt = Number(a.opt);
  // The codec validates the rest; these two are checked here to name the option in the message.
  if (!(OPT_LEVELS as readonly number[]).includes(opt)) throw new UsageError(`-O must be 0, 1, 2 or 3`);
  if (!(CPU_VERSIONS as readonly string[]).includes(a.cpu)) throw new UsageError(`--cpu must be v1, v2, v3 or v4`);
  return {
    ...base,
    program: { section: a.section, type: a.type },
    compile: { ...base.compile, optLevel: opt as ShareState['compile']['optLevel'], cpu: a.cpu as ShareState['compile']['cpu'], defines: a.defines }, // prettier-ignore
    privileged: a.privileged,
    inputs: inputsOf(a),
  };
}

export const shareCommand: CliCommand = {
  name: 'share',
  summary: 'print a playground link for a C file and its inputs',
  usage: USAGE,
  async run(args, io) {
    const a = parseArgs(args);
    try {
      io.out(buildShareLink(stateOf(a), a.origin));
      return 0;
    } catch (e) {
      if (e instanceof UsageError || !(e instanceof Error)) throw e;
      // ShareLinkError (too large, invalid field), a bad --packet, an unreadable file.
      io.err(`error: ${e.message}`);
      return 1;
    }
  },
};
