/**
 * The kernel is the reference for map definitions and program types: each fixture is loaded with
 * `bpftool prog loadall` (libbpf) and every map the programs use is compared with our MapDefinition
 * (kernel name, type, key/value size, max_entries, flags) and map creation order (map ids ascend).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadObject, objectNameFromPath } from '../../src/bpf/object';
import { canLoadIntoKernel, compileFixture, hasClang, run, warnSkip } from './native';

/** Fixtures whose every program the kernel accepts (legacy_maps: libbpf 1.x refuses "maps"; cgroup_and_more: fentry/lsm targets). */
const LOADABLE = [
  'btf_types',
  'global_data',
  'lpm_routes',
  'map_in_map',
  'same_section',
  'socket_ringbuf',
  'subprograms',
  'tc_two_programs',
  'tracing_sections',
  'xdp_counter',
];

interface KernelMap {
  id: number;
  name: string;
  type: string;
  bytes_key: number;
  bytes_value: number;
  max_entries: number;
  flags: number;
}

const skip = warnSkip('loader vs the kernel (bpftool prog loadall, needs root)', hasClang && canLoadIntoKernel);
const pinRoot = skip ? '' : mkdtempSync('/sys/fs/bpf/ebpf-object-test-');
afterAll(() => {
  if (pinRoot) rmSync(pinRoot, { recursive: true, force: true });
});

describe.skipIf(skip)('maps and programs match what libbpf creates in the kernel', () => {
  for (const name of LOADABLE) {
    it(name, () => {
      const { path, bytes } = compileFixture(name);
      const object = loadObject(bytes, { name: objectNameFromPath(path) });
      const dir = join(pinRoot, name);
      run('bpftool', ['prog', 'loadall', path, dir]);
      try {
        const pinned = readdirSync(dir).sort();
        const kernelProgs = pinned.map((p) =>
          JSON.parse(run('bpftool', ['-j', 'prog', 'show', 'pinned', join(dir, p)])),
        );
        // Program names and types (bpftool pins by program name).
        expect(pinned).toEqual(object.programs.map((p) => p.name).sort());
        for (const kp of kernelProgs) {
          const ours = object.programs.find((p) => p.name.slice(0, 15) === kp.name)!;
          expect(ours.kind.progType).toBe(kp.type);
        }
        const ids = [...new Set(kernelProgs.flatMap((p) => (p.map_ids ?? []) as number[]))].sort((a, b) => a - b);
        const kernelMaps = ids.map(
          (id) => JSON.parse(run('bpftool', ['-j', 'map', 'show', 'id', String(id)])) as KernelMap,
        );
        // The kernel lists exactly the maps the instructions reference.
        const referenced = new Set(object.programs.flatMap((p) => p.mapReferences.map((r) => r.mapIndex)));
        expect(kernelMaps.length).toBe(referenced.size);
        const ours = kernelMaps.map((km) => object.maps.find((m) => m.kernelName === km.name));
        expect(ours.map((m) => m?.kernelName)).toEqual(kernelMaps.map((km) => km.name));
        // Same creation order: ascending kernel ids follow our map indices.
        const indices = ours.map((m) => m!.index);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
        kernelMaps.forEach((km, i) => {
          const m = ours[i]!;
          expect({ name: m.kernelName, type: m.typeName, key: m.keySize, value: m.valueSize }).toEqual({
            name: km.name,
            type: km.type,
            key: km.bytes_key,
            value: km.bytes_value,
          });
          expect({ max_entries: m.maxEntries, flags: m.flags }).toEqual({
            max_entries: km.max_entries,
            flags: km.flags,
          });
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
