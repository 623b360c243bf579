/**
 * The skb metadata packet helpers change (protocol, VLAN tag, pkt_type, hash), kept in step with
 * the __sk_buff context: in the kernel a context load reads the skb itself, so a program sees
 * skb_vlan_push/pop, skb_change_proto, skb_change_type and get_hash_recalc at once (checked by
 * tests/kernel-diff/corpus/tc_ctx_after_helpers.c). Every assignment here is written through to
 * the context field; the runner puts the fields back before the next packet.
 */
import type { SkbMeta } from '../helpers';
import type { CtxTable } from '../programs';
import { bswap16 } from '../vm/int64';

/** Metadata of a fresh test_run skb whose context `table` holds the packet's initial values. */
export function liveSkbMeta(table: CtxTable, values: ReadonlyMap<string, bigint>): SkbMeta {
  // The context holds protocol and vlan_proto as loaded from the skb's __be16: byte-swapped.
  const state = {
    protocol: bswap16(Number(values.get('protocol') ?? 0n)),
    pktType: Number(values.get('pkt_type') ?? 0n),
    hash: Number(values.get('hash') ?? 0n),
    vlanPresent: (values.get('vlan_present') ?? 0n) !== 0n,
    vlanProto: bswap16(Number(values.get('vlan_proto') ?? 0n)),
    vlanTci: Number(values.get('vlan_tci') ?? 0n),
  };
  const meta: SkbMeta = {
    get protocol() {
      return state.protocol;
    },
    set protocol(v: number) {
      state.protocol = v;
      table.set('protocol', BigInt(bswap16(v)));
    },
    get pktType() {
      return state.pktType;
    },
    set pktType(v: number) {
      state.pktType = v;
      table.set('pkt_type', BigInt(v));
    },
    get hash() {
      return state.hash;
    },
    set hash(v: number) {
      state.hash = v;
      table.set('hash', BigInt(v >>> 0));
    },
    get vlanPresent() {
      return state.vlanPresent;
    },
    set vlanPresent(v: boolean) {
      state.vlanPresent = v;
      table.set('vlan_present', v ? 1n : 0n);
    },
    get vlanProto() {
      return state.vlanProto;
    },
    set vlanProto(v: number) {
      state.vlanProto = v;
      table.set('vlan_proto', BigInt(bswap16(v)));
    },
    get vlanTci() {
      return state.vlanTci;
    },
    set vlanTci(v: number) {
      state.vlanTci = v;
      table.set('vlan_tci', BigInt(v));
    },
  };
  return meta;
}
