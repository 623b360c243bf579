/** XDP head/tail/meta adjustment, skb byte access, checksums and redirect. */
import { EFAULT, EINVAL } from '../maps/errno';
import { requireExt, type PacketExt } from './env-ext';
import { SKB, SKB_AND_XDP, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const packet = (env: HelperEnv, helper: string) => requireExt<PacketExt>(env, 'packet', helper);
const proto = (args: HelperProto['args'], programTypes: HelperProto['programTypes']): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly: false,
  programTypes,
});
const s32 = (v: bigint) => Number(BigInt.asIntN(32, v));

function adjusted(ext: PacketExt, status: number): bigint {
  if (status === 0) ext.changed();
  return neg(-status);
}

function fold(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return s;
}

/** Incremental checksum update (RFC 1624) of the 16-bit field at `offset`, from -> to. */
function replaceChecksum(data: Uint8Array, offset: number, from: number, to: number, size: number): void {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const old = dv.getUint16(offset);
  const mask = size === 4 ? 0xffffffff : 0xffff;
  const f = from & mask;
  const t = to & mask;
  let sum = ~old & 0xffff;
  sum += size === 4 ? (~f >>> 16) + (~f & 0xffff) + (t >>> 16) + (t & 0xffff) : (~f & 0xffff) + t;
  dv.setUint16(offset, ~fold(sum) & 0xffff);
}

