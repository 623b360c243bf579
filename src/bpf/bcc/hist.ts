/**
 * print_log2_hist for BPF_HISTOGRAM maps: bucket i counts values whose bit length is i (what
 * bpf_log2l returns), so it covers [2^(i-1), 2^i - 1]; the rows run from the first to the last
 * non-empty bucket with a bar scaled to the largest count, the layout BCC users know.
 */
import type { MapReport } from '../session';

const u64le = (hex: string): bigint => {
  let v = 0n;
  for (let i = hex.length - 2; i >= 0; i -= 2) v = (v << 8n) | BigInt(parseInt(hex.slice(i, i + 2), 16));
  return v;
};

/** The histogram of a map dumped as `run --json` reports it (u32 or u64 bucket keys, u64 counts). */
export function formatLog2Hist(map: MapReport, label: string): string {
  const counts = new Map<number, bigint>();
  for (const e of map.entries) {
    const bucket = Number(u64le(e.key));
    // Per-CPU maps dump every CPU's copy (8 bytes each): the bucket's count is their sum.
    let total = 0n;
    for (let i = 0; i < e.value.length; i += 16) total += u64le(e.value.slice(i, i + 16));
    counts.set(bucket, (counts.get(bucket) ?? 0n) + total);
  }
  const used = [...counts].filter(([, c]) => c > 0n).map(([b]) => b);
  if (used.length === 0) return '';
  const first = Math.min(...used);
  const last = Math.max(...used);
  const max = [...counts.values()].reduce((a, b) => (b > a ? b : a), 0n);
  const width = 40;
  const lines = [`${label.padStart(19)}${' '.repeat(5)}: count     distribution`];
  for (let b = Math.min(first, 1); b <= last; b++) {
    const low = b === 0 ? 0n : 1n << BigInt(b - 1);
    const high = b === 0 ? 0n : (1n << BigInt(b)) - 1n;
    const count = counts.get(b) ?? 0n;
    const stars = Number((count * BigInt(width)) / max);
    lines.push(
      `${low.toString().padStart(10)} -> ${high.toString().padEnd(10)}: ${count.toString().padEnd(8)} |${'*'.repeat(stars).padEnd(width)}|`,
    );
  }
  return lines.join('\n');
}
