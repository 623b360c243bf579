/**
 * Connects a test_run packet to the packet helpers. The program types (src/bpf/programs) map the
 * packet and the context; the helpers (src/bpf/helpers) move data/data_end/data_meta inside a
 * PacketBuffer frame. This glue makes the packet region a live view of that frame and keeps the
 * context fields in step after every helper that changed the layout.
 *
 * The region keeps its base address when it is remapped, so the region always starts at the first
 * byte a program may address: data_meta for XDP and TC, the Ethernet header for socket filters
 * (whose skb->data is past it, but LD_ABS can reach it through SKF_LL_OFF).
 */
import { type PacketExt, PacketBuffer, type SkbMeta } from '../helpers';
import type { PacketContext, PacketProgramType } from '../programs';
import { regionBase, type Vm } from '../vm';

/** BPF_PROG_TEST_RUN frame: XDP_PACKET_HEADROOM in front, one page in all (kernel test_run). */
const LAYOUT = { headroom: 256, frameSize: 4096 } as const;
const ETH_HLEN = 14;

export interface AttachedPacket {
  readonly ext: PacketExt;
  readonly buffer: PacketBuffer;
}

function skbMeta(frame: Uint8Array): SkbMeta {
  return {
    protocol: (frame[12]! << 8) | frame[13]!,
    pktType: 0,
    hash: 0,
    vlanPresent: false,
    vlanProto: 0,
    vlanTci: 0,
  };
}

export function attachPacket(
  vm: Vm,
  type: PacketProgramType,
  packet: Uint8Array,
  context: PacketContext,
): AttachedPacket {
  const buffer = new PacketBuffer(packet, LAYOUT);
  const socket = type === 'socket_filter';
  // The region base: what the context's data pointer holds (socket filters: the frame start).
  const base = socket ? regionBase(vm.legacyPacketId) : context.values.get('data')!;
  if (socket) buffer.meta = buffer.data = buffer.data + ETH_HLEN;
  const start = (): number => (socket ? buffer.data - ETH_HLEN : buffer.meta);
  const sync = (): void => {
    vm.mem.remap(base, buffer.frame.subarray(start(), buffer.end));
    if (type === 'socket_filter') {
      context.table.set('len', BigInt(buffer.end - buffer.data));
      return;
    }
    const at = (offset: number): bigint => base + BigInt(offset - start());
    context.table.set('data_meta', at(buffer.meta));
    context.table.set('data', at(buffer.data));
    context.table.set('data_end', at(buffer.end));
    if (type === 'tc') context.table.set('len', BigInt(buffer.end - buffer.data));
  };
  sync();
  const ext: PacketExt = {
    buffer,
    kind: type === 'xdp' ? 'xdp' : 'skb',
    changed: sync,
    ...(type === 'xdp' ? {} : { skb: skbMeta(packet) }),
  };
  return { ext, buffer };
}
