#!/usr/bin/env node
// Checks that our clang.wasm produces exactly what Debian's native clang-19 produces.
//
//   node wasm/verify-artifact.mjs [public/clang/clang.wasm.br | path/to/clang.wasm]
//
// Each case compiles the same source with the same flags, the same headers and the
// same absolute paths (the temp dir is preopened in WASI under its own host path, and
// native clang runs with cwd "/" like the WASI program), so object files (-c, with and
// without -g), assembly (-S) and preprocessed output (-E) must be byte-identical with
// no normalisation at all. Needs clang-19 on PATH (Debian package clang-19).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { runWasi } from './wasi-run.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const artifact = process.argv[2] ?? path.join(here, '..', 'public', 'clang', 'clang.wasm.br');
let bytes = fs.readFileSync(artifact);
if (artifact.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
else if (artifact.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
const t0 = performance.now();
const module = new WebAssembly.Module(bytes);
console.log(`compiled ${artifact} (${bytes.length} bytes) in ${Math.round(performance.now() - t0)} ms`);

const nativeResource = execFileSync('clang-19', ['-print-resource-dir'], { encoding: 'utf8' }).trim();
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clang-verify-')));
const resource = path.join(work, 'resource');
fs.cpSync(path.join(nativeResource, 'include'), path.join(resource, 'include'), { recursive: true });
fs.mkdirSync(path.join(work, 'include', 'bpf'), { recursive: true });

// Minimal stand-ins for the few kernel/libbpf declarations the test programs use.
fs.writeFileSync(
  path.join(work, 'include', 'bpf', 'mini.h'),
  `#pragma once
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define BPF_MAP_TYPE_HASH 1
#define BPF_MAP_TYPE_ARRAY 2
#define XDP_DROP 1
#define XDP_PASS 2
struct xdp_md { __u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex; };
static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static long (*bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *)6;
`,
);

const sources = {
  'xdp.c': `#include <stddef.h>
#include <stdint.h>
#include <bpf/mini.h>

struct counters { __u64 packets; __u64 bytes; };

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 1024);
  __type(key, __u32);
  __type(value, struct counters);
} stats SEC(".maps");

struct eth { __u8 dst[6], src[6]; __u16 proto; } __attribute__((packed));

SEC("xdp")
int count_packets(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data;
  void *end = (void *)(long)ctx->data_end;
  struct eth *e = data;
  if ((void *)(e + 1) > end)
    return XDP_DROP;
  __u32 key = e->proto;
  struct counters *c = bpf_map_lookup_elem(&stats, &key);
  if (c) {
    __sync_fetch_and_add(&c->packets, 1);
    __sync_fetch_and_add(&c->bytes, (__u64)(end - data));
  } else {
    struct counters init = { 1, (__u64)(end - data) };
    bpf_map_update_elem(&stats, &key, &init, 0);
  }
  return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
`,
  'loop.c': `#include <bpf/mini.h>
#define N 16
struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, N);
  __type(key, __u32);
  __type(value, __u64);
} arr SEC(".maps");

static __attribute__((noinline)) __u64 mix(__u64 x) { return (x ^ (x >> 7)) * 0x9E3779B97F4A7C15ull; }

SEC("tracepoint/syscalls/sys_enter_write")
int sum(void *ctx) {
  __u64 acc = 0;
  for (__u32 i = 0; i < N; i++) {
    __u32 k = i;
    __u64 *v = bpf_map_lookup_elem(&arr, &k);
    if (!v) continue;
    acc += mix(*v + i);
    if (acc & 1) *v = acc; else *v = acc >> 3;
  }
  const char fmt[] = "acc=%llu\\n";
  bpf_trace_printk(fmt, sizeof(fmt), acc);
  switch (acc % 5) { case 0: return 1; case 1: return 7; case 2: return 11; default: return (int)(acc % 97); }
}
char LICENSE[] SEC("license") = "Dual BSD/GPL";
`,
};
for (const [name, text] of Object.entries(sources)) fs.writeFileSync(path.join(work, name), text);

const common = ['-target', 'bpf', '-resource-dir', resource, '-nostdlibinc', '-isystem', path.join(work, 'include')];
const flagSets = [
  ['-O2', '-g', '-mcpu=v3', '-c'],
  ['-O2', '-mcpu=v3', '-c'],
  ['-O2', '-g', '-mcpu=v3', '-S'],
  ['-O0', '-g', '-mcpu=v1', '-c'],
  ['-O1', '-mcpu=v2', '-c'],
  ['-O2', '-g', '-mcpu=v4', '-c'],
  ['-O2', '-mcpu=v3', '-DEXTRA=1', '-E'],
];

let passed = 0;
let failed = 0;
const preopens = { [work]: work };
for (const src of Object.keys(sources)) {
  for (const flags of flagSets) {
    const out = path.join(work, 'out');
    const args = [...flags, ...common, path.join(work, src), '-o', out];
    const label = `${src} ${flags.join(' ')}`;

    fs.rmSync(out, { force: true });
    execFileSync('clang-19', args, { cwd: '/', stdio: ['ignore', 'inherit', 'inherit'] });
    const nativeOut = fs.readFileSync(out);

    fs.rmSync(out, { force: true });
    const t = performance.now();
    const r = runWasi(module, ['clang', ...args], preopens);
    const ms = Math.round(performance.now() - t);
    if (r.exitCode !== 0 || !fs.existsSync(out)) {
      failed++;
      console.log(`FAIL ${label}: exit ${r.exitCode}\n${r.stderr}`);
      continue;
    }
    const wasmOut = fs.readFileSync(out);
    if (wasmOut.equals(nativeOut)) {
      passed++;
      console.log(`ok   ${label} (${wasmOut.length} bytes, wasm ${ms} ms)`);
    } else {
      failed++;
      fs.writeFileSync(`${out}.native`, nativeOut);
      fs.writeFileSync(`${out}.wasm`, wasmOut);
      console.log(`FAIL ${label}: outputs differ (kept ${out}.native / ${out}.wasm)`);
    }
  }
}

const version = runWasi(module, ['clang', '--version'], {}).stdout.split('\n')[0];
const nativeVersion = execFileSync('clang-19', ['--version'], { encoding: 'utf8' }).split('\n')[0];
console.log(`wasm:   ${version}\nnative: ${nativeVersion}`);
if (failed === 0) fs.rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
