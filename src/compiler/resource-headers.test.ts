import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadResourceHeadersFromDisk } from './node';
import { resourceHeaders } from './resource-headers';

describe('clang resource headers', () => {
  it('bundles (Vite) exactly what Node reads from disk', () => {
    expect([...resourceHeaders]).toEqual([...loadResourceHeadersFromDisk()]);
  });

  it('ships the freestanding headers and nothing target-specific', () => {
    const names = [...resourceHeaders.keys()];
    for (const h of ['stdint.h', 'stddef.h', 'stdbool.h', 'stdarg.h', 'limits.h', 'float.h', '__stddef_size_t.h']) {
      expect(names).toContain(h);
    }
    expect(names.filter((n) => /intrin|altivec|arm_|cuda|hip/.test(n))).toEqual([]);
    const bytes = [...resourceHeaders.values()].reduce((n, t) => n + t.length, 0);
    expect(bytes).toBeLessThan(150_000);
  });

  it('are the files PROVENANCE.md lists, unmodified', () => {
    const provenance = readFileSync(new URL('./resource-headers/PROVENANCE.md', import.meta.url), 'utf8');
    const listed = [...provenance.matchAll(/^- `([^`]+)` (\d+) bytes, sha256 `([0-9a-f]{64})`$/gm)];
    expect(listed.map((m) => m[1])).toEqual([...resourceHeaders.keys()]);
    for (const [, name, size, sum] of listed) {
      const data = readFileSync(new URL(`./resource-headers/include/${name}`, import.meta.url));
      expect(data.length, name).toBe(Number(size));
      expect(createHash('sha256').update(data).digest('hex'), name).toBe(sum);
    }
  });
});
