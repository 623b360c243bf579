/** Opening files in the page: a .py goes through the BCC front, C to the editor, the rest to the object loader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFile } from './bcc-import';
import { createPlaygroundStore } from './store/store';

const SEEDS = join(import.meta.dirname, '../../tests/seeds');

function fileOf(name: string, text: string) {
  return { name, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer };
}

function setup() {
  const store = createPlaygroundStore();
  const opened: string[] = [];
  const pipeline = { openObject: async (name: string) => void opened.push(name) };
  return { store, opened, ctx: { store, pipeline } };
}

describe('opening a file in the page', () => {
  it('reads a BCC .py script: its C to the editor, its attach_* calls to the run configuration', async () => {
    const { store, opened, ctx } = setup();
    const script = readFileSync(join(SEEDS, '5-disksnoop/disksnoop.py'), 'utf8');
    await openFile(fileOf('disksnoop.py', script), ctx);
    const s = store.getState();
    expect(s.source).toMatch(/^#include <uapi\/linux\/ptrace.h>/);
    expect(s.attachments).toEqual(['kprobe:blk_mq_start_request=trace_start', 'kprobe:blk_account_io_done=trace_completion']); // prettier-ignore
    expect(s.inputsKind).toBe('attach');
    expect(opened).toEqual([]);
  });

  it('says why a script it cannot use is refused, and leaves the program alone', async () => {
    const { store, ctx } = setup();
    const before = store.getState().source;
    await openFile(fileOf('tool.py', 'from bcc import BPF\nb = BPF(src_file="tool.c")\n'), ctx);
    expect(store.getState().source).toBe(before);
    expect(store.getState().notices.at(-1)?.text).toMatch(/tool.py loads its C from "tool.c"/);
  });

  it('puts C sources in the editor and hands anything else to the object loader', async () => {
    const { store, opened, ctx } = setup();
    await openFile(fileOf('tracex1.bpf.c', 'int x;\n'), ctx);
    expect(store.getState().source).toBe('int x;\n');
    await openFile(fileOf('prog.o', '\x7fELF'), ctx);
    expect(opened).toEqual(['prog.o']);
  });
});
