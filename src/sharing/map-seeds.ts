/**
 * What a map pre-seed writes from "user space". A seed's value is one copy of the map's value;
 * per-CPU maps take one copy per CPU on the syscall side (each padded to 8 bytes, CPU 0 first),
 * and a link must not depend on how many CPUs the machine that opens it simulates, so the one copy
 * is written to every CPU.
 */
export function seedValueHex(valueHex: string, userValueSize: number, valueSize: number, cpus: number): string {
  if (userValueSize === valueSize || valueHex.length !== valueSize * 2) return valueHex;
  const slot = Math.ceil(valueSize / 8) * 8;
  if (userValueSize !== slot * cpus) return valueHex;
  return (valueHex + '00'.repeat(slot - valueSize)).repeat(cpus);
}
