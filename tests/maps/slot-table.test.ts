/** SlotTable.findAt (compiled lookups read keys in place) against find() on copied keys. */
import { describe, expect, it } from 'vitest';
import { SlotTable } from '../../src/bpf/maps/slot-table';

describe('SlotTable.findAt', () => {
  it('finds the same slots as find() for keys of every length class, at any offset', () => {
    for (const size of [1, 4, 6, 7, 13, 16]) {
      const table = new SlotTable(8);
      const keys = Array.from({ length: 5 }, (_, k) =>
        Uint8Array.from({ length: size }, (_, i) => (k * 31 + i * 7) & 255),
      );
      const slots = keys.map((key) => table.insert(key));
      const memory = new Uint8Array(64);
      for (const [k, key] of keys.entries()) {
        const at = 3 + k;
        memory.set(key, at);
        expect(table.findAt(memory, at, size)).toBe(slots[k]);
        expect(table.find(key)).toBe(slots[k]);
      }
      // A key that differs in its last byte, and one of another length, are not found.
      const other = keys[0]!.slice();
      other[size - 1] = other[size - 1]! ^ 0x80;
      memory.set(other, 40);
      expect(table.findAt(memory, 40, size)).toBeUndefined();
      expect(table.findAt(memory, 3, size + 1)).toBeUndefined();
    }
  });
});
