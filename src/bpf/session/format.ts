/** The readable form of a run report (the CLI without --json). */
import { XDP_ACTIONS } from '../programs';
import type { PacketProgramType } from '../programs';
import type { RunReport } from './report';

const TC_ACTIONS: Record<number, string> = {
  [-1]: 'TC_ACT_UNSPEC',
  0: 'TC_ACT_OK',
  1: 'TC_ACT_RECLASSIFY',
  2: 'TC_ACT_SHOT',
  3: 'TC_ACT_PIPE',
  4: 'TC_ACT_STOLEN',
  5: 'TC_ACT_QUEUED',
  6: 'TC_ACT_REPEAT',
  7: 'TC_ACT_REDIRECT',
  8: 'TC_ACT_TRAP',
};

/** cgroup_skb verdicts: bit 0 lets the packet pass; egress programs may add bit 1, congestion notification. */
const CGROUP_SKB_VERDICTS = [
  'drop',
  'allow',
  'drop, congestion notified (egress)',
  'allow, congestion notified (egress)',
];

/** What a return value means for the program type: a verdict name or, for socket filters, bytes kept. */
export function describeRetval(type: PacketProgramType | null, retval: number): string {
  if (type === 'xdp') return XDP_ACTIONS[retval] ?? 'unknown XDP action (treated as XDP_ABORTED)';
  if (type === 'tc') return TC_ACTIONS[retval | 0] ?? 'unknown TC action';
  if (type === 'socket_filter') return retval === 0 ? 'drop' : `keep ${retval >>> 0} bytes`;
  if (type === 'cgroup_skb') return CGROUP_SKB_VERDICTS[retval] ?? 'unknown cgroup_skb verdict';
  return '';
}

export function formatReport(report: RunReport, type: PacketProgramType | null, inputs: readonly string[]): string {
  const lines: string[] = [];
  const v = report.verifier;
  lines.push(v.accepted ? 'verifier: accepted' : `verifier: REJECTED at insn ${v.error?.insn}: ${v.error?.message}`);
  if (v.log.trim() !== '')
    lines.push(
      ...v.log
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  report.runs.forEach((run, i) => {
    lines.push('', `run ${i + 1}:`);
    if ('error' in run) {
      lines.push(`  error: ${run.error}`);
      return;
    }
    lines.push(`  retval: ${run.retval} (${describeRetval(type, run.retval)})`);
    if (run.duration_ns_avg !== undefined) lines.push(`  duration: ${run.duration_ns_avg} ns per run (average)`);
    const changed = run.packet === inputs[i] ? 'unchanged' : 'changed';
    lines.push(`  packet (${run.packet.length / 2} bytes, ${changed}): ${run.packet}`);
    for (const message of run.trace) lines.push(`  trace: ${message}`);
  });
  const maps = Object.entries(report.maps);
  if (maps.length > 0) lines.push('', 'maps:');
  for (const [name, map] of maps) {
    lines.push(`  ${name} (${map.type}, ${map.entries.length} entries)`);
    for (const e of map.entries) lines.push(`    ${e.key === '' ? '-' : e.key} => ${e.value}`);
  }
  return lines.join('\n');
}
