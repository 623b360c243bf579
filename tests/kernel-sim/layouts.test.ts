/**
 * Every kernel object layout of src/bpf/kernel/structs.ts against clang's offsetof/sizeof over the playground
 * vmlinux.h: objects the simulated kernel writes must read back through programs compiled with that header.
 */
import { describe, expect, it } from 'vitest';

import { KERNEL_STRUCTS } from '../../src/bpf/kernel/structs';
import { CLANG, evaluate } from './clang';

if (!CLANG) console.warn('\n*** SKIPPING kernel object layout tests: clang-19 is not installed ***\n');

describe.skipIf(!CLANG)('kernel object layouts match the playground vmlinux.h', () => {
  it.each(KERNEL_STRUCTS.all().map((l) => [l.name, l] as const))('struct %s', (name, layout) => {
    const fields = [...layout.fields.values()].filter((f) => !f.path.includes(':'));
    const exprs = [`sizeof(struct ${name})`, `_Alignof(struct ${name})`];
    for (const f of fields)
      exprs.push(`__builtin_offsetof(struct ${name}, ${f.path})`, `sizeof(((struct ${name} *)0)->${f.path})`);
    const values = evaluate(exprs);
    const got = [`size ${values[0]}`, `align ${values[1]}`];
    const want = [`size ${layout.size}`, `align ${layout.align}`];
    fields.forEach((f, i) => {
      got.push(`${f.path} @${values[2 + 2 * i]} size ${values[3 + 2 * i]}`);
      want.push(`${f.path} @${f.offset} size ${f.size}`);
    });
    expect(want).toEqual(got);
  });

  it('records what each struct pointer points to, as vmlinux.h declares it', () => {
    const pointers = KERNEL_STRUCTS.all().flatMap((l) =>
      [...l.fields.values()].flatMap((f) => (f.pointee ? [`struct ${l.name}.${f.path} -> ${f.pointee}`] : [])),
    );
    expect(pointers).toContain('struct sk_buff.dev -> net_device');
    const exprs = pointers.map((p) => {
      const [, s, f, t] = /^struct (\w+)\.([\w.]+) -> (\w+)$/.exec(p)!;
      return `__builtin_types_compatible_p(__typeof__(*((struct ${s} *)0)->${f}), struct ${t})`;
    });
    expect(evaluate(exprs)).toEqual(pointers.map(() => 1n));
    expect(evaluate(['__builtin_types_compatible_p(__typeof__(*((struct sk_buff *)0)->dev), struct sock)'])).toEqual([0n]); // prettier-ignore
  });

  it('rejects a field that vmlinux.h does not declare (the probe can fail)', () => {
    expect(() => evaluate(['__builtin_offsetof(struct task_struct, no_such_field)'])).toThrow(/no member named/);
  });
});
