/**
 * Which program runs where: "TYPE:TARGET[=FUNCTION]" specs from the command line, or the attach
 * points libbpf would derive from SEC() names when none are given. Each attachment names one
 * program of the object, and the program's type must fit the attach point (a kprobe program gets
 * pt_regs, a tracepoint program its record, an XDP program a frame).
 */
import { type Attachment, type AttachType, attachmentFromSection, parseAttachment } from '../kernel';
import type { BpfObject, BpfProgram } from '../object';

export interface ProgramAttachment {
  readonly attachment: Attachment;
  /** The entry function that runs on each firing. */
  readonly program: string;
}

export class AttachPlanError extends Error {
  override name = 'AttachPlanError';
}

/** The program type (bpftool's name, from the SEC() prefix) each attach type needs. */
const PROG_TYPE_FOR: Record<AttachType, string> = {
  kprobe: 'kprobe',
  kretprobe: 'kprobe',
  tracepoint: 'tracepoint',
  raw_tracepoint: 'raw_tracepoint',
  xdp: 'xdp',
};

const describe = (p: BpfProgram): string => `${p.name} (SEC "${p.sectionName}")`;

export function findProgram(object: BpfObject, name: string): BpfProgram {
  const found = object.programs.find((p) => p.name === name) ?? object.programs.find((p) => p.sectionName === name);
  if (found) return found;
  throw new AttachPlanError(`no program named '${name}'; the object has ${object.programs.map(describe).join(', ')}`);
}

/** Fails when the program's type cannot run on the attachment (the kernel's attach would fail too). */
export function checkFits(program: BpfProgram, attachment: Attachment): void {
  const want = PROG_TYPE_FOR[attachment.type];
  if (program.kind.progType === want) return;
  throw new AttachPlanError(
    `${describe(program)} is a ${program.kind.progType} program; ${attachment.type}:${attachment.target} needs a ${want} program`,
  );
}

/** "kprobe:__x64_sys_socket=hello_world"; without "=FUNCTION" the object must have one program. */
export function parseAttachSpec(spec: string, object: BpfObject): ProgramAttachment {
  const eq = spec.lastIndexOf('=');
  const attachment = parseAttachment(eq < 0 ? spec : spec.slice(0, eq));
  let program: BpfProgram;
  if (eq >= 0) program = findProgram(object, spec.slice(eq + 1));
  else if (object.programs.length === 1) program = object.programs[0]!;
  else
    throw new AttachPlanError(
      `${spec}: the object has ${object.programs.length} programs, say which one with ${spec}=FUNCTION (${object.programs.map(describe).join(', ')})`,
    );
  checkFits(program, attachment);
  return { attachment, program: program.name };
}

/**
 * libbpf's auto-attach: every program whose SEC() names a target (kprobe/tcp_connect,
 * tracepoint/sched/sched_switch, raw_tp/sys_enter). XDP sections name no device, so an XDP
 * program attaches to eth0, where the simulated network's frames arrive.
 */
export function attachmentsFromSections(object: BpfObject): ProgramAttachment[] {
  const out: ProgramAttachment[] = [];
  for (const program of object.programs) {
    const attachment =
      program.kind.progType === 'xdp' ? parseAttachment('xdp:eth0') : attachmentFromSection(program.sectionName);
    if (attachment) out.push({ attachment, program: program.name });
  }
  if (out.length === 0)
    throw new AttachPlanError(
      `no program's SEC() name says where it attaches (${object.programs.map(describe).join(', ')}); give --attach TYPE:TARGET[=FUNCTION]`,
    );
  return out;
}
