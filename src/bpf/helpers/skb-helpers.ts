/**
 * TC helpers that reshape an skb: VLAN tags, IPv4<->IPv6, room at the MAC/network layer, packet
 * type and flow hash. They follow the kernel's order of checks (same errno for the same mistake)
 * and move packet bytes the way the kernel's push/pull + memmove do (see PacketBuffer.push/pull).
 */
import { EFAULT, EINVAL, ENOMEM, ENOTSUPP } from '../maps/errno';
import { requireExt, type PacketExt, type SkbMeta } from './env-ext';
import { SKB, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const proto = (args: HelperProto['args']): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly: false,
  programTypes: SKB,
});

const EALREADY = 114;
const ETH_P_IP = 0x0800;
const ETH_P_IPV6 = 0x86dd;
const ETH_P_8021Q = 0x8100;
const ETH_P_8021AD = 0x88a8;
const MAC_ALEN2 = 12; // destination + source MAC: VLAN tags go right after them
const VLAN_HLEN = 4;
const IPV4_HLEN = 20;
const IPV6_HLEN = 40;
const MAC_HLEN = 14; // skb_mac_header_len under test runs (TC sees the frame from the MAC header)

/** The skb of this run, with its metadata. */
function skbOf(env: HelperEnv, helper: string): PacketExt & { skb: SkbMeta } {
  const ext = requireExt<PacketExt>(env, 'packet', helper);
  if (ext.skb === undefined) throw new Error(`${helper}: this run has no skb`);
  return ext as PacketExt & { skb: SkbMeta };
}

/** A __be16 argument as the program passed it (bpf_htons(...)): the host-order value. */
const be16 = (v: bigint) => {
  const x = Number(v & 0xffffn);
  return ((x & 0xff) << 8) | (x >> 8);
};
const isVlan = (protocol: number) => protocol === ETH_P_8021Q || protocol === ETH_P_8021AD;
const u16be = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);

function done(ext: PacketExt, status: number): bigint {
  ext.changed();
  return neg(-status);
}

/** __skb_vlan_pop: takes the tag after the MAC addresses out of the packet; protocol becomes the inner one. */
function popTag(ext: PacketExt & { skb: SkbMeta }): number | { tci: number } {
  const bytes = ext.buffer.bytes;
  if (bytes.length < MAC_HLEN + VLAN_HLEN) return -ENOMEM;
  const tci = u16be(bytes, MAC_ALEN2 + 2);
  const inner = u16be(bytes, MAC_ALEN2 + VLAN_HLEN);
  ext.buffer.pull(MAC_ALEN2, VLAN_HLEN);
  // vlan_set_encap_proto: an EtherType stays; a length field means 802.3 (kept simple: ETH_P_802_3).
  ext.skb.protocol = inner >= 0x0600 ? inner : 0x0001;
  return { tci };
}

function skbVlanPop(ext: PacketExt & { skb: SkbMeta }): number {
  const skb = ext.skb;
  if (skb.vlanPresent) {
    skb.vlanPresent = false;
    skb.vlanProto = skb.vlanTci = 0;
  } else {
    if (!isVlan(skb.protocol)) return 0;
    const popped = popTag(ext);
    if (typeof popped === 'number') return popped;
  }
  // The next tag in the packet, if any, moves into the skb's metadata.
  if (!isVlan(skb.protocol)) return 0;
  const proto = skb.protocol;
  const popped = popTag(ext);
  if (typeof popped === 'number') return popped;
  Object.assign(skb, { vlanPresent: true, vlanProto: proto, vlanTci: popped.tci });
  return 0;
}

/** skb_vlan_push: the new tag goes into the metadata; a tag already there moves into the packet. */
function skbVlanPush(ext: PacketExt & { skb: SkbMeta }, vlanProto: number, tci: number): number {
  const skb = ext.skb;
  if (skb.vlanPresent) {
    const status = ext.buffer.push(MAC_ALEN2, VLAN_HLEN);
    if (status !== 0) return status;
    const bytes = ext.buffer.bytes;
    bytes.set([skb.vlanProto >> 8, skb.vlanProto & 0xff, skb.vlanTci >> 8, skb.vlanTci & 0xff], MAC_ALEN2);
    skb.protocol = skb.vlanProto;
  }
  Object.assign(skb, { vlanPresent: true, vlanProto, vlanTci: tci });
  return 0;
}

/** bpf_skb_change_proto: IPv4 <-> IPv6 only, by opening/closing 20 bytes after the MAC header. */
function changeProto(ext: PacketExt & { skb: SkbMeta }, to: number): number {
  const from = ext.skb.protocol;
  let status: number;
  if (from === ETH_P_IP && to === ETH_P_IPV6) status = ext.buffer.push(MAC_HLEN, IPV6_HLEN - IPV4_HLEN);
  else if (from === ETH_P_IPV6 && to === ETH_P_IP) status = ext.buffer.pull(MAC_HLEN, IPV6_HLEN - IPV4_HLEN);
  else return -ENOTSUPP;
  if (status !== 0) return status;
  ext.skb.protocol = to;
  ext.skb.hash = 0;
  return 0;
}

