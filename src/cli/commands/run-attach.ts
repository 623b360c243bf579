/**
 * `run PROG --attach ...`: the program attached to the simulated kernel playing a workload.
 * PROG is a BPF object, a C file (libbpf or BCC style; BCC is detected or forced with --bcc) or a
 * BCC Python script, whose BPF(text=...) and attach_* calls give the C and the attachments.
 *
 * The steps are exported separately so tests can run the same path with another compiler (native
 * clang-19 while clang.wasm is not built).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatLog2Hist } from '../../bpf/bcc/hist';
import { isBccSource, parseBccScript, rewriteBcc, type ScriptAttachment, scriptPrinter } from '../../bpf/bcc';
import { type Attachment, parseAttachment, resolveAttachment, workloadPreset, parseWorkload } from '../../bpf/kernel';
import { type BpfObject, loadObject, objectNameFromPath } from '../../bpf/object';
import {
  attachmentsFromSections,
  checkFits,
  findProgram,
  formatAttachRun,
  formatRecord,
  parseAttachSpec,
  type RecordPrinter,
  type ProgramAttachment,
  runAttached,
} from '../../bpf/session';
import type { CompileInput } from '../../compiler/types';
import { UsageError } from '../command';

export interface AttachArgs {
  readonly path: string;
  readonly attach: readonly string[];
  readonly workload: string | undefined;
  readonly preset: string | undefined;
  readonly bcc: boolean;
}

/** Compiles one input to a BPF object, or throws with the compiler's messages. */
export type CompileFn = (input: CompileInput) => Promise<Uint8Array>;

export interface PreparedInput {
  readonly object: BpfObject;
  /** Attachments named by a BCC script (they become the plan when --attach is absent). */
  readonly scriptAttachments: readonly ScriptAttachment[];
  /** Histograms the script prints at the end (print_log2_hist). */
  readonly histograms: readonly { readonly map: string; readonly label: string }[];
  /** Buffer records printed by the script's callbacks (open_perf_buffer/open_ring_buffer). */
  readonly printRecord?: RecordPrinter;
}

/** A BCC script's record printer: each buffer's callback, else the default one-line form. */
function scriptRecordPrinter(
  script: string,
  buffers: ReturnType<typeof parseBccScript>['output']['buffers'],
): RecordPrinter | undefined {
  // prettier-ignore
  const callbacks = new Map(buffers.flatMap((b) => (b.callback === null ? [] : [[b.map, b.callback] as const])));
  if (callbacks.size === 0) return undefined;
  const printer = scriptPrinter(script);
  return (r) => {
    const callback = callbacks.get(r.map);
    return callback === undefined ? [formatRecord(r)] : printer(callback, r.cpu, r.value, r.data.length / 2);
  };
}

const QUOTED_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm;

/** The compile input: the (rewritten) source at `entry`, plus the user's quoted includes from disk. */
function compileInput(entry: string, source: string): CompileInput {
  const files = new Map<string, string | Uint8Array>([[entry, source]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = file === entry ? source : readFileSync(file, 'utf8');
    for (const m of text.matchAll(QUOTED_INCLUDE)) {
      const path = resolve(dirname(file), m[1]!);
      if (files.has(path) || !existsSync(path)) continue;
      files.set(path, readFileSync(path));
      queue.push(path);
    }
  }
  return { entry, files, workingDirectory: dirname(entry) };
}

/** fn name → attachment, for the BCC rewrite (it picks each function's SEC() and argument reads). */
function attachmentsByFunction(specs: readonly string[], script: readonly ScriptAttachment[]): Map<string, Attachment> {
  const out = new Map<string, Attachment>();
  for (const s of script) out.set(s.program, s.attachment);
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    if (eq > 0) out.set(spec.slice(eq + 1), parseAttachment(spec.slice(0, eq)));
  }
  return out;
}

/** Reads PROG (object, C or BCC script) and produces the loaded object. */
export async function prepareInput(a: AttachArgs, compile: CompileFn): Promise<PreparedInput> {
  const path = resolve(a.path);
  if (!path.endsWith('.c') && !path.endsWith('.py')) {
    return { object: loadObject(readFileSync(path), { name: objectNameFromPath(path) }), scriptAttachments: [], histograms: [] }; // prettier-ignore
  }
  let source: string;
  let entry = path;
  let bcc = a.bcc;
  let scriptAttachments: readonly ScriptAttachment[] = [];
  let histograms: PreparedInput['histograms'] = [];
  let printRecord: RecordPrinter | undefined;
  if (path.endsWith('.py')) {
    const text = readFileSync(path, 'utf8');
    const script = parseBccScript(text);
    scriptAttachments = script.attachments;
    histograms = script.output.histograms;
    printRecord = scriptRecordPrinter(text, script.output.buffers);
    bcc = true;
    if (script.srcFile !== null) entry = resolve(dirname(path), script.srcFile);
    else entry = join(dirname(path), `${basename(path, '.py')}.bcc.c`);
    source = script.text ?? readFileSync(entry, 'utf8');
  } else source = readFileSync(path, 'utf8');
  bcc ||= isBccSource(source);
  if (bcc) {
    const attachments = attachmentsByFunction(a.attach, scriptAttachments);
    source = rewriteBcc(source, { fileName: entry, attachments }).source;
  }
  const object = loadObject(await compile(compileInput(entry, source)), { name: objectNameFromPath(entry) });
  return { object, scriptAttachments, histograms, ...(printRecord ? { printRecord } : {}) };
}

/** --attach specs, else the script's attach_* calls, else what the SEC() names say. */
export function attachPlan(
  object: BpfObject,
  specs: readonly string[],
  script: readonly ScriptAttachment[],
): ProgramAttachment[] {
  if (specs.length > 0) return specs.map((s) => parseAttachSpec(s, object));
  if (script.length > 0) {
    return script.map(({ attachment, program }) => {
      const resolved = resolveAttachment(attachment.type, attachment.target);
      checkFits(findProgram(object, program), resolved);
      return { attachment: resolved, program };
    });
  }
  return attachmentsFromSections(object);
}

export function workloadOf(a: AttachArgs): ReturnType<typeof parseWorkload> {
  if (a.workload !== undefined && a.preset !== undefined)
    throw new UsageError('give either --workload FILE or --workload-preset NAME, not both');
  if (a.workload !== undefined) return parseWorkload(readFileSync(a.workload, 'utf8'));
  return workloadPreset(a.preset ?? 'demo');
}

export interface AttachOutcome {
  readonly text: string;
  readonly json: string;
  readonly accepted: boolean;
}

/** The whole attach run: both outputs (the caller prints one). */
export async function runAttachMode(a: AttachArgs, cpus: number, compile: CompileFn): Promise<AttachOutcome> {
  const input = await prepareInput(a, compile);
  const plan = attachPlan(input.object, a.attach, input.scriptAttachments);
  const workload = workloadOf(a);
  const { report, played } = runAttached(input.object, plan, workload, { cpus, privileged: true, seed: 1 });
  const attached = plan.map((p) => `attached ${p.program} to ${p.attachment.type}:${p.attachment.target}`);
  const hists = input.histograms.flatMap(({ map, label }) => {
    const dump = report.maps[map];
    return dump ? ['', `${map}:`, formatLog2Hist(dump, label)] : [];
  });
  const text = [...attached, formatAttachRun(report.verifier, played, report.maps, input.printRecord), ...hists].join(
    '\n',
  );
  return { text, json: JSON.stringify(report), accepted: report.verifier.accepted };
}
