// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceLine, VerifierReport } from '../../protocol';
import type { CommandContext } from '../commands';
import { Dock } from '../components/Dock';
import { PlaygroundContext } from '../context';
import type { Pipeline } from '../pipeline';
import { createPlaygroundStore, type PlaygroundStore } from '../store/store';
import { InputsPanel } from './InputsPanel';
import { TracePanel } from './TracePanel';
import { VerifierPanel } from './VerifierPanel';

afterEach(cleanup);

/** Panels only call the pipeline from buttons these tests do not press. */
const noPipeline = new Proxy({} as Pipeline, {
  get: (_, name) => () => {
    throw new Error(`pipeline.${String(name)} was not expected in this test`);
  },
});

function renderWith(ui: React.ReactElement, store: PlaygroundStore = createPlaygroundStore()) {
  const ctx: CommandContext = { store, pipeline: noPipeline };
  render(<PlaygroundContext.Provider value={ctx}>{ui}</PlaygroundContext.Provider>);
  return store;
}

const line = (message: string): TraceLine => ({
  text: `          <idle>-0       [000] d.s31   100.000000: bpf_trace_printk: ${message}`,
  message,
  run: 0,
});

describe('Inputs panel', () => {
  it('edits a field and shows the rebuilt packet decoded with correct checksums', () => {
    const store = renderWith(<InputsPanel />);
    const ttl = screen.getByRole('textbox', { name: 'TTL' });
    fireEvent.change(ttl, { target: { value: '9' } });
    fireEvent.blur(ttl);
    expect(store.getState().packets[0]!.layers[1]).toMatchObject({ kind: 'ipv4', ttl: 9 });
    const decoded = screen.getByText(/^Decoded/).parentElement!;
    expect(within(decoded).getByText(/IPv4 10\.0\.0\.1 → 10\.0\.0\.2, TTL 9/)).toBeTruthy();
    expect(within(decoded).getAllByText('checksum ok')).toHaveLength(2);
  });

  it('rejects a bad value next to the field without changing the packet', () => {
    const store = renderWith(<InputsPanel />);
    const before = store.getState().packets[0];
    const src = screen.getAllByRole('textbox', { name: 'Source' })[1]!; // IPv4 source
    fireEvent.change(src, { target: { value: '10.0.0.300' } });
    fireEvent.blur(src);
    expect(screen.getByRole('alert').textContent).toMatch(/not an IPv4 address/);
    expect(store.getState().packets[0]).toBe(before);
  });

  it('loads a template and decodes raw hex typed by the user', () => {
    const store = renderWith(<InputsPanel />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Packet template' }), { target: { value: 'arp-request' } });
    expect(store.getState().packets[0]!.layers.map((l) => l.kind)).toEqual(['ethernet', 'arp']);
    fireEvent.change(screen.getByRole('textbox', { name: /Raw bytes/ }), {
      target: { value: 'ffffffffffff 020000000001 0800 4500' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply hex' }));
    expect(store.getState().packets[0]!.layers.map((l) => l.kind)).toEqual(['ethernet', 'payload']);
  });
});

describe('trace_pipe panel', () => {
  it('shows lines, filters, pauses and clears', () => {
    const store = createPlaygroundStore();
    store.getState().appendTrace([line('proto 6 from 10.0.0.1'), line('proto 17 from 10.0.0.2')]);
    renderWith(<TracePanel />, store);
    expect(screen.getByText('2 lines')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter trace lines' }), { target: { value: 'proto 17' } });
    expect(screen.getByText('1 of 2 lines')).toBeTruthy();
    expect(screen.getByRole('log').textContent).toContain('proto 17 from 10.0.0.2');
    expect(screen.getByRole('log').textContent).not.toContain('proto 6');

    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    act(() => store.getState().appendTrace([line('proto 1 from 10.0.0.3')]));
    expect(screen.getByRole('button', { name: /Resume \(1 new\)/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Resume/ }));
    expect(store.getState().trace).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: /Clear/ }));
    expect(screen.getByText('trace_pipe is empty')).toBeTruthy();
  });

  it('renders only the visible rows of a long trace', () => {
    const store = createPlaygroundStore();
    store.getState().appendTrace(Array.from({ length: 5000 }, (_, i) => line(`n=${i}`)));
    renderWith(<TracePanel />, store);
    expect(screen.getByText('5000 lines')).toBeTruthy();
    expect(screen.getByRole('log').querySelectorAll('.trace-line').length).toBeLessThan(200);
  });
});

describe('Verifier panel', () => {
  it('says plainly that the compiler is not available instead of showing a verdict', () => {
    const store = createPlaygroundStore();
    store.getState().compileQueued(0);
    store.getState().compileFailed(0, 'The in-browser compiler (clang.wasm) has not landed in this build yet.', true);
    renderWith(<VerifierPanel />, store);
    expect(screen.getByText('Compiler not available yet')).toBeTruthy();
    expect(screen.queryByText(/Accepted|Rejected/)).toBeNull();
  });

  it('renders a rejection: verdict, failing instruction and line, explanation, path and log', () => {
    const store = createPlaygroundStore();
    const s = store.getState();
    s.compileQueued(0);
    s.compileFinished(0, { object: new Uint8Array(8), diagnostics: [], crash: null, durationMs: 40 });
    s.loadFinished(0, {
      status: 'ok',
      value: {
        origin: { kind: 'compiled' },
        programs: [{ name: 'count_packets', section: 'xdp', kind: 'xdp', insnCount: 30 }],
        maps: [],
        program: 'count_packets',
        disassembly: { status: 'unavailable', stage: 'disassembler', reason: 'not yet' },
      },
    });
    const report: VerifierReport = {
      accepted: false,
      error: { insn: 4, line: 'prog.c:31', message: 'invalid access to packet, off=12 size=2, R1(id=0,off=12,r=0)' },
      log: '0: (61) r2 = *(u32 *)(r1 +4)\ninvalid access to packet',
      stats: { processed: 5, states: 0 },
      explanation: 'Check that data + 14 <= data_end before reading the Ethernet header.',
      path: [
        {
          pc: 4,
          insn: 'r3 = *(u16 *)(r2 + 12)',
          sourceLine: 31,
          registers: [{ reg: 2, state: 'pkt(r=0)', plain: 'a packet pointer; no bytes are known to be in the packet' }],
          stack: [],
        },
      ],
      diagnostics: [],
    };
    s.verifyFinished(0, { status: 'ok', value: report });
    renderWith(<VerifierPanel />, store);
    expect(screen.getByText('Rejected by the verifier')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'prog.c:31' })).toBeTruthy();
    expect(screen.getByText(/Check that data \+ 14/)).toBeTruthy();
    expect(screen.getByText(/no bytes are known/)).toBeTruthy();
    expect(screen.getByLabelText('Verifier log').textContent).toContain('invalid access to packet');
    fireEvent.click(screen.getByRole('button', { name: 'prog.c:31' }));
    expect(store.getState().reveal?.line).toBe(31);
  });
});

describe('Dock', () => {
  it('lists the visible panels of its dock as tabs and follows toggles', () => {
    const store = renderWith(<Dock dock="bottom" label="Output panels" />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Result', 'trace_pipe', 'Maps', 'Traffic']);
    act(() => store.getState().togglePanel('traffic'));
    act(() => store.getState().togglePanel('maps'));
    act(() => store.getState().togglePanel('result'));
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['trace_pipe']);
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowRight' });
    expect(store.getState().activeTab.bottom).toBe('trace');
  });
});
