/**
 * Connects a test_run packet to the packet helpers. The program types (src/bpf/programs) map the
 * packet and the context; the helpers (src/bpf/helpers) move data/data_end/data_meta inside a
 * PacketBuffer frame. This glue makes the packet region a live view of that frame and keeps the
 * context fields in step after every helper that changed the layout.
 *
 * The region keeps its base address when it is remapped, so the region always starts at the first
 * byte a program may address: data_meta for XDP and TC, the Ethernet header for socket filters and
 * cgroup_skb (whose skb->data is past it, but LD_ABS can reach it through SKF_LL_OFF).
 */
import { type FrameLayout, type PacketExt, PacketBuffer, type SkbMeta } from '../helpers';
import {
  type FieldValues,
  type PacketContext,
  type PacketProgramType,
  SK_BUFF_SIZE,
  skbFieldsFor,
  skbValues,
  structBytes,
  tableHandler,
  XDP_MD_FIELDS,
  XDP_MD_SIZE,
  xdpValues,
} from '../programs';
import { regionBase, type Vm } from '../vm';
import { liveSkbMeta } from './skb-meta';

/** BPF_PROG_TEST_RUN frame: XDP_PACKET_HEADROOM in front, one page in all (kernel test_run). */
const LAYOUT = { headroom: 256, frameSize: 4096 } as const;
/**
 * skb runs use the same frame, with no reserved ends: the kernel's skb has no xdp_frame in front
 * and reallocates its head when a helper needs room, and keeps skb_shared_info elsewhere, so its
 * packets may be longer (test-run-rules.ts) and pushes are not limited by an XDP reserve.
 */
const SKB_LAYOUT = { ...LAYOUT, reservedHead: 0, reservedTail: 0 } as const;
const layoutOf = (type: PacketProgramType) => (type === 'xdp' ? LAYOUT : SKB_LAYOUT);
const ETH_HLEN = 14;
/** Types whose skb->data is past the Ethernet header test_run pulled (only TC pushes it back). */
const pastEthernet = (type: PacketProgramType): boolean => type === 'socket_filter' || type === 'cgroup_skb';
/** Types that may write the packet directly (cgroup_skb reads it, socket filters use LD_ABS). */
const writablePacket = (type: PacketProgramType): boolean => type === 'xdp' || type === 'tc';

export interface AttachedPacket {
  readonly ext: PacketExt;
  readonly buffer: PacketBuffer;
}

export function attachPacket(
  vm: Vm,
  type: PacketProgramType,
  packet: Uint8Array,
  context: PacketContext,
): AttachedPacket {
  const buffer = new PacketBuffer(packet, layoutOf(type));
  const socket = pastEthernet(type);
  // The region base: the frame start when skb->data is past the Ethernet header, else data_meta.
  const base = socket ? regionBase(vm.legacyPacketId) : context.values.get('data')!;
  if (socket) buffer.meta = buffer.data = buffer.data + ETH_HLEN;
  const start = (): number => (socket ? buffer.data - ETH_HLEN : buffer.meta);
  const sync = (): void => {
    vm.mem.remap(base, buffer.frame.subarray(start(), buffer.end));
    const at = (offset: number): bigint => base + BigInt(offset - start());
    if (socket) {
      context.table.set('len', BigInt(buffer.end - buffer.data));
      if (type === 'cgroup_skb') {
        context.table.set('data', at(buffer.data));
        context.table.set('data_end', at(buffer.end));
      }
      return;
    }
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
    ...(type === 'xdp' ? {} : { skb: liveSkbMeta(context.table, context.values) }),
  };
  return { ext, buffer };
}

/** What PacketSlot needs from a runner that records writes to the packet frame (JitMachine). */
export interface MemoryWrites {
  readonly written: boolean;
  clearWritten(): void;
}

/** A PacketBuffer over a frame the runner owns (the JIT's linear memory), reused run after run. */
class FrameBuffer extends PacketBuffer {
  declare readonly frame: Uint8Array;

  constructor(frame: Uint8Array, layout: FrameLayout) {
    super(new Uint8Array(0), layout);
    this.frame = frame;
  }
}

