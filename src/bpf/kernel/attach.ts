/**
 * Attachments (what a program is attached to) and the context each kind of program receives:
 * kprobe/kretprobe → struct pt_regs, tracepoint → the format-file record, raw_tracepoint → u64
 * args[], xdp → the frame arriving at a device.
 */
import { KERNEL_FUNCTIONS, syscallFnName } from './catalogue';
import { eventTarget, type KernelEvent } from './events';
import { encodeFields } from './layout';
import { KERNEL_STRUCTS } from './structs';
import { kernelSymbol } from './symbols';
import { TRACEPOINTS, tracepoint } from './tracepoints';

export type AttachType = 'kprobe' | 'kretprobe' | 'tracepoint' | 'raw_tracepoint' | 'xdp';

export interface Attachment {
  readonly type: AttachType;
  /** Function name, "category:name" tracepoint, raw tracepoint name, or device name for xdp. */
  readonly target: string;
}

const RAW_TP = new Map(
  [...TRACEPOINTS.values()].filter((t) => t.category !== 'syscalls').map((t) => [t.name, `${t.category}:${t.name}`]),
);
const DEVICES = ['lo', 'eth0'];

/** Checks an attachment against the simulated kernel and normalises its target; throws a helpful error. */
export function resolveAttachment(type: AttachType, target: string): Attachment {
  if (type === 'kprobe' || type === 'kretprobe') {
    if (!KERNEL_FUNCTIONS.has(target)) {
      const hint = KERNEL_FUNCTIONS.has(syscallFnName(target)) ? ` (did you mean ${syscallFnName(target)}?)` : '';
      throw new Error(`${type}: the simulated kernel has no function ${target}${hint}`);
    }
    return { type, target };
  }
  if (type === 'tracepoint') {
    const tp = tracepoint(target);
    if (!tp) throw new Error(`tracepoint: no tracepoint ${target} (write CATEGORY:NAME, e.g. sched:sched_switch)`);
    return { type, target: `${tp.category}:${tp.name}` };
  }
  if (type === 'raw_tracepoint') {
    const key = RAW_TP.get(target.replace(/^.*[:/]/, ''));
    if (!key) throw new Error(`raw_tracepoint: no raw tracepoint ${target} (e.g. sched_switch, sys_enter)`);
    return { type, target: key };
  }
  if (!DEVICES.includes(target)) throw new Error(`xdp: no device ${target} (devices: ${DEVICES.join(', ')})`);
  return { type, target };
}

/** "kprobe:__x64_sys_socket", "tracepoint:syscalls:sys_enter_execve", "raw_tracepoint:sched_switch", "xdp:eth0". */
export function parseAttachment(spec: string): Attachment {
  const colon = spec.indexOf(':');
  const type = spec.slice(0, colon) as AttachType;
  if (colon < 0 || !['kprobe', 'kretprobe', 'tracepoint', 'raw_tracepoint', 'xdp'].includes(type))
    throw new Error(`'${spec}' is not TYPE:TARGET with TYPE kprobe, kretprobe, tracepoint, raw_tracepoint or xdp`);
  return resolveAttachment(type, spec.slice(colon + 1));
}

/** The attachment libbpf derives from a SEC() name, or null when the section names no target. */
export function attachmentFromSection(section: string): Attachment | null {
  const m = /^(kprobe|kretprobe|tracepoint|tp|raw_tracepoint|raw_tp)\/(.+)$/.exec(section);
  if (!m?.[1] || !m[2]) return null;
  const type =
    ({ tp: 'tracepoint', raw_tp: 'raw_tracepoint' } as Record<string, AttachType>)[m[1]] ?? (m[1] as AttachType);
  return resolveAttachment(type, m[2].replace(/\+0$/, ''));
}

export function matches(a: Attachment, e: KernelEvent): boolean {
  const kind = { kprobe: 'entry', kretprobe: 'return', tracepoint: 'tracepoint', raw_tracepoint: 'tracepoint', xdp: 'packet' }[a.type]; // prettier-ignore
  return e.kind === kind && eventTarget(e) === a.target;
}

const PT_REGS = KERNEL_STRUCTS.get('pt_regs');
const REGS = ['di', 'si', 'dx', 'cx', 'r8', 'r9'] as const;

/** The bytes of the context an `a` program receives for event `e` (which must match `a`). */
export function contextBytes(a: Attachment, e: KernelEvent): Uint8Array {
  switch (e.kind) {
    case 'entry':
    case 'return': {
      const values: Record<string, bigint | number> = { cs: 0x10, ss: 0x18, flags: 0x246, orig_ax: -1n, sp: e.sp };
      if (e.kind === 'entry') {
        REGS.forEach((r, i) => (values[r] = e.args[i] ?? 0n));
        values.ip = kernelSymbol(e.fn);
      } else {
        values.ax = e.ret;
        values.ip = e.returnAddress;
      }
      const out = new Uint8Array(PT_REGS.size);
      for (const { offset, bytes } of encodeFields(PT_REGS, values)) out.set(bytes, offset);
      return out;
    }
    case 'tracepoint': {
      if (a.type === 'tracepoint') return e.record();
      const out = new Uint8Array(e.rawArgs.length * 8);
      const dv = new DataView(out.buffer);
      e.rawArgs.forEach((v, i) => dv.setBigUint64(i * 8, BigInt.asUintN(64, v), true));
      return out;
    }
    case 'packet':
      return e.frame.slice();
  }
}
