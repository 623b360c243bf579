/** The headers the playground provides that have a same-named counterpart in Debian's packages. */
export const COMPARED_HEADERS = [
  'linux/types.h',
  'asm/types.h',
  'asm/byteorder.h',
  'linux/bpf.h',
  'linux/if_ether.h',
  'linux/if_packet.h',
  'linux/ip.h',
  'linux/ipv6.h',
  'linux/in.h',
  'linux/in6.h',
  'linux/tcp.h',
  'linux/udp.h',
  'linux/icmp.h',
  'linux/icmpv6.h',
  'linux/pkt_cls.h',
  'linux/ptrace.h',
  'bpf/bpf_helpers.h',
  'bpf/bpf_helper_defs.h',
  'bpf/bpf_endian.h',
  'bpf/bpf_tracing.h',
  'bpf/bpf_core_read.h',
] as const;

/** What a translation unit needs before `header` (libbpf's headers expect the __u64 family to exist). */
export function preludeFor(header: string): string {
  const lines = ['#include <linux/types.h>'];
  if (header === 'bpf/bpf_core_read.h') lines.push('#include <bpf/bpf_helpers.h>');
  lines.push(`#include <${header}>`);
  return lines.join('\n');
}

/**
 * All compared headers in one unit. bpf_helper_defs.h comes in through bpf_helpers.h: libbpf's copy has no include
 * guard, so naming it again would redefine every helper.
 */
export const ALL_PRELUDE = ['#include <linux/types.h>', ...COMPARED_HEADERS.map((h) => `#include <${h}>`)]
  .filter((line, i, all) => all.indexOf(line) === i && !line.includes('bpf_helper_defs.h'))
  .join('\n');
