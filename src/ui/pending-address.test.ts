import { describe, expect, it } from 'vitest';
import { flushPendingAddress, PENDING_ADDRESS_KEY, restorePendingAddress } from './pending-address';

class FakeTab {
  href = 'http://x/#s=old';
  readonly session = new Map<string, string>();
  get hash() {
    return new URL(this.href).hash;
  }
  replaceState(_d: unknown, _u: string, url?: string) {
    if (url !== undefined) this.href = url;
  }
  readonly storage = {
    getItem: (k: string) => this.session.get(k) ?? null,
    setItem: (k: string, v: string) => void this.session.set(k, v),
    removeItem: (k: string) => void this.session.delete(k),
  };
}

describe('pending address writes', () => {
  it('a reload of the stale address inside the debounce window continues with the fresh one', () => {
    const tab = new FakeTab();
    flushPendingAddress(() => tab.replaceState(null, '', 'http://x/#s=new'), tab, tab.storage);
    tab.href = 'http://x/#s=old'; // the browser reloads the address it had when the reload began
    restorePendingAddress(tab, tab, tab.storage);
    expect(tab.href).toBe('http://x/#s=new');
    expect(tab.session.has(PENDING_ADDRESS_KEY)).toBe(false);
  });

  it('leaves another address alone, and remembers nothing when no write was pending', () => {
    const tab = new FakeTab();
    flushPendingAddress(() => undefined, tab, tab.storage);
    expect(tab.session.size).toBe(0);
    flushPendingAddress(() => tab.replaceState(null, '', 'http://x/#s=new'), tab, tab.storage);
    tab.href = 'http://x/#s=pasted-link';
    restorePendingAddress(tab, tab, tab.storage);
    expect(tab.href).toBe('http://x/#s=pasted-link');
  });
});
