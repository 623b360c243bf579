import { describe, expect, it } from 'vitest';
import type { CompileResult, TraceLine } from '../../protocol';
import { createPlaygroundStore } from './store';
import { TRACE_LIMIT } from './slices';
import { currentDiagnostics, type PlaygroundState } from './types';

/** Replays a list of actions on a fresh store and returns the final state. */
function replay(actions: ((s: PlaygroundState) => void)[], init = {}) {
  const store = createPlaygroundStore(init);
  for (const a of actions) a(store.getState());
  return store.getState();
}

const result = (line: number): CompileResult => ({
  object: new Uint8Array([0x7f, 0x45, 0x4c, 0x46]),
  diagnostics: [{ source: 'clang', severity: 'warning', message: 'unused variable', file: 'prog.c', line, column: 3 }],
  crash: null,
  durationMs: 12,
});
const line = (message: string): TraceLine => ({
  text: `<idle>-0 [000] d.s1 1.0: bpf_trace_printk: ${message}`,
  message,
  run: 0,
});

describe('playground store', () => {
  it('starts with the example program and default settings', () => {
    const s = createPlaygroundStore().getState();
    expect(s.source).toContain('SEC("xdp")');
    expect(s).toMatchObject({ optLevel: 2, cpu: 'v3', privileged: true, revision: 0, packets: [{}] });
  });

  it('bumps the revision on real edits only', () => {
    const s = replay([(s) => s.setSource('int x;'), (s) => s.setSource('int x;'), (s) => s.setSource('int y;')]);
    expect(s.revision).toBe(2);
  });

  it('drops a compile result for a revision that has been superseded', () => {
    const s = replay([
      (s) => s.setSource('a'),
      (s) => s.compileQueued(1),
      (s) => s.compileStarted(1),
      (s) => s.setSource('ab'),
      (s) => s.compileQueued(2),
      (s) => s.compileFinished(1, result(5)), // stale: must not show
      (s) => s.compileStarted(2),
    ]);
    expect(s.compile).toMatchObject({ phase: 'compiling', revision: 2, result: null });
    const t = replay([(s) => s.setSource('a'), (s) => s.compileQueued(1), (s) => s.compileFinished(1, result(7))]);
    expect(t.compile.phase).toBe('done');
    expect(currentDiagnostics(t).map((d) => d.line)).toEqual([7]);
  });

  it('hides diagnostics of an older revision once the text changes', () => {
    const s = replay([(s) => s.compileQueued(0), (s) => s.compileFinished(0, result(3)), (s) => s.setSource('new')]);
    expect(currentDiagnostics(s)).toEqual([]);
  });

  it('marks the compiler unavailable without inventing a result', () => {
    const s = replay([(s) => s.compileQueued(0), (s) => s.compileFailed(0, 'clang.wasm has not landed', true)]);
    expect(s.compile).toEqual({
      phase: 'unavailable',
      revision: 0,
      result: null,
      message: 'clang.wasm has not landed',
    });
  });

  it('holds trace lines while paused and releases them in order on resume', () => {
    const s = replay([
      (s) => s.appendTrace([line('a')]),
      (s) => s.setTracePaused(true),
      (s) => s.appendTrace([line('b'), line('c')]),
    ]);
    expect(s.trace.map((l) => l.message)).toEqual(['a']);
    expect(s.held).toHaveLength(2);
    const store = createPlaygroundStore();
    store.getState().appendTrace([line('a')]);
    store.getState().setTracePaused(true);
    store.getState().appendTrace([line('b')]);
    store.getState().setTracePaused(false);
    expect(store.getState().trace.map((l) => l.message)).toEqual(['a', 'b']);
    store.getState().clearTrace();
    expect(store.getState().trace).toEqual([]);
  });

  it('keeps only the newest trace lines', () => {
    const many = Array.from({ length: TRACE_LIMIT + 5 }, (_, i) => line(String(i)));
    const s = replay([(s) => s.appendTrace(many)]);
    expect(s.trace).toHaveLength(TRACE_LIMIT);
    expect(s.trace[0]!.message).toBe('5');
  });

  it('appends trace lines from a run and records step history for stepping back', () => {
    const state = (step: number) => ({
      step,
      totalSteps: 2,
      pc: step,
      registers: [],
      changed: [],
      stack: new Uint8Array(0),
      frames: [],
      sourceLine: null,
      retval: null,
      trace: [],
      maps: null,
    });
    const s = replay([
      (s) => s.runStarted(),
      (s) =>
        s.runFinished({
          status: 'ok',
          value: {
            runs: [
              {
                retval: 2n,
                verdict: 'XDP_PASS',
                packetIn: new Uint8Array(0),
                packetOut: new Uint8Array(0),
                trace: [line('proto 6')],
                events: [{ map: 'events', cpu: 0, data: '2a000000', text: 'events: 2a000000', run: 0 }],
                instructions: 20,
                error: null,
              },
            ],
            maps: [],
            engine: { engine: 'jit', fallback: null },
          },
        }),
      (s) => s.stepFinished({ status: 'ok', value: state(1) }),
      (s) => s.stepFinished({ status: 'ok', value: state(0) }),
      (s) => s.stepFinished({ status: 'ok', value: state(1) }),
      (s) => s.toggleBreakpoint(7),
      (s) => s.toggleBreakpoint(3),
      (s) => s.toggleBreakpoint(7),
    ]);
    expect(s.running).toBe(false);
    expect(s.trace.map((l) => l.message)).toEqual(['proto 6']);
    expect(s.events.map((e) => e.text)).toEqual(['events: 2a000000']);
    expect(s.stepHistory.map((h) => h.step)).toEqual([0, 1]);
    expect(s.breakpoints).toEqual([3]);
  });

  it('manages packets, panels, settings and notices', () => {
    const s = replay([
      (s) => s.addPacket({ layers: [] }),
      (s) => s.removePacket(0),
      (s) => s.removePacket(0), // the last packet stays
      (s) => s.togglePanel('maps'),
      (s) => s.togglePanel('verifier'),
      (s) => s.togglePanel('maps'),
      (s) => s.setActiveTab('side', 'registers'),
      (s) => s.setSettings({ cpu: 'v4', vim: true }),
      (s) => s.notify('info', 'one'),
      (s) => s.notify('info', 'one'),
    ]);
    expect(s.packets).toEqual([{ layers: [] }]);
    expect(s.hiddenPanels).toEqual(['verifier']);
    expect(s.activeTab.side).toBe('registers');
    expect(s).toMatchObject({ cpu: 'v4', vim: true, optLevel: 2 });
    expect(s.notices).toHaveLength(1);
  });

  it('takes persisted settings and layout at creation', () => {
    const s = createPlaygroundStore({ source: 'x', settings: { privileged: false }, ui: { hiddenPanels: ['maps'] } });
    expect(s.getState()).toMatchObject({ source: 'x', privileged: false, hiddenPanels: ['maps'] });
  });
});

