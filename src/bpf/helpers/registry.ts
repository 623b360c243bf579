/**
 * The helper registry: every implemented helper by its kernel id (BPF_FUNC_*), with its name
 * (from ids.ts), its prototype for the verifier, and its implementation for the VM.
 * getHelper(id) throws UnknownHelperError with a message that says whether the id is a real
 * kernel helper the simulator lacks or not a helper at all.
 */
import { helperName } from './ids';
import { LINEAR_DATA_HELPERS } from './linear-data-helpers';
import { MAP_HELPERS } from './map-helpers';
import { MISC_HELPERS } from './misc-helpers';
import { OUTPUT_HELPERS } from './output-helpers';
import { PACKET_HELPERS } from './packet-helpers';
import type { HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import { SKB_HELPERS } from './skb-helpers';
import { STACK_HELPERS } from './stack-helpers';
import { TASK_HELPERS } from './task-helpers';
import { TRACE_HELPERS } from './trace-helpers';
import type { HelperImpl } from './types';

export interface Helper {
  readonly id: number;
  /** "bpf_map_lookup_elem" */
  readonly name: string;
  readonly proto: HelperProto;
  readonly impl: HelperImpl;
}

export class UnknownHelperError extends Error {
  constructor(readonly id: number) {
    const name = helperName(id);
    super(
      name === null
        ? `unknown helper id ${id}: the kernel defines no BPF helper with this number`
        : `helper ${name} (#${id}) is not supported by the simulator`,
    );
    this.name = 'UnknownHelperError';
  }
}

const HELPERS = new Map<number, Helper>();
for (const def of [
  ...MAP_HELPERS,
  ...TRACE_HELPERS,
  ...MISC_HELPERS,
  ...OUTPUT_HELPERS,
  ...PACKET_HELPERS,
  ...SKB_HELPERS,
  ...LINEAR_DATA_HELPERS,
  ...TASK_HELPERS,
  ...STACK_HELPERS,
] as HelperDef[]) {
  const name = helperName(def.id);
  if (name === null) throw new Error(`helper table: id ${def.id} is not a kernel helper`);
  if (HELPERS.has(def.id)) throw new Error(`helper table: ${name} defined twice`);
  HELPERS.set(def.id, { ...def, name });
}

export function getHelper(id: number): Helper {
  const helper = HELPERS.get(id);
  if (helper === undefined) throw new UnknownHelperError(id);
  return helper;
}

export function findHelper(id: number): Helper | null {
  return HELPERS.get(id) ?? null;
}

/** All implemented helpers, by id. */
export function allHelpers(): Helper[] {
  return [...HELPERS.values()].sort((a, b) => a.id - b.id);
}
