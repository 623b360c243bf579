/**
 * Shared by packet runs, attach runs and lesson checks: the maps as the Maps panel shows them, and
 * the verifier as sessions call it before anything runs.
 */
import { toHex } from '../bpf/maps';
import { type BpfObject, type BpfProgram, formatBtfValue } from '../bpf/object';
import type { SessionMap, VerifierReport as SessionVerifierReport } from '../bpf/session';
import { verify } from '../bpf/verifier';
import type { MapEntry, MapSnapshot } from '../protocol';
import { verifierEnv, verifierProgType } from './verifier-env';

function btfText(object: BpfObject, typeId: number, bytes: Uint8Array): string | null {
  if (object.btf === null || typeId === 0) return null;
  try {
    return formatBtfValue(object.btf, typeId, bytes);
  } catch {
    return null;
  }
}

/** The maps of a session (packet or attach) as user space sees them now, BTF-formatted where possible. */
export function snapshotMaps(object: BpfObject, maps: readonly SessionMap[]): MapSnapshot[] {
  return maps.map(({ name, map }, index) => {
    const def = object.maps[index];
    const perCpu = map.typeName.includes('percpu');
    const stride = Math.ceil(map.spec.valueSize / 8) * 8;
    const entries: MapEntry[] = map.entries().map((e) => {
      const keyText = def === undefined ? null : btfText(object, def.keyTypeId, e.key);
      if (perCpu) {
        const copies = Array.from({ length: map.cpus }, (_, cpu) =>
          e.value.subarray(cpu * stride, cpu * stride + map.spec.valueSize),
        );
        const texts = copies.map((c) => (def === undefined ? null : btfText(object, def.valueTypeId, c)));
        return {
          key: toHex(e.key),
          value: copies.map(toHex),
          keyText,
          valueText: texts.every((t) => t !== null) ? (texts as string[]) : null,
        };
      }
      return {
        key: toHex(e.key),
        value: toHex(e.value),
        keyText,
        valueText: def === undefined ? null : btfText(object, def.valueTypeId, e.value),
      };
    });
    return {
      name,
      type: map.typeName,
      keySize: map.spec.keySize,
      valueSize: map.spec.valueSize,
      maxEntries: map.spec.maxEntries,
      cpus: perCpu ? map.cpus : 1,
      entries,
    };
  });
}

/** The verifier as sessions call it: a rejected program never runs. */
export function runVerifier(prog: BpfProgram, object: BpfObject, privileged: boolean): SessionVerifierReport {
  const type = verifierProgType(prog);
  if (type === null) return { accepted: true, error: null, log: '' };
  const r = verify(prog.code, verifierEnv(object, prog, type), { privileged, collectStates: 'none' });
  return {
    accepted: r.accepted,
    error: r.error === null ? null : { insn: r.error.insn, message: r.error.message },
    log: r.log,
  };
}
