/** Helper implementations for the VM, shared by packet runs (session.ts) and attach runs (attach.ts). */
import { getHelper, type HelperImpl } from '../helpers';

/**
 * An unknown helper becomes a clear error naming it, raised where the program calls it: a program
 * that merely contains the call still loads, as in the kernel's runtime view.
 */
export const helperLookup = (id: number): HelperImpl => {
  try {
    return getHelper(id).impl;
  } catch (e) {
    return () => {
      throw e;
    };
  }
};
