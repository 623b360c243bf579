/**
 * What the BCC Python front learns from a script's calls on BPF objects and tables: the C program
 * (BPF(text=...)/BPF(src_file=...)), the attach_* calls, and how results are shown (trace_print,
 * print_log2_hist, open_perf_buffer/open_ring_buffer). Kernel queries (get_kprobe_functions...)
 * are answered in python-values.ts.
 */
import type { Attachment, AttachType } from '../kernel';
import { syscallFnName } from '../kernel';
import type { CallArgs } from './python-expr';
import { kernelQuery, UNKNOWN, type Value } from './python-values';
import { BccError } from './tokens';

export interface ScriptAttachment {
  readonly attachment: Attachment;
  /** The C function attached. */
  readonly program: string;
}

/** b["events"].open_perf_buffer(callback) / open_ring_buffer(callback). */
export interface ScriptBuffer {
  readonly map: string;
  readonly kind: 'perf' | 'ring';
  /** The script's callback function, when it defines it with def. */
  readonly callback: string | null;
}

export interface BccScript {
  /** BPF(text=...): the C source; null when the script names a file instead. */
  readonly text: string | null;
  /** BPF(src_file=...): the C file, relative to the script. */
  readonly srcFile: string | null;
  readonly attachments: readonly ScriptAttachment[];
  /** How the script shows output: trace_print/trace_fields read trace_pipe; histograms are printed at the end. */
  readonly output: {
    readonly trace: boolean;
    readonly histograms: readonly { readonly map: string; readonly label: string }[];
    /** Perf and ring buffers the script opens (their records are printed as they arrive). */
    readonly buffers: readonly ScriptBuffer[];
  };
}

/** A problem with what the playground needs from the script (the C, an attachment): never skipped. */
export class ScriptError extends BccError {}

/** Everything the script's BPF calls told the front. */
export class ScriptFacts {
  text: string | null = null;
  srcFile: string | null = null;
  readonly attachments: ScriptAttachment[] = [];
  trace = false;
  readonly histograms: { map: string; label: string }[] = [];
  readonly buffers: ScriptBuffer[] = [];
}

export function constructBpf(facts: ScriptFacts, { positional, keyword }: CallArgs): Value {
  const text = keyword.get('text') ?? positional[0];
  const src = keyword.get('src_file');
  if (text?.kind === 'str') facts.text = text.value;
  else if (src?.kind === 'str') facts.srcFile = src.value;
  else throw new ScriptError('BPF(...) needs text= a string (or src_file= a file name) the script defines literally');
  return { kind: 'bpf' };
}

export function bpfMethod(
  facts: ScriptFacts,
  target: Value,
  method: string,
  { positional, keyword }: CallArgs,
  line: number,
): Value {
  const arg = (name: string, index: number): Value => keyword.get(name) ?? positional[index] ?? UNKNOWN;
  const str = (v: Value, what: string): string => {
    if (v.kind === 'str') return v.value;
    throw new ScriptError(`${method}: ${what} must be a string the script spells out`, line);
  };
  if (target.kind === 'str') return /^(?:encode|decode|strip|rstrip|lstrip)$/.test(method) ? target : UNKNOWN;
  if (target.kind === 'table') return tableCall(facts, target.name, method, arg('callback', 0), arg('val_type', 0));
  if (target.kind === 'BPF') {
    const answer = kernelQuery(method, positional);
    if (answer !== null) return answer;
  }
  if (target.kind !== 'bpf' && target.kind !== 'BPF') return UNKNOWN;
  switch (method) {
    case 'get_syscall_fnname':
      return { kind: 'str', value: syscallFnName(str(arg('name', 0), 'the syscall name')) };
    case 'load_func':
      return { kind: 'func', name: str(arg('func_name', 0), 'the function name') };
    case 'get_table':
      return { kind: 'table', name: str(arg('name', 0), 'the table name') };
    case 'trace_print':
    case 'trace_fields':
    case 'trace_readline':
      facts.trace = true;
      return UNKNOWN;
    case 'attach_kprobe':
    case 'attach_kretprobe':
    case 'attach_tracepoint':
    case 'attach_raw_tracepoint': {
      const type = method.slice('attach_'.length) as AttachType;
      const where = type.endsWith('tracepoint') ? arg('tp', 0) : arg('event', 0);
      const program = str(arg('fn_name', 1), `${method} fn_name`);
      facts.attachments.push({ attachment: { type, target: str(where, `the ${method} target`) }, program });
      return UNKNOWN;
    }
    case 'attach_xdp': {
      const dev = arg('dev', 0);
      const fn = arg('fn', 1);
      if (fn.kind !== 'func') throw new ScriptError('attach_xdp: fn must come from b.load_func("name", BPF.XDP)', line);
      // Scripts usually take the device from argv; the simulated network receives on eth0.
      const target = dev.kind === 'str' ? dev.value : 'eth0';
      facts.attachments.push({ attachment: { type: 'xdp', target }, program: fn.name });
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** Methods of b["name"]: printing histograms, opening buffers, decoding a record (event). */
function tableCall(facts: ScriptFacts, map: string, method: string, first: Value, label: Value): Value {
  if (method.startsWith('print_')) {
    facts.histograms.push({ map, label: label.kind === 'str' ? label.value : 'value' });
  } else if (method === 'open_perf_buffer' || method === 'open_ring_buffer') {
    const kind = method === 'open_perf_buffer' ? 'perf' : 'ring';
    facts.buffers.push({ map, kind, callback: first.kind === 'def' ? first.name : null });
  } else if (method === 'event') return first;
  return UNKNOWN;
}
