/**
 * Helpers that reach or resize the packet's linear data: bpf_skb_pull_data, bpf_skb_change_tail,
 * bpf_skb_change_head (TC), and bpf_xdp_get_buff_len, bpf_xdp_load_bytes, bpf_xdp_store_bytes
 * (XDP). Return codes measured on Linux 6.18 (tests/kernel-diff/corpus/tc_pull_change.c and
 * xdp_buff_bytes.c). The simulator's skb never reallocates: growing past its frame (256 bytes of
 * headroom, a page in all) fails with the error the frame gives, where the kernel would copy.
 */
import { EFAULT, EINVAL, ENOMEM } from '../maps/errno';
import { requireExt, type PacketExt } from './env-ext';
import { SKB, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const u32 = (v: bigint) => Number(BigInt.asUintN(32, v));
const proto = (args: HelperProto['args'], programTypes: HelperProto['programTypes']): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly: false,
  programTypes,
});
/** BPF_SKB_MAX_LEN: the largest skb change_head/change_tail may make. */
const SKB_MAX_LEN = 65535;

function packet(env: HelperEnv, helper: string): PacketExt {
  return requireExt<PacketExt>(env, 'packet', helper);
}

/** A status from the packet buffer; on success the runner refreshes data pointers and len. */
function resized(ext: PacketExt, status: number): bigint {
  if (status === 0) ext.changed();
  return neg(-status);
}

/**
 * The XDP byte range [offset, offset + len) of the packet: offsets or lengths above 0xffff are
 * -EFAULT, a range past the end -EINVAL (and the program's buffer is left as it was).
 */
function xdpRange(env: HelperEnv, helper: string, offset: bigint, len: bigint): Uint8Array | bigint {
  if (u32(offset) > 0xffff || len > 0xffffn) return neg(EFAULT);
  const data = packet(env, helper).buffer.bytes;
  const start = u32(offset);
  if (start + Number(len) > data.length) return neg(EINVAL);
  return data.subarray(start, start + Number(len));
}

export const LINEAR_DATA_HELPERS: HelperDef[] = [
  {
    id: 39,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING'], SKB),
    /** skb_pull_data(skb, len): makes `len` bytes (0: the head) linear; the skb is linear already. */
    impl: (env, _r1, r2) => {
      const ext = packet(env, 'bpf_skb_pull_data');
      return resized(ext, u32(r2) > ext.buffer.length ? -ENOMEM : 0);
    },
  },
  {
    id: 38,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING'], SKB),
    /** skb_change_tail(skb, new_len, flags): grown bytes are zeroed; at least the 14-byte MAC header stays. */
    impl: (env, _r1, r2, r3) => {
      const ext = packet(env, 'bpf_skb_change_tail');
      const newLen = u32(r2);
      if (r3 !== 0n || newLen > SKB_MAX_LEN) return neg(EINVAL);
      return resized(ext, ext.buffer.adjustTail(newLen - ext.buffer.length));
    },
  },
  {
    id: 43,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_ANYTHING'], SKB),
    /** skb_change_head(skb, head_room, flags): zeroed room in front of the MAC header. */
    impl: (env, _r1, r2, r3) => {
      const ext = packet(env, 'bpf_skb_change_head');
      const room = u32(r2);
      if (r3 !== 0n || ext.buffer.length + room > SKB_MAX_LEN) return neg(EINVAL);
      return resized(ext, ext.buffer.push(0, room));
    },
  },
  {
    id: 188,
    proto: proto(['ARG_PTR_TO_CTX'], ['xdp']),
    /** xdp_get_buff_len(xdp): data to data_end (metadata not counted; no fragments here). */
    impl: (env) => BigInt(packet(env, 'bpf_xdp_get_buff_len').buffer.length),
  },
  {
    id: 189,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE'], ['xdp']),
    impl: (env, _r1, r2, r3, r4) => {
      const range = xdpRange(env, 'bpf_xdp_load_bytes', r2, r4);
      if (typeof range === 'bigint') return range;
      env.mem.view(r3, range.length, true).set(range);
      return 0n;
    },
  },
  {
    id: 190,
    proto: proto(['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_MEM|MEM_RDONLY', 'ARG_CONST_SIZE'], ['xdp']),
    impl: (env, _r1, r2, r3, r4) => {
      const range = xdpRange(env, 'bpf_xdp_store_bytes', r2, r4);
      if (typeof range === 'bigint') return range;
      range.set(env.mem.view(r3, range.length, false));
      return 0n;
    },
  },
];
