/**
 * Kernel-differential map tests: each scenario runs as a BPF program in Linux (return codes
 * recorded in a results map, then the map dumped with bpftool) and through our map
 * implementation; both must agree op by op and entry by entry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createMap } from '../../src/bpf/maps/create-map';
import { toHex } from '../../src/bpf/maps/bytes';
import { KernelProgram, kernelOrSkip } from './kernel/harness';
import { MAP_SCENARIOS } from './kernel/map-scenarios';
import { replay, resultsFromDump, scenarioToC, type Scenario } from './kernel/scenario';

const available = kernelOrSkip('maps');
const programs: KernelProgram[] = [];
afterAll(() => programs.forEach((p) => p.cleanup()));

function ours(s: Scenario) {
  const spec = {
    type: s.map.type,
    name: 'm',
    keySize: s.map.keySize,
    valueSize: s.map.valueSize,
    maxEntries: s.map.maxEntries,
    flags: s.map.flags ?? 0,
    mapExtra: BigInt(s.map.mapExtra ?? 0),
  };
  const map = createMap(spec, { cpus: 2 });
  return { results: replay(s, map), dump: map.entries() };
}

const sorted = (entries: { key: Uint8Array; value: Uint8Array }[]) =>
  entries.map((e) => `${toHex(e.key)}=${toHex(e.value)}`).sort();

describe.skipIf(!available)('maps behave like Linux', () => {
  for (const scenario of MAP_SCENARIOS) {
    it(scenario.name, () => {
      const kernel = new KernelProgram(scenarioToC(scenario), 'maps');
      programs.push(kernel);
      expect(kernel.run().retval).toBe(2);
      const kernelResults = resultsFromDump(kernel.dumpMap('results'), scenario.ops.length);
      const mine = ours(scenario);
      const describeOps = (rs: { ret: number; value: bigint }[]) =>
        rs.map((r, i) => `${i}:${scenario.ops[i]?.op}=${r.ret}/${r.value}`);
      expect(describeOps(mine.results)).toEqual(describeOps(kernelResults));
      if (scenario.map.keySize > 0) expect(sorted(mine.dump)).toEqual(sorted(kernel.dumpMap('m')));
    });
  }
});
