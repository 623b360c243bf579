/**
 * The extension objects a program runner attaches to HelperEnv.ext, by key. A helper that needs
 * one the runner did not provide fails with a clear HelperError instead of crashing.
 *
 *   ext.maps      MapMemory — map pointers and value regions (src/bpf/maps/map-memory.ts)
 *   ext.packet    PacketExt — the packet of XDP/TC/socket-filter runs (see below)
 *   ext.task      TaskInfo — the simulated current task (pid/tgid/uid/gid/comm)
 *   ext.tailCall  TailCallExt — records bpf_tail_call requests; the interpreter performs them
 *   ext.subprog   SubprogCaller — lets bpf_loop call a BPF callback
 *   ext.stack     StackSource — the simulated call stack for bpf_get_stack
 *   ext.state     HelperState — per-run helper bookkeeping (held spin locks); create with newHelperState()
 */
import type { BpfMap, FdObject } from '../maps';
import type { HelperEnv } from './types';
import type { PacketBuffer } from './packet-buffer';

export class HelperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelperError';
  }
}

export interface PacketExt {
  /** Data and the room around it; adjust_head/tail/meta and skb helpers change its offsets. */
  readonly buffer: PacketBuffer;
  /** 'xdp' or 'skb' (TC, socket filter, cgroup_skb): selects the helpers' kernel semantics. */
  readonly kind: 'xdp' | 'skb';
  /** skb metadata the skb helpers read and write. */
  skb?: SkbMeta;
  /**
   * Called after any helper moved data/data_end/data_meta, so the runner can refresh the
   * context fields (xdp_md.data, __sk_buff.data, ...) and its packet region.
   */
  changed(): void;
  /** bpf_redirect / bpf_redirect_map target of this run. */
  redirect?: { ifindex: number; flags: bigint; map?: BpfMap };
}

export interface SkbMeta {
  protocol: number; // host order, e.g. 0x0800
  pktType: number;
  hash: number;
  vlanPresent: boolean;
  vlanProto: number;
  vlanTci: number;
  /** Set by skb_adjust_room with an ENCAP flag; a second encapsulation is -EALREADY. */
  encapsulated?: boolean;
}

export interface TaskInfo {
  pid: number;
  tgid: number;
  uid: number;
  gid: number;
  comm: string;
  /** Address of its task_struct (bpf_get_current_task); the simulated kernel provides one. */
  readonly address?: bigint;
  /** Its cgroup v2 id (bpf_get_current_cgroup_id). */
  readonly cgroupId?: bigint;
}

export interface TailCallExt {
  /** Number of tail calls taken so far in this run (the kernel stops at 33). */
  readonly count: number;
  /** The program to continue in once the helper returns; the interpreter jumps, never returns. */
  request(program: FdObject): void;
}

export interface SubprogCaller {
  /** Runs the BPF function at `target` (a PTR_TO_FUNC value) with r1..r5 and returns its r0. */
  call(target: bigint, args: readonly bigint[]): bigint;
}

export interface StackSource {
  kernel: readonly bigint[];
  user: readonly bigint[];
}

/**
 * What bpf_get_stackid needs of a BPF_MAP_TYPE_STACK_TRACE map (src/bpf/maps has none yet): store
 * the frames in bucket hash(ips) % buckets and return the bucket. The map decides, as the kernel's
 * stackmap does: same stack -> same id; an occupied bucket is -EEXIST unless BPF_F_REUSE_STACKID
 * (1 << 10) is set; BPF_F_FAST_STACK_CMP (1 << 9) compares hashes only.
 */
export interface StackTraceStore {
  storeStack(ips: readonly bigint[], flags: bigint): number;
}

export interface HelperState {
  heldLocks: Set<bigint>;
}

export function newHelperState(): HelperState {
  return { heldLocks: new Set() };
}

/** The extension `key`, or a HelperError naming the helper that needed it. */
export function requireExt<T>(env: HelperEnv, key: string, helper: string): T {
  const value = env.ext[key];
  if (value === undefined || value === null) {
    throw new HelperError(`${helper} needs env.ext.${key}, which this program run does not provide`);
  }
  return value as T;
}
