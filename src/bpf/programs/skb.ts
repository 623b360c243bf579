/**
 * Socket filters, TC classifiers and cgroup_skb programs: struct __sk_buff as BPF_PROG_TEST_RUN
 * fills it on Linux 6.18 (every value below is checked by tests/kernel/vm-ctx.test.ts and, for
 * cgroup_skb, by the cgskb_* programs of tests/kernel-diff/corpus).
 *
 * test_run builds an skb from the frame, runs eth_type_trans() (which sets protocol and pkt_type
 * and pulls the 14-byte Ethernet header) and, for TC programs only, pushes the header back. So a
 * socket filter or cgroup_skb program sees len = frame - 14 and skb->data (LD_ABS offset 0) at the
 * IP header, while TC sees the frame.
 */
import type { Vm } from '../vm';
import { bswap16 } from '../vm/int64';
import { type CtxField, type FieldAccess, field, type FieldValues, structBytes, tableHandler } from './ctx-fields';
import { ETH_HLEN, etherType, ipv4Address, ipv6AddressWord, pktType, socketFamily } from './skb-facts';
import type { PacketContext } from './xdp';

export { ETH_HLEN } from './skb-facts';

export type SkbProgramKind = 'socket_filter' | 'tc' | 'cgroup_skb';

export const SK_BUFF_SIZE = 192;

/** What one test_run skb is made of, from which field values are computed. */
interface SkbFacts {
  readonly kind: SkbProgramKind;
  readonly frame: Uint8Array;
  /** Guest address of the frame's first byte (the Ethernet header). */
  readonly frameStart: bigint;
}

interface SkbFieldDef {
  readonly field: CtxField;
  readonly socket: FieldAccess | null;
  readonly tc: FieldAccess | null;
  /** cgroup_skb's permission (cg_skb_is_valid_access): a socket filter's unless stated. */
  readonly cgroup: FieldAccess | null;
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
  opts: { size?: 4 | 8; pointer?: boolean; cgroup?: FieldAccess | null } = {},
): SkbFieldDef => ({
  field: field(name, offset, meaning, { ...opts, access: 'read' }),
  socket,
  tc,
  cgroup: opts.cgroup === undefined ? socket : opts.cgroup,
  value,
});

/** skb->data: the frame for TC, past the pulled Ethernet header for the others. */
const dataStart = (s: SkbFacts): bigint => s.frameStart + BigInt(s.kind === 'tc' ? 0 : ETH_HLEN);
const RW = { cgroup: 'read-write' } as const;

/** A field of the test_run skb's socket: only cgroup_skb programs may read those (skb-facts.ts). */
const socketField = (name: string, offset: number, meaning: string, value: (s: SkbFacts) => bigint): SkbFieldDef =>
  def(name, offset, meaning, null, null, value, { cgroup: 'read' });

const SOCKET_FIELDS: readonly SkbFieldDef[] = [
  socketField('family', 88, 'AF_INET 2 / AF_INET6 10 from the EtherType, else 0', (s) => socketFamily(s.frame)),
  socketField('remote_ip4', 92, 'IPv4 destination', (s) => ipv4Address(s.frame, 'remote')),
  socketField('local_ip4', 96, 'IPv4 source', (s) => ipv4Address(s.frame, 'local')),
  ...[0, 1, 2, 3].map((i) =>
    socketField(`remote_ip6[${i}]`, 100 + 4 * i, 'IPv6 destination', (s) => ipv6AddressWord(s.frame, 'remote', i)),
  ),
  ...[0, 1, 2, 3].map((i) =>
    socketField(`local_ip6[${i}]`, 116 + 4 * i, 'IPv6 source', (s) => ipv6AddressWord(s.frame, 'local', i)),
  ),
  socketField('remote_port', 132, '0 (test_run sets no ports)', zero),
  socketField('local_port', 136, '0 (test_run sets no ports)', zero),
];

export const SK_BUFF_FIELDS: readonly SkbFieldDef[] = [
  def('len', 0, 'bytes from skb->data: the frame for TC, frame - 14 for the others', 'read', 'read', (s) =>
    BigInt(s.frame.length - (s.kind === 'tc' ? 0 : ETH_HLEN)),
  ),
  def('pkt_type', 4, 'from the destination MAC as eth_type_trans() on lo decides', 'read', 'read', (s) =>
    pktType(s.frame),
  ),
  def('mark', 8, 'packet mark: 0', 'read', 'read-write', zero, RW),
  def('queue_mapping', 12, 'tx queue: 0', 'read', 'read-write'),
  def('protocol', 16, 'EtherType in network byte order (0x0008 for IPv4)', 'read', 'read', (s) =>
    BigInt(bswap16(etherType(s.frame))),
  ),
  def('vlan_present', 20, '0', 'read', 'read'),
  def('vlan_tci', 24, '0', 'read', 'read'),
  def('vlan_proto', 28, '0', 'read', 'read'),
  def('priority', 32, '0', 'read', 'read-write', zero, RW),
  def('ingress_ifindex', 36, '0 (test_run does not set skb_iif)', 'read', 'read'),
  def('ifindex', 40, 'device: 1 (lo)', 'read', 'read', () => 1n),
  def('tc_index', 44, '0', 'read', 'read-write'),
  ...[0, 1, 2, 3, 4].map((i) => def(`cb[${i}]`, 48 + 4 * i, 'scratch for programs: 0', 'read-write', 'read-write')),
  def('hash', 68, '0', 'read', 'read'),
  def('tc_classid', 72, '0 (TC only)', null, 'read-write'),
  def('data', 76, 'skb->data (not for socket filters)', null, 'read', dataStart, { pointer: true, cgroup: 'read' }),
  def('data_end', 80, 'end of the frame', null, 'read', (s) => s.frameStart + BigInt(s.frame.length), {
    pointer: true,
    cgroup: 'read',
  }),
  def('napi_id', 84, '0', 'read', 'read'),
  ...SOCKET_FIELDS,
  def('data_meta', 140, 'equals data (TC only)', null, 'read', dataStart, { pointer: true }),
  def('tstamp', 152, '0 (TC, cgroup_skb)', null, 'read-write', zero, { size: 8, cgroup: 'read-write' }),
  def('wire_len', 160, '0 (TC only)', null, 'read'),
  def('gso_segs', 164, '0', 'read', 'read'),
  def('gso_size', 176, '0', 'read', 'read'),
  def('hwtstamp', 184, '0 (TC, cgroup_skb)', null, 'read', zero, { size: 8, cgroup: 'read' }),
];

const accessFor = (kind: SkbProgramKind, d: SkbFieldDef): FieldAccess | null =>
  kind === 'tc' ? d.tc : kind === 'cgroup_skb' ? d.cgroup : d.socket;

/** The fields one kind of program may access, with that kind's permissions. */
export function skbFieldsFor(kind: SkbProgramKind): CtxField[] {
  return SK_BUFF_FIELDS.flatMap((d) => {
    const access = accessFor(kind, d);
    return access === null ? [] : [{ ...d.field, access }];
  });
}

/** __sk_buff as test_run fills it for `frame`, whose first byte is at guest address `frameStart`. */
export function skbValues(kind: SkbProgramKind, frame: Uint8Array, frameStart: bigint): FieldValues {
  const facts: SkbFacts = { kind, frame, frameStart };
  return new Map(SK_BUFF_FIELDS.filter((d) => accessFor(kind, d) !== null).map((d) => [d.field.name, d.value(facts)]));
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
    if (kind !== 'tc') out.fill(0, 0, ETH_HLEN);
    return out;
  };
  return { ctx, values, table, packetOut };
}
