/**
 * Seed 4 (kernel samples tracex1) includes kernel-internal headers (<linux/skbuff.h>,
 * <linux/netdevice.h>, <linux/version.h>, <uapi/linux/bpf.h>); the playground's tree has them,
 * and clang.wasm and native clang-19 must make the same object of the unchanged source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { compileProgram } from '../../src/compiler/compile';
import { getNodeClang, nodeSystemHeaders } from '../../src/compiler/node';
import type { CompileInput } from '../../src/compiler/types';
import { compareObjects } from '../compiler/compare-objects';
import { compileNative } from '../compiler/native';
import { CLANG19, HAS_CLANG_WASM } from '../compiler/toolchain';

const ENTRY = '/src/tracex1.bpf.c';
const input: CompileInput = {
  entry: ENTRY,
  files: new Map([[ENTRY, readFileSync(join(import.meta.dirname, '4-tracex1/tracex1.bpf.c'), 'utf8')]]),
  workingDirectory: '/src',
};

if (!HAS_CLANG_WASM || CLANG19 === null) console.warn('\n*** SKIPPING tracex1 clang.wasm vs native: needs both compilers ***\n'); // prettier-ignore

describe.skipIf(!HAS_CLANG_WASM || CLANG19 === null)('tracex1 verbatim: clang.wasm and native clang-19', () => {
  it('compile it to the same object, with its kprobe program and version section', { timeout: 60_000 }, async () => {
    const wasm = await compileProgram((await getNodeClang()).module, input, nodeSystemHeaders());
    const native = compileNative(input, nodeSystemHeaders());
    expect(wasm.stderr).toBe('');
    expect(native.object, native.stderr).not.toBeNull();
    expect(compareObjects(wasm.object!, native.object!)).toEqual([]);
    const object = loadObject(wasm.object!, { name: 'tracex1' });
    expect(object.programs.map((p) => `${p.name} ${p.sectionName}`)).toEqual(['bpf_prog1 kprobe/__netif_receive_skb_core']); // prettier-ignore
    expect([object.license, object.kernelVersion]).toEqual(['GPL', (6 << 16) + (18 << 8)]);
  });
});
