import { describe, expect, it } from 'vitest';
import {
  Autosave,
  BACKUP_KEY,
  LAYOUT_KEY,
  SETTINGS_KEY,
  SOURCE_KEY,
  loadPersisted,
  persist,
  resolveConflict,
} from './persistence';
import { createPlaygroundStore } from './store/store';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

const boot = (storage: MemoryStorage) => {
  const autosave = new Autosave(storage, () => 1000);
  const store = createPlaygroundStore(loadPersisted(storage, autosave));
  persist(store, storage, autosave);
  return { autosave, store };
};

describe('autosave', () => {
  it('saves breakpoints with the text and restores them only for that text', () => {
    const storage = new MemoryStorage();
    const first = boot(storage);
    first.store.getState().setSource('int a;\nint b;\nint c;');
    first.store.getState().toggleLineBreakpoint(2);
    first.store.getState().toggleBreakpoint(5);
    const again = boot(storage).store.getState();
    expect(again.lineBreakpoints).toEqual([2]);
    expect(again.breakpoints).toEqual([5]);
    // The stored text changed behind them (another tab, two lines now): they are not applied to it.
    storage.setItem(SOURCE_KEY, JSON.stringify({ source: 'int a;\nint b;', savedAt: 1 }));
    expect(boot(storage).store.getState().lineBreakpoints).toEqual([]);
  });

  it('saves every edit and restores it on the next load (a reload never loses text)', () => {
    const storage = new MemoryStorage();
    const first = boot(storage);
    expect(first.store.getState().source).toContain('SEC("xdp")');
    first.store.getState().setSource('int x;');
    expect(first.store.getState().savedAt).toBe(1000);
    expect(boot(storage).store.getState().source).toBe('int x;');
  });

  it('never overwrites another tab’s text silently, and keeps ours through a reload meanwhile', () => {
    const storage = new MemoryStorage();
    const tab = boot(storage);
    tab.store.getState().setSource('mine v1');
    storage.setItem(SOURCE_KEY, JSON.stringify({ source: 'theirs', savedAt: 5 })); // another tab
    tab.store.getState().setSource('mine v2');
    expect(tab.store.getState().conflict).toEqual({ theirs: 'theirs' });
    expect(JSON.parse(storage.getItem(SOURCE_KEY)!).source).toBe('theirs');
    tab.store.getState().setSource('mine v3'); // typing goes on while the user decides

    const reloaded = boot(storage);
    expect(reloaded.store.getState().source).toBe('mine v3');
    expect(reloaded.store.getState().conflict).toEqual({ theirs: 'theirs' });

    resolveConflict(reloaded.store, reloaded.autosave, 'mine');
    expect(JSON.parse(storage.getItem(SOURCE_KEY)!).source).toBe('mine v3');
    expect(JSON.parse(storage.getItem(BACKUP_KEY)!).source).toBe('');
    expect(boot(storage).store.getState().conflict).toBeNull();
  });

  it('can take the other tab’s text instead', () => {
    const storage = new MemoryStorage();
    const tab = boot(storage);
    storage.setItem(SOURCE_KEY, JSON.stringify({ source: 'theirs', savedAt: 5 }));
    tab.store.getState().setSource('mine');
    resolveConflict(tab.store, tab.autosave, 'theirs');
    expect(tab.store.getState().source).toBe('theirs');
    tab.store.getState().setSource('theirs, edited here');
    expect(tab.store.getState().conflict).toBeNull();
    expect(JSON.parse(storage.getItem(SOURCE_KEY)!).source).toBe('theirs, edited here');
  });

  it('restores settings and panel layout, ignoring junk', () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, JSON.stringify({ cpu: 'v4', vim: true, optLevel: 'fast', bogus: 1 }));
    storage.setItem(
      LAYOUT_KEY,
      JSON.stringify({ hiddenPanels: ['maps', 'nope'], activeTab: { side: 'verifier', bottom: 'maps' } }),
    );
    const { store } = boot(storage);
    expect(store.getState()).toMatchObject({ cpu: 'v4', vim: true, optLevel: 2, hiddenPanels: ['maps'] });
    expect(store.getState().activeTab).toEqual({ side: 'verifier', bottom: 'maps' });
    store.getState().setSettings({ privileged: false });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!).privileged).toBe(false);
    storage.setItem(SETTINGS_KEY, '{not json');
    expect(boot(storage).store.getState().privileged).toBe(true);
  });
});
