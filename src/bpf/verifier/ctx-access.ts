/**
 * Which context fields a program type may read or write, and what a read yields. Layouts are the
 * UAPI structs (struct xdp_md, struct __sk_buff, x86-64 struct pt_regs); the rules are the kernel's
 * per-type is_valid_access callbacks, restated.
 */
import type { ProgType } from './types';

export type CtxResult = { ok: false } | { ok: true; yields: 'scalar' | 'pkt' | 'pkt_end' | 'pkt_meta' };

interface Field {
  off: number;
  size: number;
}

const SKB: Record<string, Field> = {
  len: { off: 0, size: 4 },
  mark: { off: 8, size: 4 },
  priority: { off: 32, size: 4 },
  tc_index: { off: 44, size: 4 },
  cb: { off: 48, size: 20 },
  tc_classid: { off: 72, size: 4 },
  data: { off: 76, size: 4 },
  data_end: { off: 80, size: 4 },
  family: { off: 88, size: 4 },
  local_port: { off: 136, size: 4 },
  data_meta: { off: 140, size: 4 },
  flow_keys: { off: 144, size: 8 },
  tstamp: { off: 152, size: 8 },
  wire_len: { off: 160, size: 4 },
  sk: { off: 168, size: 8 },
  tstamp_type: { off: 180, size: 1 },
  hwtstamp: { off: 184, size: 8 },
  queue_mapping: { off: 12, size: 4 },
};
const SKB_SIZE = 192;
/** The socket's addresses: remote_ip4 (92), local_ip4, remote_ip6[4], local_ip6[4] (up to 132). */
const SOCKET_ADDRESSES = { from: 92, to: 132 } as const;

const inField = (off: number, f: Field): boolean => off >= f.off && off < f.off + f.size;
const inRange = (off: number, from: Field, to: Field): boolean => off >= from.off && off < to.off + to.size;
const narrowOk = (size: number, def: number): boolean => size <= def && (size & (size - 1)) === 0;

function skbAccess(off: number, size: number, write: boolean, tc: boolean): CtxResult {
  const no: CtxResult = { ok: false };
  // Fields a socket filter may not touch at all; tc may use the packet pointers and timestamps.
  if (inRange(off, SKB.family!, SKB.local_port!)) return no;
  if (!tc) {
    for (const f of ['tc_classid', 'data', 'data_meta', 'data_end', 'tstamp', 'wire_len', 'hwtstamp'])
      if (inField(off, SKB[f]!)) return no;
    if (write && !inField(off, SKB.cb!)) return no;
  } else if (write) {
    const writable = ['mark', 'tc_index', 'priority', 'tc_classid', 'cb', 'tstamp', 'queue_mapping'];
    if (!writable.some((f) => inField(off, SKB[f]!))) return no;
  }
  return skbFieldAccess(off, size, write);
}

/**
 * cgroup_skb (cg_skb_is_valid_access): reads the packet directly and the socket's fields (family ..
 * local_port); writes mark, priority, cb and tstamp. Packet pointers and tstamp writes need CAP_BPF.
 */
function cgroupSkbAccess(off: number, size: number, write: boolean, privileged: boolean): CtxResult {
  const no: CtxResult = { ok: false };
  if (['tc_classid', 'data_meta', 'wire_len'].some((f) => inField(off, SKB[f]!))) return no;
  if (!privileged && (inField(off, SKB.data!) || inField(off, SKB.data_end!))) return no;
  const writable = ['mark', 'priority', 'cb', ...(privileged ? ['tstamp'] : [])];
  if (write && !writable.some((f) => inField(off, SKB[f]!))) return no;
  return skbFieldAccess(off, size, write);
}

