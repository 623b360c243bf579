/**
 * bpf_trace_printk cases for the kernel-differential test. An argument is a number, or the name
 * of one of the global buffers in POINTEES (passed as a pointer). Add a case = add a line.
 */
export type PrintkArg = number | bigint | keyof typeof POINTEES | 'bad';

export interface PrintkCase {
  fmt: string;
  args: PrintkArg[];
}

/** Global buffers the program passes pointers to (C name -> bytes). */
export const POINTEES = {
  str: [...'hello world'].map((c) => c.charCodeAt(0)).concat([0]),
  empty: [0],
  ip4: [192, 168, 1, 2],
  ip6: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
} as const;

export const PRINTK_CASES: PrintkCase[] = [
  { fmt: 'plain text', args: [] },
  { fmt: 'd=%d i=%i u=%u x=%x', args: [-42, 7, -1, 255] },
  { fmt: '%d %u %x', args: [2147483648, 4294967295, -1] },
  { fmt: 'ld=%ld lu=%lu lx=%lx', args: [-5n, -1n, 0xdeadbeefcafen] },
  { fmt: 'lld=%lld llu=%llu llx=%llx', args: [-9223372036854775808n, 18446744073709551615n, 0xabcdefn] },
  { fmt: 'X=%X lX=%lX', args: [0xabc, 0xdef123n] },
  { fmt: '[%5d] [%-5d] [%05d]', args: [42, 42, -42] },
  { fmt: '[%+d] [% d] [%+d]', args: [5, 5, -5] },
  { fmt: '[%08x] [%-8x] [%2x]', args: [0xbeef, 0xbeef, 0xbeef] },
  { fmt: '[%+u] [%+x]', args: [5, 5] },
  { fmt: 'c=%c%c%c', args: [72, 105, 33] },
  { fmt: '[%5c] [%-3c]', args: [65, 66] },
  { fmt: 's=%s', args: ['str'] },
  { fmt: '[%15s] [%-13s|', args: ['str', 'str'] },
  { fmt: 'empty=[%s]', args: ['empty'] },
  { fmt: 'null=[%s]', args: [0] },
  { fmt: 'ip4=%pI4 pi4=%pi4', args: ['ip4', 'ip4'] },
  { fmt: 'ip6=%pI6', args: ['ip6'] },
  { fmt: 'pi6=%pi6', args: ['ip6'] },
  { fmt: 'badip=%pI4', args: [0] },
  { fmt: '100%% sure', args: [] },
  { fmt: 'tab\there', args: [] },
  { fmt: 'newline at end\n', args: [] },
  { fmt: 'unused args %d', args: [1, 2, 3] },
  { fmt: 'px=%px', args: [0x1234n] },
  { fmt: 'bad %5.2d', args: [1] },
  { fmt: 'bad %#x', args: [1] },
  { fmt: 'bad %hd', args: [1] },
  { fmt: 'bad %q', args: [1] },
  { fmt: 'bad %pZ', args: [1] },
  { fmt: 'four %d %d %d %d', args: [1, 2, 3] },
  { fmt: 'bad \x01 char', args: [] },
  { fmt: 'trailing %', args: [1] },
  { fmt: 'bad %lu%', args: [1, 2] },
];
