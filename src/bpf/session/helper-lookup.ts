/** Helper implementations for the VM, shared by packet runs (session.ts) and attach runs (attach.ts). */
import { findHelper, type HelperImpl } from '../helpers';
import { UnknownHelperError } from '../helpers/registry';

/**
 * Implementations by id, filled on first use: the registry is fixed at load, and the VM asks on
 * every helper call (a Map lookup inside a try/catch cost ~10 ns per call on the JIT's path).
 */
const known: (HelperImpl | undefined)[] = [];

/**
 * An unknown helper becomes a clear error naming it, raised where the program calls it: a program
 * that merely contains the call still loads, as in the kernel's runtime view.
 */
export const helperLookup = (id: number): HelperImpl => {
  const cached = known[id];
  if (cached !== undefined) return cached;
  const helper = findHelper(id);
  if (helper === null) {
    const error = new UnknownHelperError(id);
    return () => {
      throw error;
    };
  }
  if (Number.isInteger(id) && id >= 0 && id < 1024) known[id] = helper.impl;
  return helper.impl;
};
