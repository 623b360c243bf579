/**
 * BCC programs include kernel headers (<uapi/linux/ptrace.h>, <linux/blk-mq.h>, <net/sock.h>...)
 * that BCC finds in the running kernel's build tree. The playground has no kernel tree: its kernel
 * types are all in vmlinux.h. So, as BCC supplies its own virtual headers, the rewrite maps:
 *  - <bcc/...> (BCC's own helpers and proto.h) to nothing: the prelude provides what they do;
 *  - UAPI headers the playground has (<linux/ip.h>, <uapi/linux/bpf.h>...) to themselves, when
 *    the program needs no kernel-internal types;
 *  - every other kernel header to vmlinux.h. vmlinux.h repeats the UAPI types (without their
 *    macros), so once a program needs it the UAPI headers map to it too, avoiding redefinitions.
 * Quoted includes ("network.h") are the user's own files and stay as they are.
 */

/** The UAPI headers of src/compiler/headers/include (tests/bcc checks this list against the tree). */
export const PLAYGROUND_UAPI_HEADERS: readonly string[] = [
  'linux/bpf.h', 'linux/icmp.h', 'linux/icmpv6.h', 'linux/if_ether.h', 'linux/if_packet.h', 'linux/in.h',
  'linux/in6.h', 'linux/ip.h', 'linux/ipv6.h', 'linux/pkt_cls.h', 'linux/ptrace.h', 'linux/tcp.h',
  'linux/types.h', 'linux/udp.h', 'asm/types.h', 'asm/byteorder.h',
]; // prettier-ignore

const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*<([^>\n]+)>/;

/** The header an `#include <...>` names, or null for other directives and quoted includes. */
export function systemInclude(directive: string): string | null {
  return INCLUDE.exec(directive)?.[1]?.trim() ?? null;
}

/**
 * Kernel-internal headers of the tree that BCC programs still get vmlinux.h for (their types are
 * the same, and vmlinux.h has the rest of the kernel), and headers that declare no types at all.
 */
export const KERNEL_SAMPLE_HEADERS: readonly string[] = ['linux/skbuff.h', 'linux/netdevice.h'];
const TYPELESS_HEADERS: readonly string[] = ['linux/version.h'];

/** Whether including `header` means the program wants the simulated kernel's internal types. */
export function needsKernelTypes(header: string): boolean {
  if (header.startsWith('bcc/') || header.startsWith('bpf/') || header === 'vmlinux.h') return false;
  if (TYPELESS_HEADERS.includes(header)) return false;
  return !PLAYGROUND_UAPI_HEADERS.includes(header.replace(/^uapi\//, ''));
}

/**
 * What replaces `#include <header>` (null: keep the directive). The replacement keeps the
 * directive's line count so that diagnostics still point at the user's lines.
 */
export function mapInclude(header: string, kernelTypes: boolean): string | null {
  if (header.startsWith('bcc/')) return `/* <${header}>: provided by the BCC prelude */`;
  if (header.startsWith('bpf/') || header === 'vmlinux.h' || TYPELESS_HEADERS.includes(header)) return null;
  const uapi = header.replace(/^uapi\//, '');
  if (!kernelTypes && PLAYGROUND_UAPI_HEADERS.includes(uapi)) return uapi === header ? null : `#include <${uapi}>`;
  return `#include <vmlinux.h> /* for <${header}> */`;
}

/** The BCC prelude: the headers BCC includes implicitly plus its small inline helpers. */
export function prelude(kernelTypes: boolean): string {
  const types = kernelTypes
    ? ['#include <vmlinux.h>']
    : [
        '#include <linux/types.h>',
        '#include <linux/bpf.h>',
        '#include <linux/ptrace.h>',
        // BCC programs use the kernel's short integer names, which only vmlinux.h declares here.
        'typedef __u8 u8; typedef __s8 s8; typedef __u16 u16; typedef __s16 s16;',
        'typedef __u32 u32; typedef __s32 s32; typedef __u64 u64; typedef __s64 s64;',
      ];
  return [
    '/* BCC mode: prelude added by the playground (src/bpf/bcc) */',
    ...types,
    '#include <bpf/bpf_helpers.h>',
    '#include <bpf/bpf_tracing.h>',
    '#include <bpf/bpf_core_read.h>',
    '#include <bpf/bpf_endian.h>',
    '#ifndef __user',
    '#define __user',
    '#endif',
    // Kernel macros BCC programs take from <linux/sched.h>; vmlinux.h has types only.
    '#ifndef TASK_COMM_LEN',
    '#define TASK_COMM_LEN 16',
    '#endif',
    // A tracepoint record's __data_loc string (TRACEPOINT_PROBE's args->data_loc_NAME: length << 16 | offset);
    // the fixed-length form stops at the string's NUL, as the record may end right after it.
    '#define TP_DATA_LOC_READ_CONST(dst, field, length) bpf_probe_read_kernel_str((void *)(dst), (length), (char *)args + (args->data_loc_##field & 0xFFFF))', // prettier-ignore
    '#define TP_DATA_LOC_READ(dst, field) bpf_probe_read_kernel((void *)(dst), args->data_loc_##field >> 16, (char *)args + (args->data_loc_##field & 0xFFFF))', // prettier-ignore
    // Bucket index for BPF_HISTOGRAM/print_log2_hist: the bit length of v (0 for 0, 1 for 1, 2 for 2..3, ...).
    'static __always_inline unsigned int bpf_log2l(unsigned long v) { unsigned int n = 0; while (v) { n++; v >>= 1; } return n; }', // prettier-ignore
    'static __always_inline unsigned int bpf_log2(unsigned int v) { return v ? bpf_log2l(v) - 1 : 0; }',
  ].join('\n');
}
