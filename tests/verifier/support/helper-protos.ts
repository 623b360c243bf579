/**
 * Test-only helper prototypes (kernel facts: ids, argument and return kinds, gpl_only, program
 * types) for the helpers the differential cases call. Replaced by src/bpf/helpers' registry once it
 * exposes prototypes; keep this list to what the cases need.
 */
import type { HelperProto } from '../../../src/bpf/verifier';

const TRACING = ['kprobe', 'tracepoint', 'perf_event', 'raw_tracepoint'] as const;
const SKB = ['socket_filter', 'sched_cls', 'sched_act', 'cgroup_skb'] as const;

const PROTOS: HelperProto[] = [
  {
    id: 1,
    name: 'bpf_map_lookup_elem',
    gplOnly: false,
    ret: 'RET_PTR_TO_MAP_VALUE_OR_NULL',
    args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_KEY'],
  },
  {
    id: 2,
    name: 'bpf_map_update_elem',
    gplOnly: false,
    ret: 'RET_INTEGER',
    args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_KEY', 'ARG_PTR_TO_MAP_VALUE', 'ARG_ANYTHING'],
  },
  {
    id: 3,
    name: 'bpf_map_delete_elem',
    gplOnly: false,
    ret: 'RET_INTEGER',
    args: ['ARG_CONST_MAP_PTR', 'ARG_PTR_TO_MAP_KEY'],
  },
  { id: 5, name: 'bpf_ktime_get_ns', gplOnly: false, ret: 'RET_INTEGER', args: [] },
  {
    id: 6,
    name: 'bpf_trace_printk',
    gplOnly: true,
    ret: 'RET_INTEGER',
    args: ['ARG_PTR_TO_MEM_RDONLY', 'ARG_CONST_SIZE'],
  },
  { id: 7, name: 'bpf_get_prandom_u32', gplOnly: false, ret: 'RET_INTEGER', args: [] },
  { id: 8, name: 'bpf_get_smp_processor_id', gplOnly: false, ret: 'RET_INTEGER', args: [] },
  {
    id: 26,
    name: 'bpf_skb_load_bytes',
    gplOnly: false,
    ret: 'RET_INTEGER',
    args: ['ARG_PTR_TO_CTX', 'ARG_ANYTHING', 'ARG_PTR_TO_UNINIT_MEM', 'ARG_CONST_SIZE'],
    progTypes: SKB,
  },
  {
    id: 44,
    name: 'bpf_xdp_adjust_head',
    gplOnly: false,
    ret: 'RET_INTEGER',
    args: ['ARG_PTR_TO_CTX', 'ARG_ANYTHING'],
    progTypes: ['xdp'],
    changesPktData: true,
  },
  {
    id: 113,
    name: 'bpf_probe_read_kernel',
    gplOnly: true,
    ret: 'RET_INTEGER',
    args: ['ARG_PTR_TO_UNINIT_MEM', 'ARG_CONST_SIZE_OR_ZERO', 'ARG_ANYTHING'],
    progTypes: TRACING,
  },
];

const BY_ID = new Map(PROTOS.map((p) => [p.id, p]));
export const helperProto = (id: number): HelperProto | undefined => BY_ID.get(id);
