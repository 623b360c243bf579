/**
 * Seed programs open from the gallery as the CLI runs them: the verbatim script through the .py
 * import (BPF(src_file=…) read from the seed's folder), the attach points and workload of seed.json.
 */
import { describe, expect, it } from 'vitest';
import { loadSeedExamplesFromDisk } from '../examples/node-examples';
import { GALLERY, seedIncludes, SEED_EXAMPLES } from '../examples';
import { openSeed } from './seed-open';
import { createPlaygroundStore } from './store/store';

const SEEDS = loadSeedExamplesFromDisk();
const seed = (id: string) => SEEDS.find((e) => e.id === id)!;

function opened(id: string) {
  const store = createPlaygroundStore();
  const e = seed(id);
  const out = openSeed(store, e, e.seed!);
  return { out, s: store.getState() };
}

describe('seed programs in the gallery', () => {
  it('lists the six seed entries, the same from the bundle and from disk', () => {
    expect(SEED_EXAMPLES).toEqual(SEEDS);
    expect(SEEDS.map((e) => e.fileName)).toEqual(['hello_world.py', 'hello.py', 'hello.bpf.c', 'ping.py', 'tracex1.bpf.c', 'disksnoop.py']); // prettier-ignore
    expect(new Set(GALLERY.map((e) => e.id)).size).toBe(GALLERY.length);
  });

  it('opens a BCC script through the import: its C, its attach_* calls, the seed workload', () => {
    const { out, s } = opened('seed-hello-world');
    expect(out.ok).toBe(true);
    expect(s.source).toMatch(/^int hello_world\(void \*ctx\) \{\n\s+bpf_trace_printk\("Hello, World!"\);/);
    expect(s.source).toBe(seed('seed-hello-world').source);
    expect(s.attachments).toEqual(['kprobe:__x64_sys_socket=hello_world']);
    expect(s.inputsKind).toBe('attach');
    expect(s.workload).toEqual({ text: expect.stringContaining('curl connects to 93.184.216.34:80') });
    expect(s.selection).toEqual({ kind: 'example', id: 'seed-hello-world' });
  });

  it('reads BPF(src_file=…) from the seed folder, and hands its network.h to the compiler', () => {
    const { s } = opened('seed-xdp-ping');
    expect(s.source).toMatch(/^#include "network.h"/);
    expect(s.attachments).toEqual(['xdp:lo=xdp']);
    expect(Object.keys(seedIncludes(GALLERY, s.selection))).toEqual(['network.h']);
    expect(seedIncludes(GALLERY, null)).toEqual({});
  });

  it('opens C seeds as they are, with seed.json attach points and workload presets', () => {
    const xdp = opened('seed-xdp-hello').s;
    expect(xdp.source).toContain('bpf_printk("Packet received %d", counter);');
    expect(xdp.attachments).toEqual(['xdp:eth0']);
    expect(opened('seed-tracex1').s.attachments).toEqual([]); // from SEC("kprobe/__netif_receive_skb_core")
    expect(opened('seed-hello-execve').s.workload).toEqual({ preset: 'exec' });
    expect(opened('seed-disksnoop').s.workload).toEqual({ preset: 'disk' });
  });
});
