/** The bytes of a shared packet, for the page's packet list and the CLI. */
import { parseHex } from '../bpf/inputs/packets/addr';
import { buildPacket } from '../bpf/inputs/packets/build';
import type { SharePacket } from './schema';

/** Throws PacketError when the layers do not build (the builder shows that next to the packet). */
export function packetBytes(packet: SharePacket): Uint8Array {
  return 'hex' in packet ? parseHex(packet.hex) : buildPacket({ layers: [...packet.layers] });
}
