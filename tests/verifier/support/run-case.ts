/**
 * Runs one compiled object through the kernel and through our verifier, on the same instructions
 * (the kernel's, with map fds in lddw) and with the helper prototypes every other caller uses.
 */
import { readFileSync } from 'node:fs';
import {
  isGplCompatible,
  PROG_TYPE_IDS,
  registryHelperProto,
  UNPRIVILEGED_LOAD_REFUSED,
  verify,
  type ProgType,
  type VerifierEnv,
  type VerifierMap,
  type VerifyOptions,
  type VerifyResult,
} from '../../../src/bpf/verifier';
import { loadObject } from '../../../src/bpf/object';
import { kernelLoad, lastMessage, type KernelResult } from './kernel';

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

/** What our verifier gets for a kernel load: the same instructions and maps, the registry's helpers. */
export function oursInput(k: KernelResult, license: string): { bytes: Uint8Array; env: VerifierEnv } {
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
  return {
    bytes: hexToBytes(k.insns),
    env: {
      progType: progTypeName(k.progType),
      maps,
      helper: registryHelperProto,
      licenseGpl: isGplCompatible(license),
    },
  };
}

export function runOurs(k: KernelResult, license: string, options: VerifyOptions = {}): VerifyResult {
  const { bytes, env } = oursInput(k, license);
  return verify(bytes, env, { logLevel: 1, ...options });
}

/** libbpf's expected_attach_type for the loaded program, from its SEC() (cgroup_skb egress has a wider return range). */
function attachTypeOf(object: string, name: string): string | null {
  try {
    return (
      loadObject(readFileSync(object), { name: 'case' }).programs.find((p) => p.name === name)?.kind.attachType ?? null
    );
  } catch {
    return null; // objects our loader refuses are compared on the kernel's instructions alone
  }
}

/** A load refused before the verifier ran leaves no log: name its errno as our verifier does. */
function kernelMessage(k: KernelResult): string {
  const last = lastMessage(k.log);
  if (last || k.err !== -1) return last;
  return UNPRIVILEGED_LOAD_REFUSED;
}

export function compare(object: string, license: string, progType?: string, unprivileged = false): Comparison {
  const k = kernelLoad(object, 1, progType, { unprivileged });
  const { bytes, env } = oursInput(k, license);
  const expectedAttachType = attachTypeOf(object, k.name);
  return {
    kernel: { accepted: k.loaded, message: k.loaded ? '' : kernelMessage(k), log: k.log },
    ours: verify(bytes, { ...env, expectedAttachType }, { logLevel: 1, privileged: !unprivileged }),
  };
}
