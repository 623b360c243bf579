/**
 * Map and program type ids of include/uapi/linux/bpf.h, with the names bpftool prints
 * (`bpftool -j map show` "type", `bpftool -j prog show` "type"). Index = kernel enum value.
 */

export const MAP_TYPE_NAMES = [
  'unspec',
  'hash',
  'array',
  'prog_array',
  'perf_event_array',
  'percpu_hash',
  'percpu_array',
  'stack_trace',
  'cgroup_array',
  'lru_hash',
  'lru_percpu_hash',
  'lpm_trie',
  'array_of_maps',
  'hash_of_maps',
  'devmap',
  'sockmap',
  'cpumap',
  'xskmap',
  'sockhash',
  'cgroup_storage',
  'reuseport_sockarray',
  'percpu_cgroup_storage',
  'queue',
  'stack',
  'sk_storage',
  'devmap_hash',
  'struct_ops',
  'ringbuf',
  'inode_storage',
  'task_storage',
  'bloom_filter',
  'user_ringbuf',
  'cgrp_storage',
  'arena',
] as const;
export type MapTypeName = (typeof MAP_TYPE_NAMES)[number];

/** Map type ids the loader itself needs to recognise. */
export const MapType = {
  ARRAY: 2,
  PROG_ARRAY: 3,
  PERF_EVENT_ARRAY: 4,
  ARRAY_OF_MAPS: 12,
  HASH_OF_MAPS: 13,
} as const;

export const PROG_TYPE_NAMES = [
  'unspec',
  'socket_filter',
  'kprobe',
  'sched_cls',
  'sched_act',
  'tracepoint',
  'xdp',
  'perf_event',
  'cgroup_skb',
  'cgroup_sock',
  'lwt_in',
  'lwt_out',
  'lwt_xmit',
  'sock_ops',
  'sk_skb',
  'cgroup_device',
  'sk_msg',
  'raw_tracepoint',
  'cgroup_sock_addr',
  'lwt_seg6local',
  'lirc_mode2',
  'sk_reuseport',
  'flow_dissector',
  'cgroup_sysctl',
  'raw_tracepoint_writable',
  'cgroup_sockopt',
  'tracing',
  'struct_ops',
  'ext',
  'lsm',
  'sk_lookup',
  'syscall',
  'netfilter',
] as const;
export type ProgTypeName = (typeof PROG_TYPE_NAMES)[number];

export const mapTypeName = (type: number): string => MAP_TYPE_NAMES[type] ?? `unknown(${type})`;

export const progTypeId = (name: ProgTypeName): number => PROG_TYPE_NAMES.indexOf(name);

/** Map flags the loader sets itself (BPF_F_* of uapi/linux/bpf.h). */
export const MapFlag = { RDONLY_PROG: 0x80, MMAPABLE: 0x400 } as const;
