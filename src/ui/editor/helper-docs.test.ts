import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { helperDocItems, parseHelperDefs } from './helper-docs';

const defs = readFileSync(
  fileURLToPath(new URL('../../compiler/headers/include/bpf/bpf_helper_defs.h', import.meta.url)),
  'utf8',
);

describe('helper docs', () => {
  it('reads C signatures from the playground header', () => {
    const parsed = parseHelperDefs(defs);
    expect(parsed.get('bpf_map_update_elem')).toEqual({
      id: 2,
      signature: 'long bpf_map_update_elem(void *map, const void *key, const void *value, __u64 flags)',
    });
    expect(parsed.get('bpf_map_lookup_elem')?.signature).toBe('void *bpf_map_lookup_elem(void *map, const void *key)');
  });

  it('documents each helper with its prototype and the program types that may call it', () => {
    const items = helperDocItems(defs);
    const lookup = items.find((i) => i.name === 'bpf_map_lookup_elem')!;
    expect(lookup.kind).toBe('helper');
    expect(lookup.doc).toContain('NULL');
    expect(lookup.doc).toContain('Callable from: every program type');
    const adjust = items.find((i) => i.name === 'bpf_xdp_adjust_head')!;
    expect(adjust.doc).toMatch(/Callable from: .*xdp/);
    const printk = items.find((i) => i.name === 'bpf_trace_printk')!;
    expect(printk.doc).toContain('GPL-only');
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);
  });
});