export const PACKET_HELPERS: HelperDef[] = [
  {
    id: 44,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], ['xdp']),
    impl: (env, _r1, r2) =>
      adjusted(packet(env, 'bpf_xdp_adjust_head'), packet(env, 'bpf_xdp_adjust_head').buffer.adjustHead(s32(r2))),
  },
  {
    id: 54,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], ['xdp']),
    impl: (env, _r1, r2) =>
      adjusted(packet(env, 'bpf_xdp_adjust_meta'), packet(env, 'bpf_xdp_adjust_meta').buffer.adjustMeta(s32(r2))),
  },
  {
    id: 65,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], ['xdp']),
    impl: (env, _r1, r2) =>
      adjusted(packet(env, 'bpf_xdp_adjust_tail'), packet(env, 'bpf_xdp_adjust_tail').buffer.adjustTail(s32(r2))),
  },
  {
    id: 26,
    proto: proto(
      ['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE'],
      [...SKB, 'socket_filter', 'cgroup_skb'],
    ),
    /** skb_load_bytes(skb, offset, to, len): -EFAULT (and a zeroed buffer) when out of range. */
    impl: (env, _r1, r2, r3, r4) => {
      const data = packet(env, 'bpf_skb_load_bytes').buffer.bytes;
      const out = env.mem.view(r3, Number(r4), true);
      const offset = Number(BigInt.asUintN(32, r2));
      if (offset > 0xffff || offset + out.length > data.length) {
        out.fill(0);
        return neg(EFAULT);
      }
      out.set(data.subarray(offset, offset + out.length));
      return 0n;
    },
  },
  {
    id: 9,
    proto: proto(
      ['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_MEM|MEM_RDONLY', 'ARG_CONST_SIZE', 'ARG_ANYTHING'],
      SKB,
    ),
    /** skb_store_bytes(skb, offset, from, len, flags): flags may hold BPF_F_RECOMPUTE_CSUM|BPF_F_INVALIDATE_HASH. */
    impl: (env, _r1, r2, r3, r4, r5) => {
      if ((r5 & ~3n) !== 0n) return neg(EINVAL);
      const ext = packet(env, 'bpf_skb_store_bytes');
      const data = ext.buffer.bytes;
      const offset = Number(BigInt.asUintN(32, r2));
      if (offset > 0xffff || offset + Number(r4) > data.length) return neg(EFAULT);
      data.set(env.mem.view(r3, Number(r4), false), offset);
      if ((r5 & 2n) !== 0n && ext.skb) ext.skb.hash = 0;
      return 0n;
    },
  },
  {
    id: 28,
    proto: proto(
      [
        'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
        'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
        'ARG_ANYTHING',
      ],
      SKB_AND_XDP,
    ),
    /** csum_diff(from, from_size, to, to_size, seed): 32-bit unfolded ones'-complement sums. */
    impl: (env, r1, r2, r3, r4, r5) => {
      if (r2 % 4n !== 0n || r4 % 4n !== 0n || r2 > 512n || r4 > 512n) return neg(EINVAL);
      const read = (addr: bigint, size: bigint) =>
        size === 0n ? new Uint8Array(0) : env.mem.view(addr, Number(size), false);
      // Word sums in the CPU's (little-endian) view, as csum_partial computes them.
      const words = (bytes: Uint8Array) => {
        let s = 0n;
        for (let i = 0; i < bytes.length; i += 4)
          s += BigInt(new DataView(bytes.buffer, bytes.byteOffset + i, 4).getUint32(0, true));
        return s;
      };
      const notWords = (bytes: Uint8Array) => {
        let s = 0n;
        for (let i = 0; i < bytes.length; i += 4)
          s += BigInt(~new DataView(bytes.buffer, bytes.byteOffset + i, 4).getUint32(0, true) >>> 0);
        return s;
      };
      let sum = notWords(read(r1, r2)) + words(read(r3, r4)) + BigInt.asUintN(32, r5);
      while (sum > 0xffffffffn) sum = (sum & 0xffffffffn) + (sum >> 32n);
      return sum;
    },
  },
  {
    id: 10,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING'], SKB),
    /** l3_csum_replace(skb, offset, from, to, size): size 2 or 4 (flags low bits). */
    impl: (env, _r1, r2, r3, r4, r5) => {
      const size = Number(r5 & 0xfn);
      if ((r5 & ~0xfn) !== 0n || (size !== 2 && size !== 4)) return neg(EINVAL);
      const data = packet(env, 'bpf_l3_csum_replace').buffer.bytes;
      const offset = Number(BigInt.asUintN(32, r2));
      if (offset + 2 > data.length) return neg(EFAULT);
      replaceChecksum(data, offset, Number(BigInt.asUintN(32, r3)), Number(BigInt.asUintN(32, r4)), size);
      return 0n;
    },
  },
  {
    id: 11,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING', 'ARG_ANYTHING'], SKB),
    /** l4_csum_replace: flags BPF_F_PSEUDO_HDR (0x10), BPF_F_MARK_MANGLED_0 (0x20), size in the low 4 bits. */
    impl: (env, _r1, r2, r3, r4, r5) => {
      const size = Number(r5 & 0xfn);
      if ((r5 & ~0x7fn) !== 0n || (size !== 0 && size !== 2 && size !== 4)) return neg(EINVAL);
      const data = packet(env, 'bpf_l4_csum_replace').buffer.bytes;
      const offset = Number(BigInt.asUintN(32, r2));
      if (offset + 2 > data.length) return neg(EFAULT);
      const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if ((r5 & 0x20n) !== 0n && dv.getUint16(offset) === 0) return 0n;
      if (size === 0) {
        // from = 0, to = a precomputed csum_diff: fold it into the field.
        const sum =
          (~dv.getUint16(offset) & 0xffff) +
          fold(Number(BigInt.asUintN(32, r4) & 0xffffn) + Number(BigInt.asUintN(32, r4) >> 16n));
        dv.setUint16(offset, ~fold(sum) & 0xffff);
      } else replaceChecksum(data, offset, Number(BigInt.asUintN(32, r3)), Number(BigInt.asUintN(32, r4)), size);
      if ((r5 & 0x20n) !== 0n && dv.getUint16(offset) === 0) dv.setUint16(offset, 0xffff);
      return 0n;
    },
  },
  {
    id: 23,
    proto: proto(['ARG_ANYTHING', 'ARG_ANYTHING'], SKB_AND_XDP),
    /** bpf_redirect(ifindex, flags): records the target; returns XDP_REDIRECT (4) or TC_ACT_REDIRECT (7). */
    impl: (env, r1, r2) => {
      const ext = packet(env, 'bpf_redirect');
      if (ext.kind === 'xdp' ? r2 !== 0n : (r2 & ~1n) !== 0n) return ext.kind === 'xdp' ? 0n : 2n;
      ext.redirect = { ifindex: Number(BigInt.asUintN(32, r1)), flags: r2 };
      return ext.kind === 'xdp' ? 4n : 7n;
    },
  },
];
