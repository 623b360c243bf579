/**
 * THE adapter from a loaded object (src/bpf/object) and the helper registry (src/bpf/helpers) to the
 * verifier's small world (VerifierEnv). The runtime, the CLI, the session and the tests all build
 * their environment here, so they verify exactly the same thing.
 */
import { allHelpers, type ArgType, type HelperProto as RegistryProto, type RetType } from '../helpers';
import type { BpfObject, BpfProgram } from '../object';
import {
  type HelperArg,
  type HelperProto,
  type HelperRet,
  type LineInfo,
  type ProgType,
  PROG_TYPE_IDS,
  type VerifierEnv,
  type VerifierMap,
} from './types';

/** license_is_gpl_compatible() in the kernel. */
const GPL_COMPATIBLE = ['GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL'];
export const isGplCompatible = (license: string): boolean => GPL_COMPATIBLE.includes(license);

/**
 * The registry speaks the kernel's full arg vocabulary (with MEM_* flags); the verifier knows a
 * smaller set. Each kind maps to the verifier kind that checks the same thing; kinds it cannot
 * check yet (const strings, callbacks) fall back to ARG_ANYTHING, which still
 * requires the register to be initialised, as the kernel does for every declared argument.
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
  'ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE': 'ARG_PTR_TO_RINGBUF_MEM_RELEASE',
  ARG_PTR_TO_CONST_STR: 'ARG_ANYTHING',
  ARG_PTR_TO_SPIN_LOCK: 'ARG_ANYTHING',
  ARG_PTR_TO_FUNC: 'ARG_ANYTHING',
  'ARG_PTR_TO_STACK|PTR_MAYBE_NULL': 'ARG_PTR_TO_STACK_OR_NULL',
  ARG_CONST_SIZE: 'ARG_CONST_SIZE',
  ARG_CONST_SIZE_OR_ZERO: 'ARG_CONST_SIZE_OR_ZERO',
  // The size of an allocation, not of the memory argument before it.
  ARG_CONST_ALLOC_SIZE_OR_ZERO: 'ARG_CONST_ALLOC_SIZE_OR_ZERO',
};

const RET: Readonly<Record<RetType, HelperRet>> = {
  RET_INTEGER: 'RET_INTEGER',
  RET_VOID: 'RET_VOID',
  RET_PTR_TO_MAP_VALUE_OR_NULL: 'RET_PTR_TO_MAP_VALUE_OR_NULL',
  RET_PTR_TO_RINGBUF_MEM_OR_NULL: 'RET_PTR_TO_RINGBUF_MEM_OR_NULL',
};

/** bpf_helper_changes_pkt_data(): calling these invalidates every packet pointer. */
const CHANGES_PKT_DATA =
  /adjust_(head|tail|meta|room)|change_(head|tail|proto)|pull_data|store_bytes|vlan_(push|pop)|l[34]_csum_replace/;

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
    ...(CHANGES_PKT_DATA.test(name) ? { changesPktData: true } : {}),
  };
}

let protos: Map<number, HelperProto> | null = null;

/** The verifier's prototype of helper `id`, from the registry; undefined when the simulator lacks it. */
export function registryHelperProto(id: number): HelperProto | undefined {
  protos ??= new Map(allHelpers().map((h) => [h.id, translate(h.id, h.name, h.proto)]));
  return protos.get(id);
}

/** The verifier's program type for a section (libbpf's classification), or null when it has none. */
export function verifierProgType(program: BpfProgram): ProgType | null {
  const t = program.kind.progType as string;
  return VERIFIER_TYPES.has(t) ? (t as ProgType) : null;
}

const baseName = (file: string): string => file.split('/').pop() ?? file;

/** The environment for one program of a loaded object: lddw src=5/6 imm is the index into object.maps. */
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
    helper: registryHelperProto,
    licenseGpl: isGplCompatible(object.license),
    lineInfo,
  };
}