const ADJ_ROOM_MAC = 1n;
const ADJ_ROOM_NET = 0n;
const F_ENCAP_L3_IPV4 = 1n << 1n;
const F_ENCAP_L3_IPV6 = 1n << 2n;
const F_ENCAP_L3 = F_ENCAP_L3_IPV4 | F_ENCAP_L3_IPV6;
const F_ENCAP_L4_GRE = 1n << 3n;
const F_ENCAP_L4_UDP = 1n << 4n;
const F_NO_CSUM_RESET = 1n << 5n;
const F_ENCAP_L2_ETH = 1n << 6n;
const F_DECAP_L3_IPV4 = 1n << 7n;
const F_DECAP_L3_IPV6 = 1n << 8n;
const F_DECAP_L3 = F_DECAP_L3_IPV4 | F_DECAP_L3_IPV6;
const F_FIXED_GSO = 1n;
const F_ENCAP_L2_LEN = 0xffn << 56n;
const ADJ_ROOM_FLAGS =
  F_FIXED_GSO | F_ENCAP_L3 | F_ENCAP_L4_GRE | F_ENCAP_L4_UDP | F_ENCAP_L2_ETH | F_ENCAP_L2_LEN | F_DECAP_L3;
/** BPF_SKB_MAX_LEN: an order-2 allocation minus struct skb_shared_info. */
const SKB_MAX_LEN = 16384 - 320;

const netBaseLen = (protocol: number) => (protocol === ETH_P_IP ? IPV4_HLEN : protocol === ETH_P_IPV6 ? IPV6_HLEN : 0);

/** bpf_skb_adjust_room(skb, len_diff, mode, flags). */
function adjustRoom(ext: PacketExt & { skb: SkbMeta }, diff: number, mode: bigint, flags: bigint): number {
  const skb = ext.skb;
  const abs = Math.abs(diff);
  const shrink = diff < 0;
  if ((flags & ~(ADJ_ROOM_FLAGS | F_NO_CSUM_RESET)) !== 0n) return -EINVAL;
  if (abs > 0xfff) return -EFAULT;
  if (skb.protocol !== ETH_P_IP && skb.protocol !== ETH_P_IPV6) return -ENOTSUPP;
  if (mode !== ADJ_ROOM_MAC && mode !== ADJ_ROOM_NET) return -ENOTSUPP;
  const at = MAC_HLEN + (mode === ADJ_ROOM_NET ? netBaseLen(skb.protocol) : 0);
  let lenMin = netBaseLen(skb.protocol);
  if ((flags & F_DECAP_L3) !== 0n) {
    if (!shrink) return -EINVAL;
    if ((flags & F_DECAP_L3) === F_DECAP_L3_IPV4) lenMin = IPV4_HLEN;
    else if ((flags & F_DECAP_L3) === F_DECAP_L3_IPV6) lenMin = IPV6_HLEN;
    else return -EINVAL;
  }
  const lenCur = ext.buffer.length - MAC_HLEN;
  if (shrink ? abs >= lenCur || lenCur - abs < lenMin : ext.buffer.length + abs > SKB_MAX_LEN) return -ENOTSUPP;
  return shrink ? shrinkRoom(ext, at, abs, flags) : growRoom(ext, at, abs, flags);
}

function growRoom(ext: PacketExt & { skb: SkbMeta }, at: number, length: number, flags: bigint): number {
  const skb = ext.skb;
  if ((flags & F_ENCAP_L3) !== 0n) {
    if ((flags & F_ENCAP_L3) === F_ENCAP_L3) return -EINVAL;
    if ((flags & F_ENCAP_L4_GRE) !== 0n && (flags & F_ENCAP_L4_UDP) !== 0n) return -EINVAL;
    const innerMacLen = Number(flags >> 56n);
    if ((flags & F_ENCAP_L2_ETH) !== 0n && innerMacLen < MAC_HLEN) return -EINVAL;
    if (skb.encapsulated === true) return -EALREADY;
    if (innerMacLen > length) return -EINVAL;
  }
  const status = ext.buffer.push(at, length);
  if (status !== 0) return status;
  if ((flags & F_ENCAP_L3) !== 0n) {
    skb.encapsulated = true;
    if (skb.protocol === ETH_P_IP && (flags & F_ENCAP_L3_IPV6) !== 0n) skb.protocol = ETH_P_IPV6;
    else if (skb.protocol === ETH_P_IPV6 && (flags & F_ENCAP_L3_IPV4) !== 0n) skb.protocol = ETH_P_IP;
  }
  return 0;
}

