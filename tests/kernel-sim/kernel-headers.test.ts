/**
 * The kernel-internal headers for old kernel samples (<linux/skbuff.h>, <linux/netdevice.h>, with
 * <playground/kernel.h>) declare the same layouts as vmlinux.h and the simulated kernel's objects,
 * so tracex1's skb->dev and dev->name read what the simulation wrote.
 */
import { describe, expect, it } from 'vitest';

import { KERNEL_STRUCTS } from '../../src/bpf/kernel/structs';
import { CLANG, evaluate } from './clang';

const KERNEL_HEADERS = '#include <linux/skbuff.h>\n#include <linux/netdevice.h>\n#include <linux/version.h>';

if (!CLANG) console.warn('\n*** SKIPPING kernel-sample header layouts: clang-19 is not installed ***\n');

describe.skipIf(!CLANG)('kernel-sample headers match the simulated kernel', () => {
  it.each(['sk_buff', 'net_device', 'pt_regs', 'list_head'])('struct %s', (name) => {
    const layout = KERNEL_STRUCTS.get(name);
    const fields = [...layout.fields.values()].filter((f) => !f.path.includes(':'));
    const exprs = [`sizeof(struct ${name})`, `_Alignof(struct ${name})`];
    for (const f of fields)
      exprs.push(`__builtin_offsetof(struct ${name}, ${f.path})`, `sizeof(((struct ${name} *)0)->${f.path})`);
    const values = evaluate(exprs, KERNEL_HEADERS);
    const got = [`size ${values[0]}`, `align ${values[1]}`, ...fields.map((f, i) => `${f.path} @${values[2 + 2 * i]} size ${values[3 + 2 * i]}`)]; // prettier-ignore
    const want = [`size ${layout.size}`, `align ${layout.align}`, ...fields.map((f) => `${f.path} @${f.offset} size ${f.size}`)]; // prettier-ignore
    expect(got).toEqual(want);
  });

  it('gives IFNAMSIZ, the 6.18 version code and the kernel integer names', () => {
    const [ifnamsiz, code, version, u32] = evaluate(
      ['IFNAMSIZ', 'LINUX_VERSION_CODE', 'KERNEL_VERSION(6, 18, 0)', 'sizeof(u32)'],
      KERNEL_HEADERS,
    );
    expect([ifnamsiz, code, version, u32]).toEqual([16n, 397824n, 397824n, 4n]);
  });

  it('keeps the UAPI struct pt_regs when <linux/ptrace.h> comes first, and the kernel one after', () => {
    expect(evaluate(['__builtin_offsetof(struct pt_regs, rdi)'], `#include <linux/ptrace.h>\n${KERNEL_HEADERS}`)).toEqual([112n]); // prettier-ignore
    expect(evaluate(['__builtin_offsetof(struct pt_regs, di)'], `${KERNEL_HEADERS}\n#include <linux/ptrace.h>`)).toEqual([112n]); // prettier-ignore
  });
});
