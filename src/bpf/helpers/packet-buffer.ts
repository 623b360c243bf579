/**
 * A packet in a fixed frame, as XDP and skb test runs see it:
 *   [hardStart .. reserved head][headroom][meta][data .. end][tailroom][reserved tail]
 * Offsets index `frame`; the frame never moves, so guest addresses stay valid and only
 * data/data_end/data_meta change. Limits follow the kernel's XDP helpers: the head may not
 * grow into the first `reservedHead` bytes (struct xdp_frame), the tail not into the last
 * `reservedTail` bytes (skb_shared_info), at least 14 bytes (ETH_HLEN) remain, metadata is a
 * multiple of 4 bytes and at most 255.
 */
import { EINVAL, ENOMEM } from '../maps/errno';

export const ETH_HLEN = 14;
export const EACCES = 13;
/** Metadata limit: skb_shared_info.meta_len is a u8 (Linux 6.18; it was 32 bytes before). */
const META_MAX = 255;

export interface FrameLayout {
  /** Bytes before data (XDP test runs: 256, XDP_PACKET_HEADROOM). */
  headroom: number;
  /** Whole frame size (XDP test runs: 4096). */
  frameSize: number;
  reservedHead?: number;
  reservedTail?: number;
}

export class PacketBuffer {
  readonly frame: Uint8Array;
  meta: number;
  data: number;
  end: number;
  private readonly minStart: number;
  private readonly maxEnd: number;

  constructor(packet: Uint8Array, layout: FrameLayout) {
    const reservedHead = layout.reservedHead ?? 40;
    const reservedTail = layout.reservedTail ?? 320;
    if (layout.headroom + packet.length > layout.frameSize - reservedTail) {
      throw new Error(`packet of ${packet.length} bytes does not fit a ${layout.frameSize}-byte frame`);
    }
    this.frame = new Uint8Array(layout.frameSize);
    this.frame.set(packet, layout.headroom);
    this.meta = this.data = layout.headroom;
    this.end = layout.headroom + packet.length;
    this.minStart = reservedHead;
    this.maxEnd = layout.frameSize - reservedTail;
  }

  /** Live view of the packet data. */
  get bytes(): Uint8Array {
    return this.frame.subarray(this.data, this.end);
  }

  get length(): number {
    return this.end - this.data;
  }

  /** bpf_xdp_adjust_head: negative delta grows the packet at the front. Metadata moves along. */
  adjustHead(delta: number): number {
    const data = this.data + delta;
    const metaLength = this.data - this.meta;
    if (data - metaLength < this.minStart || data > this.end - ETH_HLEN) return -EINVAL;
    if (metaLength > 0) this.frame.copyWithin(this.meta + delta, this.meta, this.data);
    this.meta += delta;
    this.data = data;
    return 0;
  }

  /** bpf_xdp_adjust_tail: grown bytes are zeroed. */
  adjustTail(delta: number): number {
    const end = this.end + delta;
    if (end > this.maxEnd || end < this.data + ETH_HLEN) return -EINVAL;
    if (delta > 0) this.frame.fill(0, this.end, end);
    this.end = end;
    return 0;
  }

  /** bpf_xdp_adjust_meta: negative delta makes room for metadata before data. */
  adjustMeta(delta: number): number {
    const meta = this.meta + delta;
    if (meta < this.minStart || meta > this.data) return -EINVAL;
    const length = this.data - meta;
    if (length % 4 !== 0 || length > META_MAX) return -EACCES;
    this.meta = meta;
    return 0;
  }

  /**
   * Opens `length` bytes at packet offset `at` as the kernel's skb helpers do (skb_push, then
   * memmove of the first `at` bytes to the new front, then the gap zeroed: change_proto and
   * adjust_room leave zeroes there, tests/kernel-diff/corpus/tc_ctx_after_helpers.c).
   */
  push(at: number, length: number): number {
    if (this.data - length < this.minStart || at > this.length) return -ENOMEM;
    this.frame.copyWithin(this.data - length, this.data, this.data + at);
    this.frame.fill(0, this.data - length + at, this.data + at);
    this.data -= length;
    this.meta = this.data;
    return 0;
  }

  /** Removes `length` bytes at packet offset `at` (memmove of the first `at` bytes, then skb_pull). */
  pull(at: number, length: number): number {
    if (at + length > this.length) return -ENOMEM;
    this.frame.copyWithin(this.data + length, this.data, this.data + at);
    this.data += length;
    this.meta = this.data;
    return 0;
  }
}