const sameHeader = (a: Uint8Array, b: Uint8Array): boolean => {
  for (let i = 0; i < ETH_HLEN; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The packet and context of a session's test runs, mapped once and reset per packet: the frame is
 * cleared only where the last run could have written, the packet region is remapped only when its
 * extent changes, and context fields are rewritten only when the packet's facts or the context
 * changed. Region ids and addresses stay the same for every run.
 */
export class PacketSlot {
  readonly buffer: PacketBuffer;
  readonly context: PacketContext;
  /** r1 for every run, as int32 halves. */
  readonly ctxLo: number;
  readonly ctxHi: number;
  private readonly base: bigint;
  private readonly packetId: number;
  private readonly socket: boolean;
  private readonly header = new Uint8Array(ETH_HLEN);
  private mappedStart = -1;
  private mappedEnd = -1;
  private dirtyStart = 0;
  private dirtyEnd = 0;
  private generation = -1;
  private length = -1;
  /** Whether the context table holds a checkpoint of the current packet's facts (length, Ethernet header). */
  private checkpointed = false;
  /** The helpers' view handed to the last run. */
  private ext: PacketExt | null = null;

  constructor(
    private readonly vm: Vm,
    private readonly type: PacketProgramType,
    frame: Uint8Array = new Uint8Array(LAYOUT.frameSize),
    /** The runner's record of guest memory writes (the JIT machine's), when it keeps one. */
    private readonly writes: MemoryWrites | null = null,
  ) {
    this.buffer = new FrameBuffer(frame, layoutOf(type));
    this.socket = pastEthernet(type);
    const empty = frame.subarray(LAYOUT.headroom, LAYOUT.headroom);
    this.base = vm.mem.map('packet', 'packet', empty, writablePacket(type));
    this.packetId = vm.mem.idOf(this.base)!;
    const values = this.valuesFor(new Uint8Array(ETH_HLEN));
    const [structName, size, fields] =
      type === 'xdp'
        ? (['xdp_md', XDP_MD_SIZE, XDP_MD_FIELDS] as const)
        : (['__sk_buff', SK_BUFF_SIZE, skbFieldsFor(type)] as const);
    const image = structBytes(size, fields, values);
    const table = tableHandler(structName, fields, values, image);
    // Per run only the fields a program or helper changed are put back (table.restore(): rebuilding
    // every value from the packet cost microseconds for TC programs that write skb->mark).
    const ctx = vm.mem.mapCtx(structName, image, table);
    this.ctxLo = Number(BigInt.asIntN(32, ctx));
    this.ctxHi = Number(BigInt.asIntN(32, ctx >> 32n));
    const packetOut = (): Uint8Array => {
      const out = vm.mem.bytes[this.packetId]!.slice();
      // test_run pushes the pulled Ethernet header back for non-L2 programs as zeroes (memset).
      if (this.socket) out.fill(0, 0, ETH_HLEN);
      return out;
    };
    this.context = { ctx, values, table, packetOut };
  }

  private valuesFor(packet: Uint8Array): FieldValues {
    if (this.type === 'xdp') return xdpValues(this.base, packet.length);
    return skbValues(this.type, packet, this.base);
  }

  private start(): number {
    return this.socket ? this.buffer.data - ETH_HLEN : this.buffer.meta;
  }

  /** Points the packet region at the frame's current extent (same base address). */
  private remap(): void {
    const start = this.start();
    const end = this.buffer.end;
    if (start === this.mappedStart && end === this.mappedEnd) return;
    this.vm.mem.remap(this.base, this.buffer.frame.subarray(start, end));
    this.mappedStart = start;
    this.mappedEnd = end;
    if (start < this.dirtyStart) this.dirtyStart = start;
    if (end > this.dirtyEnd) this.dirtyEnd = end;
  }

  /** What a helper's change of data/data_end/data_meta does: new region extent, new context fields. */
  private readonly changed = (): void => {
    const table = this.context.table;
    this.remap();
    const at = (offset: number): bigint => this.base + BigInt(offset - this.start());
    if (this.socket) {
      table.set('len', BigInt(this.buffer.end - this.buffer.data));
      if (this.type === 'cgroup_skb') {
        table.set('data', at(this.buffer.data));
        table.set('data_end', at(this.buffer.end));
      }
      return;
    }
    table.set('data_meta', at(this.buffer.meta));
    table.set('data', at(this.buffer.data));
    table.set('data_end', at(this.buffer.end));
    if (this.type === 'tc') table.set('len', BigInt(this.buffer.end - this.buffer.data));
  };

  /** Context fields as the packet's facts say: all of them for new facts, else only those changed since. */
  private resetContext(packet: Uint8Array, again: boolean): void {
    const table = this.context.table;
    // `again`: the packet the facts were taken from last time, so they hold without comparing.
    const sameFacts =
      again || (packet.length === this.length && (this.type === 'xdp' || sameHeader(packet, this.header)));
    if (sameFacts && table.generation === this.generation) return;
    if (!sameFacts || !this.checkpointed) {
      table.assign(this.valuesFor(packet));
      table.checkpoint();
      this.checkpointed = true;
      this.length = packet.length;
      this.header.set(packet.subarray(0, ETH_HLEN));
    } else table.restore();
    this.generation = table.generation;
  }

  /**
   * Puts `packet` in place for the next run (it must fit: refusePacket first) and returns the helpers'
   * view. `again`: the same packet as the last load (unchanged), so when the runner saw no writes to
   * guest memory since then, the frame still holds it and is not rewritten.
   */
  load(packet: Uint8Array, again = false): PacketExt {
    const b = this.buffer;
    const frame = b.frame;
    const end = LAYOUT.headroom + packet.length;
    if (!again || this.writes === null || this.writes.written) {
      // Bytes the last run could have written outside the new packet's extent go back to zero (the
      // packet's own bytes are overwritten by the copy anyway).
      if (this.dirtyEnd > this.dirtyStart) {
        if (this.dirtyStart < LAYOUT.headroom) frame.fill(0, this.dirtyStart, Math.min(this.dirtyEnd, LAYOUT.headroom));
        if (this.dirtyEnd > end) frame.fill(0, Math.max(this.dirtyStart, end), this.dirtyEnd);
      }
      frame.set(packet, LAYOUT.headroom);
    }
    this.writes?.clearWritten();
    b.meta = b.data = LAYOUT.headroom + (this.socket ? ETH_HLEN : 0);
    b.end = end;
    this.dirtyStart = LAYOUT.headroom;
    this.dirtyEnd = b.end;
    this.remap();
    this.resetContext(packet, again);
    if (this.type !== 'xdp') {
      this.vm.legacyPacketId = this.packetId;
      this.vm.legacyDataOffset = this.type === 'tc' ? 0 : ETH_HLEN;
      this.vm.legacyNetworkOffset = ETH_HLEN;
    }
    // The helpers' view is reused while no helper wrote to it (a redirect, skb metadata).
    const last = this.ext;
    if (last !== null && last.redirect === undefined && (last instanceof SkbRun ? last.untouched : true)) return last;
    this.ext =
      this.type === 'xdp'
        ? { buffer: b, kind: 'xdp', changed: this.changed }
        : new SkbRun(b, this.changed, this.context);
    return this.ext;
  }
}

/**
 * The skb helpers' view of one run. Its metadata (liveSkbMeta) is made on first use: building it
 * for every packet cost microseconds per run, and most programs call no skb helper. Helpers cannot
 * change the fields it starts from before that (they change them through it), so it starts the same.
 */
class SkbRun implements PacketExt {
  readonly kind = 'skb';
  redirect?: PacketExt['redirect'];
  private meta: SkbMeta | undefined;

  constructor(
    readonly buffer: PacketBuffer,
    readonly changed: () => void,
    private readonly context: PacketContext,
  ) {}

  /** True while no helper used the skb metadata. */
  get untouched(): boolean {
    return this.meta === undefined;
  }

  get skb(): SkbMeta {
    return (this.meta ??= liveSkbMeta(this.context.table, this.context.values));
  }

  set skb(meta: SkbMeta) {
    this.meta = meta;
  }
}
