/**
 * The simulated tracepoints' record layouts against the running kernel's format files. Needs tracefs (root, or
 * mount -t tracefs nodev /sys/kernel/tracing); skipped loudly without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { TRACEPOINTS } from '../../src/bpf/kernel/tracepoints';

const ROOT = ['/sys/kernel/tracing/events', '/sys/kernel/debug/tracing/events'].find((d) =>
  existsSync(`${d}/sched/sched_switch/format`),
);
if (!ROOT) console.warn('\n*** SKIPPING tracepoint format tests: tracefs is not mounted or not readable ***\n');

/** "field:char comm[16];	offset:8;	size:16;	signed:0;" → "comm @8 size 16 unsigned" for every field. */
function realFields(category: string, name: string): string[] {
  const text = readFileSync(`${ROOT}/${category}/${name}/format`, 'utf8');
  return [...text.matchAll(/field:([^;]*);\s*offset:(\d+);\s*size:(\d+);\s*signed:(\d);/g)].map((m) => {
    const decl = (m[1] ?? '').replace(/\[\d*\]$/, '');
    const fieldName = /(\w+)$/.exec(decl)?.[1] ?? '?';
    return `${fieldName} @${m[2]} size ${m[3]} ${m[4] === '1' ? 'signed' : 'unsigned'}`;
  });
}

describe.skipIf(!ROOT)('tracepoint records match /sys/kernel/tracing/events/*/*/format', () => {
  it.each([...TRACEPOINTS.keys()])('%s', (key) => {
    const def = TRACEPOINTS.get(key)!;
    const ours = def.layout.members.map((path) => {
      const f = def.layout.fields.get(path)!;
      const signed = f.scalar !== null && f.scalar.startsWith('s') && f.length === null;
      return `${path} @${f.offset} size ${f.size} ${signed ? 'signed' : 'unsigned'}`;
    });
    expect(ours).toEqual(realFields(def.category, def.name));
  });
});
