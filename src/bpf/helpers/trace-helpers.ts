/** bpf_trace_printk (6), bpf_snprintf (165) and bpf_trace_vprintk (177), on the shared format engine. */
import { EINVAL } from '../maps/errno';
import { formatBpfString, type PrintkMemory } from './printk-format';
import type { HelperProto } from './prototypes';
import type { HelperDef } from './registry-types';
import type { HelperEnv } from './types';

const neg = (code: number) => BigInt.asUintN(64, BigInt(-code));

/** Fault-tolerant reads, like copy_from_kernel_nofault: unreadable memory yields null. */
export function printkMemory(env: HelperEnv): PrintkMemory {
  const readBytes = (addr: bigint, len: number) => {
    try {
      return env.mem.view(addr, len, false).slice();
    } catch {
      return null;
    }
  };
  return {
    readBytes,
    readString(addr, max) {
      const region = env.mem.regionAt(addr);
      if (region === null) return null;
      const available = Math.min(max, Number(region.base + BigInt(region.size) - addr));
      const bytes = readBytes(addr, available);
      if (bytes === null) return null;
      const nul = bytes.indexOf(0);
      return nul < 0 ? bytes : bytes.subarray(0, nul);
    },
  };
}

/** The format string: fmt_size bytes that must end in NUL (the kernel's check). */
function readFormat(env: HelperEnv, addr: bigint, size: bigint): Uint8Array | null {
  if (size === 0n || size > 0xffffn) return null;
  const bytes = env.mem.view(addr, Number(size), false);
  const nul = bytes.indexOf(0);
  return nul < 0 ? null : bytes.slice(0, nul);
}

// The kernel's prototype declares only fmt and fmt_size: r3-r5 are ARG_DONTCARE, so a call with
// fewer than three values leaves them uninitialised and the verifier must not object. The
// implementation still reads r3-r5, as the kernel's does.
const PRINTK_PROTO: HelperProto = {
  ret: 'RET_INTEGER',
  args: ['ARG_PTR_TO_MEM|MEM_RDONLY', 'ARG_CONST_SIZE'],
  gplOnly: true,
  programTypes: 'all',
};

/** Arguments passed as an array of u64 (snprintf, vprintk): at most 12, data_len a multiple of 8. */
function u64Args(env: HelperEnv, addr: bigint, len: bigint): bigint[] | null {
  if (len % 8n !== 0n || len / 8n > 12n) return null;
  const data = len === 0n ? new Uint8Array(0) : env.mem.view(addr, Number(len), false);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: data.length / 8 }, (_, i) => dv.getBigUint64(i * 8, true));
}

export const TRACE_HELPERS: HelperDef[] = [
  {
    id: 6,
    proto: PRINTK_PROTO,
    impl: (env, r1, r2, r3, r4, r5) => {
      const fmt = readFormat(env, r1, r2);
      if (fmt === null) return neg(EINVAL);
      const result = formatBpfString(fmt, [r3, r4, r5], printkMemory(env));
      if (!result.ok) return neg(EINVAL);
      env.trace(result.text);
      return BigInt(result.text.length);
    },
  },
  {
    id: 165,
    proto: {
      ret: 'RET_INTEGER',
      args: [
        'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_UNINIT|MEM_WRITE',
        'ARG_CONST_SIZE_OR_ZERO',
        'ARG_PTR_TO_CONST_STR',
        'ARG_PTR_TO_MEM|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
      ],
      gplOnly: true,
      programTypes: 'all',
    },
    /** bpf_snprintf(out, out_size, fmt, data, data_len): args are u64s; returns length + 1 like the kernel. */
    impl: (env, r1, r2, r3, r4, r5) => {
      const args = u64Args(env, r4, r5);
      if (args === null) return neg(EINVAL);
      const region = env.mem.regionAt(r3);
      if (region === null) return neg(EINVAL);
      const fmtBytes = env.mem.view(r3, Number(region.base + BigInt(region.size) - r3), false);
      const nul = fmtBytes.indexOf(0);
      if (nul < 0) return neg(EINVAL);
      const result = formatBpfString(fmtBytes.slice(0, nul), args, printkMemory(env));
      if (!result.ok) return neg(EINVAL);
      if (r2 > 0n) {
        const out = env.mem.view(r1, Number(r2), true);
        const text = Uint8Array.from(result.text, (c) => c.charCodeAt(0)).subarray(0, out.length - 1);
        out.set(text);
        out[text.length] = 0;
      }
      return BigInt(result.text.length + 1);
    },
  },
  {
    id: 177,
    proto: {
      ret: 'RET_INTEGER',
      args: [
        'ARG_PTR_TO_MEM|MEM_RDONLY',
        'ARG_CONST_SIZE',
        'ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY',
        'ARG_CONST_SIZE_OR_ZERO',
      ],
      gplOnly: true,
      programTypes: 'all',
    },
    /** bpf_trace_vprintk(fmt, fmt_size, data, data_len): bpf_trace_printk with up to 12 u64 arguments. */
    impl: (env, r1, r2, r3, r4) => {
      const args = u64Args(env, r3, r4);
      const fmt = readFormat(env, r1, r2);
      if (args === null || fmt === null) return neg(EINVAL);
      const result = formatBpfString(fmt, args, printkMemory(env));
      if (!result.ok) return neg(EINVAL);
      env.trace(result.text);
      return BigInt(result.text.length);
    },
  },
];
