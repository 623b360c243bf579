/**
 * THE adapter from a loaded object (src/bpf/object) and the helper registry (src/bpf/helpers) to the
 * verifier's small world (VerifierEnv). The runtime, the CLI, the session and the tests all build
 * their environment here, so they verify exactly the same thing.
 */
import { allHelpers, type HelperProto as RegistryProto } from '../helpers';
import type { BpfObject, BpfProgram, MapAttributes } from '../object';
import {
  type HelperProto,
  type LineInfo,
  type ProgType,
  PROG_TYPE_IDS,
  type VerifierEnv,
  type VerifierMap,
} from './types';

/** license_is_gpl_compatible() in the kernel. */
const GPL_COMPATIBLE = ['GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL'];
export const isGplCompatible = (license: string): boolean => GPL_COMPATIBLE.includes(license);

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
    ret: p.ret,
    args: p.args,
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

const pick = (m: MapAttributes): Omit<VerifierMap, 'name'> => ({
  type: m.type,
  keySize: m.keySize,
  valueSize: m.valueSize,
  maxEntries: m.maxEntries,
  flags: m.flags,
});

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
      // The kernel's inner_map_meta has no name, so the log prints none.
      inner: m.inner && { name: '', ...pick(m.inner) },
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
    expectedAttachType: program.kind.attachType,
  };
}
