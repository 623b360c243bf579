/**
 * The playground's headers against Debian's real ones (linux-libc-dev 6.1, libbpf-dev 1.1), compiled natively
 * with clang-19 for the BPF target:
 *  - per header, every name ours declares (struct/union/enum tags, typedefs, enumerators, variables, functions,
 *    macros) is also declared by Debian's header of the same name, so programs that define their own
 *    structs do not collide with extra names;
 *  - across all of them, sizeof/_Alignof/offsetof of every struct, union and field, each field's type class, size
 *    and signedness, every bitfield's bit position, every enumerator's value and size, and every integer-constant
 *    macro's value, size and sign are the same when the same probe is compiled against either tree.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ALL_PRELUDE, COMPARED_HEADERS, preludeFor } from './headers-list';
import { buildProbe, compareRuns, declarations, declaredNames, integerMacros, runProbe, type Probe } from './probe';
import { CLANG, DEBIAN_MISSING, OURS_DIR, debianIncludeDir } from './toolchain';

const missing = !CLANG
  ? 'clang-19 is not installed'
  : DEBIAN_MISSING.length
    ? `missing ${DEBIAN_MISSING.join(', ')}`
    : '';
if (missing) console.warn(`\n*** SKIPPING header comparison tests: ${missing} ***\n`);

/** libbpf asks for the architecture with -D__TARGET_ARCH_x86; with it, both bpf_tracing.h's pick x86-64. */
const ARCH = ['-D__TARGET_ARCH_x86'];

/**
 * Differences we keep on purpose. Debian's x86 <asm/bitsperlong.h> decides the word size from __x86_64__, which
 * -target bpf does not define, so there __kernel_size_t & co. come out 32-bit; BPF and the x86-64 kernel are LP64,
 * and ours say so (as a vmlinux.h for that kernel does).
 */
const KNOWN_DIFFERENCES = [
  'sizeof(__kernel_size_t): 8 vs 4',
  'sizeof(__kernel_ssize_t): 8 vs 4',
  'sizeof(__kernel_ptrdiff_t): 8 vs 4',
];

/** Include-guard macros of our files that have no same-named counterpart. */
function ourIncludeGuards(): Set<string> {
  const guards = new Set<string>();
  for (const header of COMPARED_HEADERS) {
    const m = /^#ifndef (\w+)\n#define \1$/m.exec(readFileSync(join(OURS_DIR, header), 'utf8'));
    if (m?.[1]) guards.add(`#${m[1]}`);
  }
  return guards;
}

