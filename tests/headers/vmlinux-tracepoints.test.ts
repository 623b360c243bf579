/**
 * vmlinux.h's trace_event_raw_* records against the running kernel's tracepoint format files:
 * each struct preceded by a comment naming its events ("/* sched/sched_switch *\/") must place every
 * format field at the format's offset and size. Skips loudly without tracefs or clang-19.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLANG, evaluate } from '../kernel-sim/clang';
import { OURS_DIR } from './toolchain';

const EVENTS = '/sys/kernel/tracing/events';
const header = readFileSync(join(OURS_DIR, 'vmlinux.h'), 'utf8');

/** [struct name, first event "category/event"] for every record whose comment names events. */
const records = [...header.matchAll(/\/\* (\w+)\/(\w+)[^*]*\*\/\nstruct (trace_event_raw_\w+) \{/g)].map(
  (m) => [m[3]!, `${m[1]}/${m[2]}`] as const,
);

interface FormatField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

/** Non-common fields; `__data_loc char[] comm` is the u32 `__data_loc_comm` in vmlinux.h. */
function formatFields(event: string): FormatField[] {
  const text = readFileSync(join(EVENTS, event, 'format'), 'utf8');
  return [...text.matchAll(/field:(.+?);\toffset:(\d+);\tsize:(\d+);/g)]
    .map((m) => {
      const decl = m[1]!;
      const name = /(\w+)(\[\d*\])?$/.exec(decl)![1]!;
      return { name: decl.startsWith('__data_loc') ? `__data_loc_${name}` : name, offset: +m[2]!, size: +m[3]! };
    })
    .filter((f) => !f.name.startsWith('common_'));
}

const reason = !CLANG ? 'clang-19 is not installed' : !existsSync(EVENTS) ? `${EVENTS} is not mounted` : null;
if (reason) console.warn(`\n*** SKIPPING vmlinux.h tracepoint records vs format files: ${reason} ***\n`);

describe.skipIf(reason !== null)('vmlinux.h tracepoint records match the kernel format files', () => {
  it('finds the records to check', () => {
    expect(records.length).toBeGreaterThan(10);
  });

  it.each(records)('struct %s (%s)', (struct, event) => {
    if (!existsSync(join(EVENTS, event, 'format'))) return void console.warn(`no tracepoint ${event} here`);
    const fields = formatFields(event);
    const values = evaluate(
      fields.flatMap((f) => [
        `__builtin_offsetof(struct ${struct}, ${f.name})`,
        `sizeof(((struct ${struct} *)0)->${f.name})`,
      ]),
    );
    const ours = fields.map((f, i) => `${f.name} @${values[2 * i]} size ${values[2 * i + 1]}`);
    expect(ours).toEqual(fields.map((f) => `${f.name} @${f.offset} size ${f.size}`));
  });
});
