/**
 * BCC's tracepoint programs: `TRACEPOINT_PROBE(category, event) { ... args->field ... }`, or a
 * function named `tracepoint__category__event(struct tracepoint__category__event *args)`. BCC
 * builds the record struct from the event's format file; here it comes from the simulated
 * kernel's tracepoint layouts (checked against Linux 6.18's format files), with explicit padding
 * so every field sits at the format file's offset.
 *
 * Field types: syscall arguments keep their C type when it is a pointer (the record slot is 8
 * bytes) and are 8-byte integers otherwise, as the slots are; `__data_loc` strings are
 * `int data_loc_NAME`, read with TP_DATA_LOC_READ/TP_DATA_LOC_READ_CONST (see the prelude).
 */
import { SYSCALLS, tracepoint, type TracepointDef } from '../kernel';
import { BccError } from './tokens';

/** The struct and function name BCC gives a tracepoint program. */
export const tracepointName = (category: string, event: string): string => `tracepoint__${category}__${event}`;

/** `tracepoint__sched__sched_switch` → ["sched", "sched_switch"]. */
export function tracepointOfName(name: string): [string, string] | null {
  const m = /^tracepoint__([a-z0-9_]+?)__(\w+)$/.exec(name);
  return m?.[1] && m[2] ? [m[1], m[2]] : null;
}

const SCALAR_C = {
  ...{ u8: '__u8', s8: '__s8', u16: '__u16', s16: '__s16' },
  ...{ u32: '__u32', s32: '__s32', u64: '__u64', s64: '__s64', ptr: 'void *' },
} as const;

/** The C declaration of one record field (without the ';'). */
function fieldDecl(def: TracepointDef, name: string): string {
  const f = def.layout.fields.get(name)!;
  if (def.dataLoc.includes(name)) return `int data_loc_${name}`;
  const syscall = def.category === 'syscalls' ? SYSCALLS.get(def.name.replace(/^sys_enter_/, '')) : undefined;
  const param = syscall?.params.find((p) => p.name === name);
  if (param !== undefined && def.name.startsWith('sys_enter_'))
    return param.type.includes('*') ? `${param.type.replace(/\b__user\b/g, '').trim()} ${name}` : `long ${name}`;
  if (f.scalar === null) throw new BccError(`tracepoint field ${name} has no C type in the playground`);
  if (f.length !== null) {
    // Byte arrays that hold text (comm, rwbs) are char arrays in the format files.
    const element = f.scalar === 'u8' && /comm|rwbs/.test(name) ? 'char' : SCALAR_C[f.scalar];
    return `${element} ${name}[${f.length}]`;
  }
  return f.scalar === 'ptr' ? `void *${name}` : `${SCALAR_C[f.scalar]} ${name}`;
}

/** The record struct of `category:event` on one line (it replaces no user line). */
export function tracepointStruct(category: string, event: string, line: number): string {
  const def = tracepoint(`${category}:${event}`);
  if (def === undefined)
    throw new BccError(
      `the simulated kernel has no tracepoint ${category}:${event} (\`ebpf-playground workloads --points\` lists them)`,
      line,
    );
  const parts: string[] = [];
  let at = 0;
  for (const name of def.layout.members) {
    const f = def.layout.fields.get(name)!;
    if (f.offset > at) parts.push(`char __pad_${at}[${f.offset - at}];`);
    parts.push(`${fieldDecl(def, name)};`);
    at = f.offset + f.size;
  }
  return `struct ${tracepointName(category, event)} { ${parts.join(' ')} };`;
}
