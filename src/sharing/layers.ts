/**
 * Validation of packet-builder layers from a link, driven by the builder's own field table
 * (LAYER_FIELDS), so a field added to the builder is validated without touching this file.
 */
import { parseIpv4, parseIpv6, parseMac } from '../bpf/inputs/packets/addr';
import { LAYER_FIELDS } from '../bpf/inputs/packets/fields';
import type { Layer, LayerKind } from '../bpf/inputs/packets/types';
import { hex, int, invalid, oneOf, record, str } from './check';
import { LIMITS } from './limits';

const KINDS = Object.keys(LAYER_FIELDS) as LayerKind[];
const PARSERS = { mac: parseMac, ipv4: parseIpv4, ipv6: parseIpv6 } as const;

export function parseLayer(v: unknown, path: string): Layer {
  const kind = oneOf(record(v, path, ['kind'], Object.values(LAYER_FIELDS).flat().map((f) => f.key)).kind, `${path}.kind`, KINDS); // prettier-ignore
  const fields = LAYER_FIELDS[kind];
  const o = record(v, path, ['kind', ...fields.map((f) => f.key)]);
  const out: Record<string, unknown> = { kind };
  for (const f of fields) {
    const at = `${path}.${f.key}`;
    const value = o[f.key];
    switch (f.format) {
      case 'dec':
      case 'hex':
      case 'tcpflags':
        out[f.key] = value === null && f.auto ? null : int(value, at, 0, f.max ?? 0xffffffff);
        break;
      case 'mac':
      case 'ipv4':
      case 'ipv6': {
        const text = str(value, at, 64);
        try {
          PARSERS[f.format](text);
        } catch {
          invalid(at, `is not a valid ${f.format === 'mac' ? 'MAC' : f.format === 'ipv4' ? 'IPv4' : 'IPv6'} address`);
        }
        out[f.key] = text;
        break;
      }
      case 'bytes':
        out[f.key] = hex(value, at, LIMITS.packetBytes);
        break;
    }
  }
  return out as unknown as Layer;
}