describe('opened objects, live maps and stepped traces', () => {
  const loaded = {
    status: 'ok' as const,
    value: {
      origin: { kind: 'file' as const, name: 'x.o' },
      programs: [{ name: 'p', section: 'xdp', kind: 'xdp' as const, insnCount: 2 }],
      maps: [],
      program: 'p',
      disassembly: { status: 'ok' as const, value: [] },
    },
  };
  const map = { name: 'm', type: 'hash', keySize: 4, valueSize: 8, maxEntries: 4, cpus: 1, entries: [] };

  it('an opened file replaces the loaded program and its verifier markers stay off the editor', () => {
    const s = replay([
      (s) => s.objectOpened({ name: 'x.o', size: 100 }),
      (s) => s.loadFinished(s.compile.revision, loaded),
      (s) =>
        s.verifyFinished(s.compile.revision, {
          status: 'ok',
          value: {
            accepted: false,
            error: { insn: 1, line: 'x.c:3', message: 'bad' },
            log: '',
            stats: { processed: 1, states: 0 },
            explanation: null,
            path: [],
            diagnostics: [
              { source: 'verifier', severity: 'error', message: 'bad', file: 'prog.c', line: 3, column: 1 },
            ],
          },
        }),
      (s) => s.mapsChanged([map]),
    ]);
    expect(s.opened).toEqual({ name: 'x.o', size: 100 });
    expect(s.load?.status).toBe('ok');
    expect(s.maps).toEqual([map]);
    expect(currentDiagnostics(s)).toEqual([]);
  });

  it("a stepped run's trace lines arrive once each, as the step that prints them is reached", () => {
    const maps = [{ name: 'counts', type: 'array', keySize: 4, valueSize: 8, maxEntries: 1, cpus: 1, entries: [] }];
    const state = (step: number, trace: TraceLine[]) => ({
      step,
      totalSteps: 2,
      pc: step,
      registers: [],
      changed: [],
      stack: new Uint8Array(0),
      frames: [],
      sourceLine: null,
      retval: step === 2 ? 2n : null,
      trace,
      maps: step === 1 ? maps : null,
    });
    const s = replay([
      (s) => s.stepFinished({ status: 'ok', value: state(0, []) }),
      (s) => s.stepFinished({ status: 'ok', value: state(1, [line('first')]) }),
      (s) => s.stepFinished({ status: 'ok', value: state(0, []) }),
      (s) => s.stepFinished({ status: 'ok', value: state(2, [line('first'), line('done')]) }),
      (s) => s.stepFinished({ status: 'ok', value: state(1, [line('first')]) }),
    ]);
    expect(s.trace.map((t) => t.message)).toEqual(['first', 'done']);
    expect(s.maps).toBe(maps);
  });

  it('keeps C line breakpoints sorted and unique, and toggles them', () => {
    const s = replay([
      (s) => s.toggleLineBreakpoint(9),
      (s) => s.toggleLineBreakpoint(4),
      (s) => s.setLineBreakpoints([12, 4, 12]),
      (s) => s.toggleLineBreakpoint(7),
      (s) => s.toggleLineBreakpoint(12),
    ]);
    expect(s.lineBreakpoints).toEqual([4, 7]);
  });
});
