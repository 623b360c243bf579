/** bpf_get_stack and bpf_get_stackid over the simulated call stacks in ext.stack. */
import { EFAULT, EINVAL } from '../maps/errno';
import { BPF_MAP_TYPE, type MapMemory } from '../maps';
import { HelperError, requireExt, type StackSource, type StackTraceStore } from './env-ext';
import { TRACING, type HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));
const tracing = (args: HelperProto['args']): HelperProto => ({
  ret: 'RET_INTEGER',
  args,
  gplOnly: true,
  programTypes: TRACING,
});

const SKIP_MASK = 0xffn;
const USER_STACK = 1n << 8n;
const FAST_STACK_CMP = 1n << 9n;
const REUSE_STACKID = 1n << 10n;
/** sysctl kernel.perf_event_max_stack: the deepest callchain the kernel collects. */
const PERF_MAX_STACK = 127;

/** The frames (innermost first) the flags select: user or kernel stack. */
function frames(env: HelperEnv, flags: bigint, helper: string): readonly bigint[] {
  const source = requireExt<StackSource>(env, 'stack', helper);
  return (flags & USER_STACK) !== 0n ? source.user : source.kernel;
}

export const STACK_HELPERS: HelperDef[] = [
  {
    id: 67,
    proto: tracing(['ARG_PTR_TO_CTX', 'ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE', 'ARG_CONST_SIZE_OR_ZERO', 'ARG_ANYTHING']),
    /** bpf_get_stack(ctx, buf, size, flags): the frames after `skip`; returns the bytes written. */
    impl: (env, _r1, r2, r3, r4) => {
      if ((r4 & ~0x3ffn) !== 0n || r3 % 8n !== 0n) return neg(EINVAL);
      const selected = frames(env, r4, 'bpf_get_stack').slice(Number(r4 & SKIP_MASK));
      const out = env.mem.view(r2, Number(r3), true);
      const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
      const count = Math.min(selected.length, out.length / 8);
      for (let i = 0; i < count; i++) dv.setBigUint64(i * 8, selected[i] as bigint, true);
      out.fill(0, count * 8);
      return BigInt(count * 8);
    },
  },
  {
    id: 27,
    proto: tracing(['ARG_PTR_TO_CTX', 'ARG_CONST_MAP_PTR', 'ARG_ANYTHING']),
    /**
     * bpf_get_stackid(ctx, map, flags): the stack (after `skip` frames, at most value_size / 8 of
     * them) stored in a stack_trace map; returns its id. No frames left after skipping: -EFAULT.
     */
    impl: (env, _r1, r2, r3) => {
      if ((r3 & ~(SKIP_MASK | USER_STACK | FAST_STACK_CMP | REUSE_STACKID)) !== 0n) return neg(EINVAL);
      const bound = requireExt<MapMemory>(env, 'maps', 'bpf_get_stackid').at(r2);
      if (bound === null || bound.map.spec.type !== BPF_MAP_TYPE.STACK_TRACE)
        throw new HelperError('bpf_get_stackid: r2 is not a stack_trace map');
      const store = bound.map as Partial<StackTraceStore>;
      if (typeof store.storeStack !== 'function')
        throw new HelperError('bpf_get_stackid: stack_trace maps are not simulated yet');
      const skip = Number(r3 & SKIP_MASK);
      const depth = Math.min(bound.map.spec.valueSize / 8 + skip, PERF_MAX_STACK);
      const trace = frames(env, r3, 'bpf_get_stackid').slice(0, depth);
      if (trace.length <= skip) return neg(EFAULT);
      return BigInt.asUintN(64, BigInt(store.storeStack(trace.slice(skip), r3)));
    },
  },
];
