/**
 * Every implemented helper's programTypes must be exactly the program types the kernel lets call
 * it. The kernel's answer is the committed fixture (regenerate-helper-types.ts); where bpf() works
 * the fixture itself is re-checked against the running kernel.
 */
import { describe, expect, it } from 'vitest';
import { allHelpers } from '../../src/bpf/helpers/registry';
import { kernelOrSkip } from '../maps/kernel/harness';
import { PROBED_TYPE_NAMES, probeKernel, readFixture, type ProbedType } from './kernel/helper-availability';

const fixture = readFixture();

/** What our prototype grants among the probed types ('tracing' needs BTF attach targets; not probed). */
function ourTypes(programTypes: 'all' | readonly string[]): ProbedType[] {
  return PROBED_TYPE_NAMES.filter((t) => programTypes === 'all' || programTypes.includes(t));
}

describe('helper program types and licenses', () => {
  it('match the kernel probe for every implemented helper', () => {
    const mismatches = allHelpers()
      .map((h) => ({
        h,
        ours: ourTypes(h.proto.programTypes).join(' '),
        kernel: (fixture.helpers[h.name] ?? []).join(' '),
      }))
      .filter((m) => m.ours !== m.kernel)
      .map((m) => `${m.h.name}: ours [${m.ours}], kernel [${m.kernel}]`);
    expect(mismatches).toEqual([]);
  });

  it('mark exactly the GPL-only helpers gplOnly', () => {
    const gpl = new Set(fixture.gplOnly);
    const wrong = allHelpers()
      .filter((h) => h.proto.gplOnly !== gpl.has(h.name))
      .map((h) => `${h.name}: ours ${h.proto.gplOnly ? 'GPL-only' : 'any license'}`);
    expect(wrong).toEqual([]);
  });

  it.skipIf(!kernelOrSkip('helper program types'))(
    'the committed fixture is what this kernel says (else run regenerate-helper-types.ts)',
    () => {
      const probed = probeKernel();
      expect(probed.helpers).toEqual(fixture.helpers);
      expect(probed.gplOnly).toEqual(fixture.gplOnly);
    },
  );
});
