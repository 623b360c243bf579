/**
 * From the panel's settings to a traffic request: each mix row's packet (a preset, or one of the
 * Inputs panel's packets) built to bytes, its ranges parsed, and the chart map chosen. Problems
 * come back as one sentence for the page to show; nothing is guessed.
 */
import { PACKET_TEMPLATES, type PacketSpec, tryBuild } from '../../bpf/inputs/packets';
import { parseCidr, parseRange, presetPacket, type TrafficClass } from '../../bpf/traffic';
import type { MapInfo, TrafficRequest } from '../../protocol';
import type { TrafficConfig, TrafficMixRow } from './slice';

export const INPUT_PREFIX = 'input:';

/** What the mix editor offers as packet sources: the presets, then the Inputs panel's packets. */
export function packetSources(inputs: readonly PacketSpec[]): { id: string; title: string }[] {
  return [
    ...PACKET_TEMPLATES.map((t) => ({ id: t.id, title: t.title })),
    ...inputs.map((_, i) => ({ id: `${INPUT_PREFIX}${i}`, title: `Inputs packet ${i + 1}` })),
  ];
}

function rowPacket(row: TrafficMixRow, inputs: readonly PacketSpec[]): Uint8Array {
  if (!row.source.startsWith(INPUT_PREFIX)) return presetPacket(row.source);
  const index = Number(row.source.slice(INPUT_PREFIX.length));
  const spec = inputs[index];
  if (spec === undefined) throw new Error(`Inputs packet ${index + 1} no longer exists`);
  const built = tryBuild(spec);
  if (built.error !== null) throw new Error(`Inputs packet ${index + 1} cannot be built: ${built.error}`);
  return built.bytes;
}

export function rowLabel(row: TrafficMixRow): string {
  if (row.source.startsWith(INPUT_PREFIX)) return `Inputs packet ${Number(row.source.slice(INPUT_PREFIX.length)) + 1}`;
  return row.source;
}

function toClass(row: TrafficMixRow, inputs: readonly PacketSpec[]): TrafficClass {
  const label = rowLabel(row);
  try {
    return {
      label,
      packet: rowPacket(row, inputs),
      weight: row.weight,
      ...(row.srcIp.trim() === '' ? {} : { srcIp: parseCidr(row.srcIp) }),
      ...(row.srcPort.trim() === '' ? {} : { srcPort: parseRange(row.srcPort, 0xffff) }),
    };
  } catch (e) {
    throw new Error(`${label}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Maps whose values make a line chart: arrays and hashes (per-CPU too), not ring buffers or queues. */
export function chartableMaps(maps: readonly MapInfo[]): MapInfo[] {
  return maps.filter((m) => /array|hash/.test(m.type) && !/prog_array|of_maps|perf_event/.test(m.type));
}

/** The map the chart follows: the one chosen, else the first whose values are plain counters (≤ 8 bytes). */
export function chartMapOf(config: TrafficConfig, maps: readonly MapInfo[]): string | null {
  const chartable = chartableMaps(maps).filter((m) => !m.name.startsWith('.'));
  if (config.chartMap !== null && chartable.some((m) => m.name === config.chartMap)) return config.chartMap;
  return (chartable.find((m) => m.valueSize <= 8) ?? chartable[0])?.name ?? null;
}

export function trafficRequest(
  runId: number,
  config: TrafficConfig,
  inputs: readonly PacketSpec[],
  maps: readonly MapInfo[],
): TrafficRequest {
  return {
    runId,
    packets: config.packets,
    ratePps: config.ratePps,
    classes: config.rows.filter((r) => r.weight > 0).map((r) => toClass(r, inputs)),
    seed: config.seed,
    chartMap: chartMapOf(config, maps),
  };
}
