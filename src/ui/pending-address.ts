/**
 * The address bar follows the page with a debounce, so a reload inside that window would reload
 * the address as it was before the last change (a browser fixes the URL of a reload before the page
 * hides, so writing it on pagehide is too late for that load). When the page hides with a write
 * pending, the write is made and the pair (stale address → fresh address) is kept in this tab's
 * sessionStorage; the next load of exactly the stale address in this tab takes the fresh one.
 */
import type { HistoryLike, LocationLike } from './share-state';

export const PENDING_ADDRESS_KEY = 'ebpf-playground:pending-address:v1';

export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Makes the pending address write now; remembers it when the address changed. */
export function flushPendingAddress(flush: () => void, location: LocationLike, storage: SessionStorageLike): void {
  const stale = location.href;
  flush();
  const fresh = location.href;
  if (fresh === stale) return;
  try {
    storage.setItem(PENDING_ADDRESS_KEY, JSON.stringify({ stale, fresh }));
  } catch {
    // Storage full or blocked: the address bar itself is still right for every later load.
  }
}

/** Before boot: a reload of the stale address continues with the fresh one. Used once, then forgotten. */
export function restorePendingAddress(location: LocationLike, history: HistoryLike, storage: SessionStorageLike): void {
  let pending: unknown;
  try {
    pending = JSON.parse(storage.getItem(PENDING_ADDRESS_KEY) ?? 'null');
    storage.removeItem(PENDING_ADDRESS_KEY);
  } catch {
    return;
  }
  if (typeof pending !== 'object' || pending === null) return;
  const { stale, fresh } = pending as { stale?: unknown; fresh?: unknown };
  if (typeof fresh === 'string' && stale === location.href) history.replaceState(null, '', fresh);
}

/** The page is shown again without a reload: nothing is pending any more. */
export function forgetPendingAddress(storage: SessionStorageLike): void {
  try {
    storage.removeItem(PENDING_ADDRESS_KEY);
  } catch {
    // Nothing to forget.
  }
}
