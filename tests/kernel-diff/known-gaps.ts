/**
 * Corpus programs whose results differ from the kernel's today, each with the reason. The
 * differential test passes for them but prints the reason and the differences loudly; once a
 * program matches, the test fails until its entry is removed here, so this list only shrinks.
 */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {
  tc_rewrite_dst:
    'helpers: bpf_l3_csum_replace/l4_csum_replace treat `from`/`to` as host-order numbers; the kernel ' +
    'takes them as bytes in memory order (a __be32/__be16 loaded little-endian), so the IP checksum is wrong',
  tc_ttl_csum: 'helpers: bpf_l3_csum_replace with size 2, same byte-order problem as tc_rewrite_dst',
  tc_csum_diff:
    'helpers: bpf_csum_diff on Linux >= 6.12 returns the sum folded to 16 bits (csum_from32to16), ' +
    'e.g. 0xffff for a port swap; ours returns the unfolded 32-bit sum',
  xdp_printk_addr:
    "helpers: bpf_printk '%pI6c' — the kernel consumes the 'c' and prints the full (uncompressed) " +
    "address; ours prints a literal 'c' after it",
};