describe.skipIf(missing !== '')('headers compared with Debian linux-libc-dev and libbpf-dev', () => {
  describe('each header declares no name that the real header does not', () => {
    const guards = ourIncludeGuards();
    it.each(COMPARED_HEADERS)('%s', (header) => {
      const ours = declaredNames(declarations(preludeFor(header), OURS_DIR, ARCH));
      const real = declaredNames(declarations(preludeFor(header), debianIncludeDir(), ARCH));
      const extra = [...ours].filter((name) => !real.has(name) && !guards.has(name));
      expect(extra).toEqual([]);
      // Not vacuous: the header itself adds names beyond <linux/types.h>.
      expect(ours.size).toBeGreaterThan(header === 'linux/types.h' || header === 'asm/types.h' ? 30 : 40);
    });
  });

  describe('layouts and constants', () => {
    let probe: Probe;
    const run = () => {
      const decls = declarations(ALL_PRELUDE, OURS_DIR, ARCH);
      const macros = integerMacros(decls, decls.macros.keys(), OURS_DIR, ALL_PRELUDE);
      probe = buildProbe(decls, macros);
      return {
        ours: runProbe(ALL_PRELUDE, probe, OURS_DIR, ARCH),
        real: runProbe(ALL_PRELUDE, probe, debianIncludeDir(), ARCH),
      };
    };
    let runs: ReturnType<typeof run> | undefined;
    const get = () => (runs ??= run());

    it('the probe covers every declaration and compiles against both trees', () => {
      const { ours, real } = get();
      expect(ours.failed).toEqual([]);
      expect(real.failed).toEqual([]);
      // Thousands of measurements, including every bitfield of the protocol headers.
      expect(probe.values.length).toBeGreaterThan(4000);
      expect(probe.images.map((i) => i.label)).toEqual(
        expect.arrayContaining([
          'bitfield struct iphdr.ihl',
          'bitfield struct iphdr.version',
          'bitfield struct ipv6hdr.priority',
          'bitfield struct tcphdr.syn',
          'bitfield struct tcphdr.doff',
          'bitfield struct icmp6hdr.icmp6_dataun.u_nd_ra.router_pref',
        ]),
      );
    });

    it('every measured value is the same with both trees (except the documented LP64 fix)', () => {
      const { ours, real } = get();
      expect(compareRuns(ours, real, probe)).toEqual(KNOWN_DIFFERENCES);
    });

    it('spot checks against values known independently of either tree', () => {
      const { ours } = get();
      const v = (label: string) => ours.values.get(label);
      expect(v('sizeof(struct ethhdr)')).toBe(14n);
      expect(v('sizeof(struct iphdr)')).toBe(20n);
      expect(v('offsetof(struct iphdr, saddr)')).toBe(12n);
      expect(v('offsetof(struct iphdr, addrs.daddr)')).toBe(16n);
      expect(v('sizeof(struct ipv6hdr)')).toBe(40n);
      expect(v('sizeof(struct tcphdr)')).toBe(20n);
      expect(v('sizeof(struct udphdr)')).toBe(8n);
      expect(v('sizeof(struct __sk_buff)')).toBe(192n);
      expect(v('offsetof(struct __sk_buff, data)')).toBe(76n);
      expect(v('sizeof(struct xdp_md)')).toBe(24n);
      expect(v('sizeof(struct pt_regs)')).toBe(168n);
      expect(v('offsetof(struct pt_regs, rdi)')).toBe(112n);
      expect(v('value(#ETH_P_IPV6)')).toBe(0x86ddn);
      expect(v('value(IPPROTO_TCP)')).toBe(6n);
      expect(v('value(#IPPROTO_ICMPV6)')).toBe(58n);
      expect(v('value(XDP_PASS)')).toBe(2n);
      expect(v('value(#TC_ACT_SHOT)')).toBe(2n);
      expect(v('value(#TC_ACT_UNSPEC)')).toBe(0xffffffffffffffffn);
      expect(v('value(BPF_MAP_TYPE_RINGBUF)')).toBe(27n);
      expect(v('value(BPF_FUNC_ringbuf_output)')).toBe(130n);
      expect(v('value(BPF_F_CURRENT_CPU)')).toBe(0xffffffffn);
      expect(v('value(TCP_FLAG_SYN)')).toBe(0x200n); // htonl(0x00020000) on a little-endian target
      // tcphdr.syn is bit 1 of byte 13 on the wire.
      expect(ours.images.get('bitfield struct tcphdr.syn')).toBe(`${'00'.repeat(13)}02${'00'.repeat(6)}`);
    });

    it('the big-endian variants put every bitfield at the same wire position', () => {
      const { real } = get();
      // Wire formats only: struct bpf_insn is in the CPU's byte order by definition. And as in the kernel,
      // big-endian icmpv6_nd_advt has one 29-bit "reserved" instead of 5 + 24 bits.
      const skip = /struct bpf_insn\.|icmpv6_nd_advt\.reserved2?$|u_nd_advt\.reserved2?$/;
      const images = probe.images.filter((i) => !skip.test(i.label));
      expect(probe.images.length - images.length).toBe(6);
      const bigEndian = runProbe(ALL_PRELUDE, { values: [], images }, OURS_DIR, [...ARCH, '-target', 'bpfeb']);
      expect(bigEndian.failed).toEqual([]);
      for (const { label } of images)
        expect([label, bigEndian.images.get(label)]).toEqual([label, real.images.get(label)]);
    });
  });
});