function shrinkRoom(ext: PacketExt & { skb: SkbMeta }, at: number, length: number, flags: bigint): number {
  if ((flags & ~(F_FIXED_GSO | F_DECAP_L3 | F_NO_CSUM_RESET)) !== 0n) return -EINVAL;
  if (at + length > ext.buffer.length) return -ENOMEM;
  const status = ext.buffer.pull(at, length);
  if (status !== 0) return status;
  if ((flags & F_DECAP_L3_IPV4) !== 0n) ext.skb.protocol = ETH_P_IP;
  else if ((flags & F_DECAP_L3_IPV6) !== 0n) ext.skb.protocol = ETH_P_IPV6;
  return 0;
}

/**
 * The flow hash get_hash_recalc computes when the skb has none. The kernel keys its hash with a
 * random boot-time secret, so its values cannot be reproduced; this one is deterministic, nonzero
 * and the same for every packet of a flow (FNV-1a over the bytes after the MAC header that a flow
 * dissector would look at: the IP header's addresses and protocol, and the first 4 L4 bytes).
 */
function flowHash(ext: PacketExt & { skb: SkbMeta }): number {
  const bytes = ext.buffer.bytes;
  const ip = bytes.subarray(MAC_HLEN);
  let key: Uint8Array;
  if (ext.skb.protocol === ETH_P_IP && ip.length >= IPV4_HLEN) {
    const l4 = ((ip[0] ?? 0) & 0xf) * 4;
    key = Uint8Array.from([ip[9] ?? 0, ...ip.subarray(12, 20), ...ip.subarray(l4, l4 + 4)]);
  } else if (ext.skb.protocol === ETH_P_IPV6 && ip.length >= IPV6_HLEN) {
    key = Uint8Array.from([ip[6] ?? 0, ...ip.subarray(8, 40), ...ip.subarray(40, 44)]);
  } else key = new Uint8Array(0);
  let h = 0x811c9dc5;
  for (const b of key) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h === 0 ? 1 : h;
}

export const SKB_HELPERS: HelperDef[] = [
  {
    id: 18,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING']),
    /** skb_vlan_push(skb, vlan_proto, vlan_tci): a vlan_proto other than 802.1Q/802.1ad means 802.1Q. */
    impl: (env, _r1, r2, r3) => {
      const ext = skbOf(env, 'bpf_skb_vlan_push');
      const vlanProto = isVlan(be16(r2)) ? be16(r2) : ETH_P_8021Q;
      return done(ext, skbVlanPush(ext, vlanProto, Number(r3 & 0xffffn)));
    },
  },
  {
    id: 19,
    proto: proto(['ARG_PTR_TO_CTX']),
    impl: (env) => {
      const ext = skbOf(env, 'bpf_skb_vlan_pop');
      return done(ext, skbVlanPop(ext));
    },
  },
  {
    id: 31,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING']),
    /** skb_change_proto(skb, proto, flags): the program rewrites the headers itself afterwards. */
    impl: (env, _r1, r2, r3) => {
      if (r3 !== 0n) return neg(EINVAL);
      const ext = skbOf(env, 'bpf_skb_change_proto');
      return done(ext, changeProto(ext, be16(r2)));
    },
  },
  {
    id: 32,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING']),
    /** skb_change_type(skb, type): only between PACKET_HOST .. PACKET_OTHERHOST (0..3). */
    impl: (env, _r1, r2) => {
      const { skb } = skbOf(env, 'bpf_skb_change_type');
      const type = BigInt.asUintN(32, r2);
      if (skb.pktType > 3 || type > 3n) return neg(EINVAL);
      skb.pktType = Number(type);
      return 0n;
    },
  },
  {
    id: 34,
    proto: proto(['ARG_PTR_TO_CTX']),
    /** get_hash_recalc(skb): skb->hash, computed (and kept) when the skb has none. */
    impl: (env) => {
      const ext = skbOf(env, 'bpf_get_hash_recalc');
      if (ext.skb.hash === 0) ext.skb.hash = flowHash(ext);
      return BigInt(ext.skb.hash);
    },
  },
  {
    id: 50,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING']),
    /** skb_adjust_room(skb, len_diff, mode, flags): BPF_ADJ_ROOM_NET (0) or BPF_ADJ_ROOM_MAC (1). */
    impl: (env, _r1, r2, r3, r4) => {
      const ext = skbOf(env, 'bpf_skb_adjust_room');
      return done(ext, adjustRoom(ext, Number(BigInt.asIntN(32, r2)), BigInt.asUintN(32, r3), r4));
    },
  },
];
