/**
 * The page runs attach programs through src/runtime/attach.ts (the worker's side of Run with a
 * workload). Seed 4 (tracex1, verbatim) and a perf buffer program run there as in the CLI: the
 * firing list shows tracex1's loopback lines and the perf records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteBcc, parseBccScript } from '../../src/bpf/bcc';
import { loadObject } from '../../src/bpf/object';
import type { FiringView } from '../../src/protocol';
import { playAttached } from '../../src/runtime/attach';
import { compileForTests, HAS_COMPILER } from './compile';

async function playInPage(entry: string, source: string, workload: string, attachments: string[] = []) {
  const bytes = await compileForTests({ entry, files: new Map([[entry, source]]), workingDirectory: '/src' });
  const firings: FiringView[] = [];
  const request = { workload: { text: workload }, attachments, seeds: [], seed: 1, runId: 1 };
  playAttached(loadObject(bytes, { name: 'prog' }), true, request, (batch) => firings.push(...batch.firings));
  return firings.flatMap((f) => f.trace.map((t) => t.message));
}

describe.skipIf(!HAS_COMPILER)('seed programs on the page path (src/runtime/attach.ts)', () => {
  it('runs tracex1 unchanged: lines for the loopback packets only', { timeout: 60_000 }, async () => {
    const dir = join(import.meta.dirname, '4-tracex1');
    const source = readFileSync(join(dir, 'tracex1.bpf.c'), 'utf8');
    const lines = await playInPage('/src/tracex1.bpf.c', source, readFileSync(join(dir, 'workload.txt'), 'utf8'));
    expect(lines).toHaveLength(7); // nc's TCP segments both ways, and ping 127.0.0.1's request and reply
    for (const line of lines) expect(line).toMatch(/^skb ffff[0-9a-f]{12} len (40|140|84)$/);
  });

  it('shows perf buffer records in the firing list', { timeout: 60_000 }, async () => {
    const script = parseBccScript(readFileSync(join(import.meta.dirname, '../attach/perf_output/execsnoop.py'), 'utf8')); // prettier-ignore
    const source = rewriteBcc(script.text!, { fileName: '/src/execsnoop.c' }).source;
    const attach = script.attachments.map((a) => `${a.attachment.type}:${a.attachment.target}=${a.program}`);
    const lines = await playInPage('/src/execsnoop.c', source, 'bash runs "ls /tmp"\n', attach);
    expect(lines).toEqual([expect.stringMatching(/^events: pid=1201 ppid=1200 ts=\d+ comm="bash"$/)]);
  });
});