/** The rules every __sk_buff user shares (bpf_skb_is_valid_access): sizes, alignment, what each field yields. */
function skbFieldAccess(off: number, size: number, write: boolean): CtxResult {
  const no: CtxResult = { ok: false };
  if (off < 0 || off >= SKB_SIZE || off % size !== 0) return no;
  for (const [name, yields] of [
    ['data', 'pkt'],
    ['data_meta', 'pkt_meta'],
    ['data_end', 'pkt_end'],
  ] as const) {
    if (inField(off, SKB[name]!)) return size === 4 ? { ok: true, yields } : no;
  }
  if (inField(off, SKB.cb!)) return off + size <= SKB.cb!.off + SKB.cb!.size ? { ok: true, yields: 'scalar' } : no;
  // remote_ip4 .. local_ip6[3] are read whole only (measured: narrow loads are refused).
  if (off >= SOCKET_ADDRESSES.from && off < SOCKET_ADDRESSES.to)
    return size === 4 ? { ok: true, yields: 'scalar' } : no;
  if (inField(off, SKB.tstamp!) || inField(off, SKB.hwtstamp!)) return size === 8 ? { ok: true, yields: 'scalar' } : no;
  if (inField(off, SKB.sk!) || inField(off, SKB.flow_keys!) || inField(off, SKB.tstamp_type!)) return no;
  // Padding after tstamp_type.
  if (off > 180 && off < 184) return no;
  if (write) return size === 4 ? { ok: true, yields: 'scalar' } : no;
  return narrowOk(size, 4) ? { ok: true, yields: 'scalar' } : no;
}

function xdpAccess(off: number, size: number, write: boolean): CtxResult {
  if (write || off < 0 || off >= 24 || off % size !== 0 || size !== 4) return { ok: false };
  if (off === 0) return { ok: true, yields: 'pkt' };
  if (off === 4) return { ok: true, yields: 'pkt_end' };
  if (off === 8) return { ok: true, yields: 'pkt_meta' };
  return { ok: true, yields: 'scalar' };
}

const PT_REGS_SIZE = 168;

function kprobeAccess(off: number, size: number, write: boolean): CtxResult {
  if (write || off < 0 || off >= PT_REGS_SIZE || off % size !== 0 || off + size > PT_REGS_SIZE) return { ok: false };
  return { ok: true, yields: 'scalar' };
}

/** PERF_MAX_TRACE_SIZE: the largest tracepoint record. */
const PERF_MAX_TRACE_SIZE = 8192;

/** Tracepoint records: read-only, aligned to the access size, past the 8-byte common header. */
function tracepointAccess(off: number, size: number, write: boolean): CtxResult {
  if (write || off < 8 || off >= PERF_MAX_TRACE_SIZE || off % size !== 0) return { ok: false };
  return { ok: true, yields: 'scalar' };
}

/** Raw tracepoints: up to 12 u64 arguments, read-only, aligned. */
function rawTracepointAccess(off: number, size: number, write: boolean): CtxResult {
  if (write || off < 0 || off >= 8 * 12 || off % size !== 0) return { ok: false };
  return { ok: true, yields: 'scalar' };
}

export function ctxAccess(progType: ProgType, off: number, size: number, write: boolean, privileged = true): CtxResult {
  switch (progType) {
    case 'xdp':
      return xdpAccess(off, size, write);
    case 'socket_filter':
      return skbAccess(off, size, write, false);
    case 'cgroup_skb':
      return cgroupSkbAccess(off, size, write, privileged);
    case 'sched_cls':
    case 'sched_act':
      return skbAccess(off, size, write, true);
    case 'kprobe':
    case 'perf_event':
      return kprobeAccess(off, size, write);
    case 'tracepoint':
      return tracepointAccess(off, size, write);
    case 'raw_tracepoint':
      return rawTracepointAccess(off, size, write);
    default:
      return { ok: false };
  }
}

/** Whether the program type may read packet data directly (data/data_end in its context). */
export const hasDirectPacketAccess = (t: ProgType): boolean => t === 'xdp' || t === 'sched_cls' || t === 'sched_act';
/** Whether it may also write packet data. */
export const mayWritePacket = (t: ProgType): boolean => t === 'xdp' || t === 'sched_cls' || t === 'sched_act';
