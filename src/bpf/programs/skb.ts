/**
 * Socket filters and TC classifiers: struct __sk_buff as BPF_PROG_TEST_RUN fills it on Linux 6.18
 * (every value below is checked by tests/kernel/vm-ctx.test.ts).
 *
 * test_run builds an skb from the frame, runs eth_type_trans() (which sets protocol and pkt_type
 * and pulls the 14-byte Ethernet header) and, for TC programs only, pushes the header back. So a
 * socket filter sees len = frame - 14 and LD_ABS offset 0 at the IP header, while TC sees the frame.
 */
import type { Vm } from '../vm';
import { bswap16 } from '../vm/int64';
import { type CtxField, type FieldAccess, field, type FieldValues, structBytes, tableHandler } from './ctx-fields';
import type { PacketContext } from './xdp';

export type SkbProgramKind = 'socket_filter' | 'tc';

export const SK_BUFF_SIZE = 192;
export const ETH_HLEN = 14;

/** What one test_run skb is made of, from which field values are computed. */
interface SkbFacts {
  readonly kind: SkbProgramKind;
  readonly frame: Uint8Array;
  readonly data: bigint;
}

interface SkbFieldDef {
  readonly field: CtxField;
  readonly socket: FieldAccess | null;
  readonly tc: FieldAccess | null;
  readonly value: (s: SkbFacts) => bigint;
}

const zero = (): bigint => 0n;
const def = (
  name: string,
  offset: number,
  meaning: string,
  socket: FieldAccess | null,
  tc: FieldAccess | null,
  value: (s: SkbFacts) => bigint = zero,
  opts: { size?: 4 | 8; pointer?: boolean } = {},
): SkbFieldDef => ({ field: field(name, offset, meaning, { ...opts, access: 'read' }), socket, tc, value });

/** PACKET_HOST 0 when the destination is lo's address (all zero), MULTICAST 2, else OTHERHOST 3. */
function pktType(frame: Uint8Array): bigint {
  if ((frame[0]! & 1) !== 0) return 2n; // lo's broadcast address is all zero, so ff:ff:.. counts as multicast
  return frame.subarray(0, 6).every((b) => b === 0) ? 0n : 3n;
}

const etherType = (frame: Uint8Array): number => (frame[12]! << 8) | frame[13]!;

export const SK_BUFF_FIELDS: readonly SkbFieldDef[] = [
  def('len', 0, 'bytes from skb->data: frame - 14 for socket filters, the frame for TC', 'read', 'read', (s) =>
    BigInt(s.frame.length - (s.kind === 'tc' ? 0 : ETH_HLEN)),
  ),
  def('pkt_type', 4, 'from the destination MAC as eth_type_trans() on lo decides', 'read', 'read', (s) =>
    pktType(s.frame),
  ),
  def('mark', 8, 'packet mark: 0', 'read', 'read-write'),
  def('queue_mapping', 12, 'tx queue: 0', 'read', 'read-write'),
  def('protocol', 16, 'EtherType in network byte order (0x0008 for IPv4)', 'read', 'read', (s) =>
    BigInt(bswap16(etherType(s.frame))),
  ),
  def('vlan_present', 20, '0', 'read', 'read'),
  def('vlan_tci', 24, '0', 'read', 'read'),
  def('vlan_proto', 28, '0', 'read', 'read'),
  def('priority', 32, '0', 'read', 'read-write'),
  def('ingress_ifindex', 36, '0 (test_run does not set skb_iif)', 'read', 'read'),
  def('ifindex', 40, 'device: 1 (lo)', 'read', 'read', () => 1n),
  def('tc_index', 44, '0', 'read', 'read-write'),
  ...[0, 1, 2, 3, 4].map((i) => def(`cb[${i}]`, 48 + 4 * i, 'scratch for programs: 0', 'read-write', 'read-write')),
  def('hash', 68, '0', 'read', 'read'),
  def('tc_classid', 72, '0 (TC only)', null, 'read-write'),
  def('data', 76, 'start of the frame (TC only)', null, 'read', (s) => s.data, { pointer: true }),
  def('data_end', 80, 'end of the frame (TC only)', null, 'read', (s) => s.data + BigInt(s.frame.length), {
    pointer: true,
  }),
  def('napi_id', 84, '0', 'read', 'read'),
  def('data_meta', 140, 'equals data (TC only)', null, 'read', (s) => s.data, { pointer: true }),
  def('tstamp', 152, '0 (TC only)', null, 'read-write', zero, { size: 8 }),
  def('wire_len', 160, '0 (TC only)', null, 'read'),
  def('gso_segs', 164, '0', 'read', 'read'),
  def('gso_size', 176, '0', 'read', 'read'),
  def('hwtstamp', 184, '0 (TC only)', null, 'read', zero, { size: 8 }),
];

/** The fields one kind of program may access, with that kind's permissions. */
export function skbFieldsFor(kind: SkbProgramKind): CtxField[] {
  return SK_BUFF_FIELDS.flatMap((d) => {
    const access = kind === 'tc' ? d.tc : d.socket;
    return access === null ? [] : [{ ...d.field, access }];
  });
}

/** __sk_buff as test_run fills it for `frame`, whose first byte is at guest address `data`. */
export function skbValues(kind: SkbProgramKind, frame: Uint8Array, data: bigint): FieldValues {
  const facts: SkbFacts = { kind, frame, data };
  return new Map(
    SK_BUFF_FIELDS.filter((d) => (kind === 'tc' ? d.tc : d.socket) !== null).map((d) => [d.field.name, d.value(facts)]),
  );
}

/**
 * Maps the frame and an __sk_buff for it; sets r1 and the VM's LD_ABS/LD_IND packet. Throws when
 * the frame is shorter than an Ethernet header (test_run refuses those with EINVAL).
 */
export function setupSkb(vm: Vm, kind: SkbProgramKind, frame: Uint8Array): PacketContext {
  if (frame.length < ETH_HLEN) throw new Error(`an skb needs at least ${ETH_HLEN} bytes (an Ethernet header)`);
  const bytes = frame.slice();
  const data = vm.mem.map('packet', 'packet', bytes, kind === 'tc');
  const fields = skbFieldsFor(kind);
  const values = skbValues(kind, bytes, data);
  const image = structBytes(SK_BUFF_SIZE, fields, values);
  const table = tableHandler('__sk_buff', fields, values, image);
  const ctx = vm.mem.mapCtx('__sk_buff', image, table);
  vm.setReg(1, ctx);
  vm.legacyPacketId = vm.mem.idOf(data)!;
  vm.legacyDataOffset = kind === 'tc' ? 0 : ETH_HLEN;
  vm.legacyNetworkOffset = ETH_HLEN;
  const packetOut = (): Uint8Array => {
    const out = vm.mem.bytes[vm.legacyPacketId]!.slice();
    // test_run pushes the pulled Ethernet header back for non-L2 programs as zeroes (memset).
    if (kind === 'socket_filter') out.fill(0, 0, ETH_HLEN);
    return out;
  };
  return { ctx, values, table, packetOut };
}
