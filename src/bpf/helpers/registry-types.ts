import type { HelperProto } from './prototypes';
import type { HelperImpl } from './types';

/** One helper as the registry holds it; the name comes from ids.ts by id. */
export interface HelperDef {
  readonly id: number;
  readonly proto: HelperProto;
  readonly impl: HelperImpl;
}
