/**
 * Helper prototypes in the kernel verifier's vocabulary (enum bpf_arg_type / bpf_return_type),
 * for the verifier to check calls against. Modifier flags are spelled as in the kernel and
 * joined with "|": 'ARG_PTR_TO_MEM|MEM_RDONLY', 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE'.
 */
export type ArgType =
  | 'ARG_ANYTHING'
  | 'ARG_CONST_MAP_PTR'
  | 'ARG_PTR_TO_MAP_KEY'
  | 'ARG_PTR_TO_MAP_VALUE'
  | 'ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE'
  | 'ARG_PTR_TO_CTX'
  | 'ARG_PTR_TO_MEM|MEM_RDONLY'
  | 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE'
  | 'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY'
  | 'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_UNINIT|MEM_WRITE'
  | 'ARG_PTR_TO_MEM|MEM_ALIGNED|MEM_RDONLY|PTR_MAYBE_NULL'
  | 'ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE'
  | 'ARG_PTR_TO_CONST_STR'
  | 'ARG_PTR_TO_SPIN_LOCK'
  | 'ARG_PTR_TO_FUNC'
  | 'ARG_PTR_TO_STACK|PTR_MAYBE_NULL'
  | 'ARG_CONST_SIZE'
  | 'ARG_CONST_SIZE_OR_ZERO'
  | 'ARG_CONST_ALLOC_SIZE_OR_ZERO';

export type RetType = 'RET_INTEGER' | 'RET_VOID' | 'RET_PTR_TO_MAP_VALUE_OR_NULL' | 'RET_PTR_TO_RINGBUF_MEM_OR_NULL';

/** Program-type groups as the kernel's *_func_proto functions grant helpers. */
export type ProgramType =
  | 'socket_filter'
  | 'kprobe'
  | 'sched_cls'
  | 'sched_act'
  | 'tracepoint'
  | 'xdp'
  | 'perf_event'
  | 'cgroup_skb'
  | 'raw_tracepoint'
  | 'tracing';

export interface HelperProto {
  readonly ret: RetType;
  /** r1.. in order; at most 5. */
  readonly args: readonly ArgType[];
  readonly gplOnly: boolean;
  /** 'all' for the base helpers every program type gets (bpf_base_func_proto, privileged). */
  readonly programTypes: 'all' | readonly ProgramType[];
}

export const TRACING: readonly ProgramType[] = ['kprobe', 'tracepoint', 'perf_event', 'raw_tracepoint', 'tracing'];
export const SKB: readonly ProgramType[] = ['sched_cls', 'sched_act'];
export const SKB_AND_XDP: readonly ProgramType[] = ['sched_cls', 'sched_act', 'xdp'];
