/**
 * Adapts a loaded object to the verifier's small world (src/bpf/verifier VerifierEnv) and its
 * result to the protocol's VerifierReport: maps by lddw index, helper prototypes from the helper
 * registry translated to the verifier's argument vocabulary, the program type from the section,
 * BTF line info, and the failing path's abstract state with a plain-words reading of each register.
 */
import { allHelpers, type ArgType, type HelperProto as RegistryProto, type RetType } from '../bpf/helpers';
import type { BpfObject, BpfProgram } from '../bpf/object';
import {
  type HelperArg,
  type HelperProto,
  type HelperRet,
  type LineInfo,
  type ProgType,
  PROG_TYPE_IDS,
  type RegView,
  type StateSnapshot,
  type VerifierEnv,
  type VerifierMap,
  type VerifyResult,
} from '../bpf/verifier';
import type { AbstractStep, Diagnostic, VerifierReport } from '../protocol';

const GPL_COMPATIBLE = ['GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL'];

/**
 * The registry speaks the kernel's full arg vocabulary (with MEM_* flags); the verifier knows a
 * smaller set. Each kind maps to the verifier kind that checks the same thing; kinds it cannot
 * check yet (ringbuf memory, const strings, callbacks) fall back to ARG_ANYTHING.
 */
const ARG: Readonly<Record<ArgType, HelperArg>> = {
  ARG_ANYTHING: 'ARG_ANYTHING',
  ARG_CONST_MAP_PTR: 'ARG_CONST_MAP_PTR',
  ARG_PTR_TO_MAP_KEY: 'ARG_PTR_TO_MAP_KEY',
  ARG_PTR_TO_MAP_VALUE: 'ARG_PTR_TO_MAP_VALUE',
  'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE': 'ARG_PTR_TO_MAP_VALUE',
  ARG_PTR_TO_CTX: 'ARG_PTR_TO_CTX',
  'ARG_PTR_TO_MEM|MEM_RDONLY': 'ARG_PTR_TO_MEM_RDONLY',
  'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE': 'ARG_PTR_TO_UNINIT_MEM',
  'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY': 'ARG_ANYTHING',
  'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_UNINIT|MEM_WRITE': 'ARG_ANYTHING',
  'ARG_PTR_TO_MEM|MEM_ALIGNED|MEM_RDONLY|PTR_MAYBE_NULL': 'ARG_ANYTHING',
  'ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE': 'ARG_ANYTHING',
  ARG_PTR_TO_CONST_STR: 'ARG_ANYTHING',
  ARG_PTR_TO_SPIN_LOCK: 'ARG_ANYTHING',
  ARG_PTR_TO_FUNC: 'ARG_ANYTHING',
  'ARG_PTR_TO_STACK|PTR_MAYBE_NULL': 'ARG_PTR_TO_STACK_OR_NULL',
  ARG_CONST_SIZE: 'ARG_CONST_SIZE',
  ARG_CONST_SIZE_OR_ZERO: 'ARG_CONST_SIZE_OR_ZERO',
  // The size of an allocation, not of the memory argument before it.
  ARG_CONST_ALLOC_SIZE_OR_ZERO: 'ARG_ANYTHING',
};

const RET: Readonly<Record<RetType, HelperRet>> = {
  RET_INTEGER: 'RET_INTEGER',
  RET_VOID: 'RET_VOID',
  RET_PTR_TO_MAP_VALUE_OR_NULL: 'RET_PTR_TO_MAP_VALUE_OR_NULL',
  RET_PTR_TO_RINGBUF_MEM_OR_NULL: 'RET_PTR_TO_MEM_OR_NULL',
};

const VERIFIER_TYPES = new Set<string>(Object.keys(PROG_TYPE_IDS));

function translate(id: number, name: string, p: RegistryProto): HelperProto {
  const progTypes = p.programTypes === 'all' ? undefined : p.programTypes.filter((t) => VERIFIER_TYPES.has(t));
  return {
    id,
    name,
    gplOnly: p.gplOnly,
    ret: RET[p.ret],
    args: p.args.map((a) => ARG[a]),
    ...(progTypes === undefined ? {} : { progTypes: progTypes as ProgType[] }),
    ...(/adjust_(head|tail|meta|room)|change_(head|tail|proto)|pull_data|store_bytes|vlan_(push|pop)|l[34]_csum_replace/.test(name)
      ? { changesPktData: true }
      : {}),
  };
}

let protos: Map<number, HelperProto> | null = null;
const helperProto = (id: number): HelperProto | undefined => {
  protos ??= new Map(allHelpers().map((h) => [h.id, translate(h.id, h.name, h.proto)]));
  return protos.get(id);
};

