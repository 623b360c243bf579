/**
 * Map-in-map lookups against the kernel: the value bpf_map_lookup_elem returns from an
 * array_of_maps / hash_of_maps is, once null-checked, a pointer to a map like the inner template
 * (usable as the map argument of another lookup, never as memory). These objects need libbpf to
 * create the outer maps with their inner template, so they are compared here on whole objects (our
 * side through the object loader's verifier environment) rather than as differential cases.
 *
 * Not modelled: the kernel also lets privileged programs read struct bpf_map fields through such a
 * pointer (BTF); we refuse any memory access through a map pointer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { verifyObjectProgram } from '../../src/bpf/session/verifier-env';
import { ARTIFACTS, kernelLoad, kernelStatus, lastMessage } from './support/kernel';

const status = kernelStatus();
if (!status.ok) console.warn(`SKIPPING map-in-map verifier tests: ${status.reason}`);

const MAPS = `
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct inner { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } a SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); }
  outer SEC(".maps") = { .values = { [1] = &a } };
char LICENSE[] SEC("license") = "GPL";
`;

/** Bodies of `int prog(struct xdp_md *ctx)`; `m` is the outer lookup's result for key `k`. */
const CASES: Record<string, string> = {
  'the null-checked value is a map: inner lookups and updates verify': `
    __u32 k = ctx->ingress_ifindex, z = 0; __u64 one = 1;
    void *m = bpf_map_lookup_elem(&outer, &k);
    if (!m) return 1;
    __u64 *v = bpf_map_lookup_elem(m, &z);
    if (v) *v += 1; else bpf_map_update_elem(m, &z, &one, 0);
    return 2;`,
  'an inner lookup yields values of the inner template size (8 bytes, not the outer 4)': `
    __u32 k = ctx->ingress_ifindex, z = 0;
    void *m = bpf_map_lookup_elem(&outer, &k);
    if (!m) return 1;
    __u64 *v = bpf_map_lookup_elem(m, &z);
    return v ? (int)v[1] : 0;`,
  'the map keeps the inner template type: an array is no ring buffer': `
    __u32 k = ctx->ingress_ifindex;
    void *m = bpf_map_lookup_elem(&outer, &k);
    if (!m) return 1;
    void *r = bpf_ringbuf_reserve(m, 8, 0);
    if (r) bpf_ringbuf_discard(r, 0);
    return 2;`,
  'before the null check it is no map: an inner lookup is refused': `
    __u32 k = ctx->ingress_ifindex, z = 0;
    void *m = bpf_map_lookup_elem(&outer, &k);
    return bpf_map_lookup_elem(m, &z) != 0;`,
};

function compile(name: string, body: string): string {
  const dir = join(ARTIFACTS, 'map-in-map');
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `${name}.c`);
  const out = join(dir, `${name}.o`);
  writeFileSync(src, `${MAPS}\nSEC("xdp") int prog(struct xdp_md *ctx) {${body}\n}\n`);
  const arch = execFileSync('uname', ['-m']).toString().trim();
  execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', `-I/usr/include/${arch}-linux-gnu`, '-c', src, '-o', out]);
  return out;
}

describe.skipIf(!status.ok)('map-in-map lookups vs the running kernel', () => {
  Object.entries(CASES).forEach(([what, body], i) => {
    it(what, () => {
      const path = compile(`case${i}`, body);
      const kernel = kernelLoad(path, 1);
      const object = loadObject(readFileSync(path), { name: `case${i}` });
      const ours = verifyObjectProgram(object, object.programs[0]!)!;
      const expected = { accepted: kernel.loaded, message: kernel.loaded ? '' : lastMessage(kernel.log) };
      expect({ accepted: ours.accepted, message: ours.error?.message ?? '' }, ours.log).toEqual(expected);
      // Each case shows what its name says on this kernel.
      expect(kernel.loaded).toBe(i === 0);
    });
  });
});
