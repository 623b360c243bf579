/**
 * Traffic mixes as text, for the CLI's --mix and for share-free defaults: comma-separated classes,
 * each "WEIGHT[%] PRESET [src=CIDR] [sport=LO-HI] [dport=LO-HI]", e.g.
 *   "70% ipv4-tcp-syn src=10.0.0.0/16 sport=1024-65535, 20% ipv4-udp-dns, 10% ipv4-icmp-echo"
 * PRESET is one of the page's packet templates (PACKET_TEMPLATES) or "hex:FRAME".
 */
import { buildPacket, PACKET_TEMPLATES, parseHex, parseIpv4 } from '../inputs/packets';
import { TrafficError } from './generator';
import type { IntRange, TrafficClass } from './types';

export const DEFAULT_MIX =
  '70% ipv4-tcp-syn src=10.0.0.0/16 sport=1024-65535, 20% ipv4-udp-dns src=10.0.0.0/16 sport=1024-65535, 10% ipv4-icmp-echo src=10.0.0.0/16';

export const PRESET_IDS: readonly string[] = PACKET_TEMPLATES.map((t) => t.id);

/** "10.0.0.0/16" → the addresses it covers as u32s; a bare address is a /32. */
export function parseCidr(text: string): IntRange {
  const [address, bitsText] = text.trim().split('/');
  let bytes: Uint8Array;
  try {
    bytes = parseIpv4(address ?? '');
  } catch {
    throw new TrafficError(`'${text}' is not an IPv4 address or CIDR block`);
  }
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new TrafficError(`'${text}': prefix length 0..32`);
  const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const size = 2 ** (32 - bits);
  const lo = value - (value % size);
  return { lo, hi: lo + size - 1 };
}

/** "1024-65535" or "80". */
export function parseRange(text: string, max: number): IntRange {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
  if (!(lo <= hi && hi <= max)) throw new TrafficError(`'${text}' is not a range within 0-${max}`);
  return { lo, hi };
}

/** The bytes of a preset (by template id) or of "hex:…". */
export function presetPacket(preset: string): Uint8Array {
  if (preset.startsWith('hex:')) {
    try {
      return parseHex(preset.slice(4));
    } catch {
      throw new TrafficError(`'${preset}' is not a hex frame`);
    }
  }
  const template = PACKET_TEMPLATES.find((t) => t.id === preset);
  if (template === undefined) throw new TrafficError(`no packet preset '${preset}'; known: ${PRESET_IDS.join(', ')}`);
  return buildPacket(template.spec);
}

function parseClass(text: string): TrafficClass {
  const [weightText, preset, ...options] = text.trim().split(/\s+/);
  const weight = Number((weightText ?? '').replace(/%$/, ''));
  if (preset === undefined || !Number.isFinite(weight) || weight < 0)
    throw new TrafficError(`'${text.trim()}': expected "WEIGHT PRESET [src=CIDR] [sport=LO-HI] [dport=LO-HI]"`);
  let out: TrafficClass = { label: preset, packet: presetPacket(preset), weight };
  for (const option of options) {
    const [key, value = ''] = option.split('=');
    if (key === 'src') out = { ...out, srcIp: parseCidr(value) };
    else if (key === 'sport') out = { ...out, srcPort: parseRange(value, 0xffff) };
    else if (key === 'dport') out = { ...out, dstPort: parseRange(value, 0xffff) };
    else throw new TrafficError(`unknown mix option '${option}' (src=, sport=, dport=)`);
  }
  return out;
}

export function parseMix(text: string): TrafficClass[] {
  const parts = text.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) throw new TrafficError('the traffic mix is empty');
  return parts.map(parseClass);
}