/** The verifier's program type for a section (libbpf's classification), or null when it has none. */
export function verifierProgType(program: BpfProgram): ProgType | null {
  const t = program.kind.progType as string;
  return VERIFIER_TYPES.has(t) ? (t as ProgType) : null;
}

const baseName = (file: string): string => file.split('/').pop() ?? file;

export function verifierEnv(object: BpfObject, program: BpfProgram, progType: ProgType): VerifierEnv {
  const maps = new Map<number, VerifierMap>();
  object.maps.forEach((m, i) =>
    maps.set(i, {
      name: m.name,
      type: m.type,
      keySize: m.keySize,
      valueSize: m.valueSize,
      maxEntries: m.maxEntries,
      flags: m.flags,
    }),
  );
  const lineInfo: LineInfo[] = program.lineInfo.map((l) => ({
    insn: l.insn,
    where: `${baseName(l.file)}:${l.line}`,
    text: l.source,
  }));
  return {
    progType,
    maps,
    helper: helperProto,
    licenseGpl: GPL_COMPATIBLE.includes(object.license),
    lineInfo,
  };
}

/** One sentence for a student about a register's abstract value (kernel text in RegView.text). */
export function plainRegister(view: RegView | null): string {
  if (view === null) return 'not initialised: reading it is an error';
  const t = view.text;
  const range = /r=(\d+)/.exec(t);
  const off = /off=(-?\d+)/.exec(t);
  const type = view.type;
  if (type.startsWith('scalar') || type === 'inv') {
    const exact = /^(-?\d+)$/.exec(t);
    if (exact !== null) return `the known number ${exact[1]}`;
    return t === 'scalar()' || t === 'scalar'
      ? 'a number the verifier knows nothing about'
      : 'a number within the bounds shown';
  }
  if (type.startsWith('pkt_end')) return 'the end of the packet (data_end): compare packet pointers against it';
  if (type.startsWith('pkt_meta')) return 'a pointer to the packet metadata';
  if (type.startsWith('pkt')) {
    const r = range === null ? 0 : Number(range[1]);
    return r === 0
      ? 'a packet pointer not yet checked against data_end: reading through it needs a bounds check first'
      : `a packet pointer; ${r} bytes from the packet start are proven to be inside the packet`;
  }
  if (type.startsWith('ctx')) return "a pointer to the program's context (e.g. struct xdp_md)";
  if (type.startsWith('fp')) return `a pointer into this function's stack (frame pointer ${off?.[1] ?? 0})`;
  if (type.includes('map_value_or_null'))
    return 'a map value pointer that may be NULL: check it against NULL before using it';
  if (type.startsWith('map_value')) return 'a pointer into a map value; accesses must stay inside the value';
  if (type.startsWith('map_ptr')) return 'a pointer to a map (for the map helpers only)';
  if (type.includes('or_null')) return 'a pointer that may be NULL: check it before using it';
  if (type.startsWith('mem')) return 'a pointer to memory a helper returned';
  return 'a pointer';
}

function pathOf(
  states: readonly StateSnapshot[],
  program: BpfProgram,
  insnText: (pc: number) => string,
): AbstractStep[] {
  return states.map((s) => ({
    pc: s.insn,
    insn: insnText(s.insn),
    sourceLine: program.lineAt[s.insn]?.line ?? null,
    registers: s.regs.flatMap((r, reg) => (r === null ? [] : [{ reg, state: r.text, plain: plainRegister(r) }])),
    stack: s.stack.map((slot) => ({ offset: slot.off, state: slot.text })),
  }));
}

export function toVerifierReport(
  result: VerifyResult,
  program: BpfProgram,
  insnText: (pc: number) => string,
): VerifierReport {
  const diagnostics: Diagnostic[] = [];
  const err = result.error;
  if (err !== null) {
    const at = program.lineAt[err.insn] ?? null;
    if (at !== null) {
      diagnostics.push({
        source: 'verifier',
        severity: 'error',
        message: `verifier: ${err.message}${err.explanation ? `\n${err.explanation}` : ''}`,
        file: baseName(at.file),
        line: at.line,
        column: Math.max(1, at.column),
      });
    }
  }
  return {
    accepted: result.accepted,
    error: err === null ? null : { insn: err.insn, line: err.line ?? null, message: err.message },
    log: result.log,
    stats: { processed: result.stats.processed, states: result.stats.states },
    explanation: err?.explanation ?? null,
    path: pathOf(result.states ?? [], program, insnText),
    diagnostics,
  };
}
