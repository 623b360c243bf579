/** Runs one compiled object through the kernel and through our verifier, on the same instructions. */
import { PROG_TYPE_IDS, verify, type ProgType, type VerifierMap, type VerifyResult } from '../../../src/bpf/verifier';
import { helperProto } from './helper-protos';
import { kernelLoad, lastMessage, type KernelResult } from './kernel';

const GPL_COMPATIBLE = ['GPL', 'GPL v2', 'GPL and additional rights', 'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL'];

export interface Comparison {
  kernel: { accepted: boolean; message: string; log: string };
  ours: VerifyResult;
}

export function progTypeName(id: number): ProgType {
  const entry = Object.entries(PROG_TYPE_IDS).find(([, v]) => v === id);
  if (!entry) throw new Error(`program type ${id} is not supported by the verifier`);
  return entry[0] as ProgType;
}

export const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

export function runOurs(k: KernelResult, license: string, options: { logLevel?: 0 | 1 | 2 } = {}): VerifyResult {
  const maps = new Map<number, VerifierMap>();
  for (const m of k.maps)
    maps.set(m.fd, {
      name: m.name,
      type: m.type,
      keySize: m.keySize,
      valueSize: m.valueSize,
      maxEntries: m.maxEntries,
      flags: m.flags,
    });
  return verify(
    hexToBytes(k.insns),
    { progType: progTypeName(k.progType), maps, helper: helperProto, licenseGpl: GPL_COMPATIBLE.includes(license) },
    { logLevel: options.logLevel ?? 1, ...(options as object) },
  );
}

export function compare(object: string, license: string, progType?: string): Comparison {
  const k = kernelLoad(object, 1, progType);
  return {
    kernel: { accepted: k.loaded, message: k.loaded ? '' : lastMessage(k.log), log: k.log },
    ours: runOurs(k, license),
  };
}
