/**
 * Follows the maps through a stepped run: after each instruction that may have changed a map (a
 * helper call, a store through a map value pointer) the maps are snapshotted again, and the new
 * snapshot is kept only when it differs. States share snapshots, so a long run costs little.
 */
import type { TraceStep, Vm } from '../bpf/vm';
import type { MapSnapshot } from '../protocol';

/** Snapshots one recording may take; past it the states say the maps are no longer followed. */
export const MAX_MAP_SNAPSHOTS = 2_000;

const CALL = 0x85;
const CLASS_ST = 0x02;
const CLASS_STX = 0x03;

/**
 * Helpers that only read (map lookup, clock, random, CPU, current task, trace_printk): no snapshot
 * after them, so a loop of lookups stays cheap to record.
 */
const READ_ONLY_HELPERS = new Set([1, 5, 6, 7, 8, 14, 15, 16]);

/** Did this instruction write to a map value (a store whose address lies in a map_value region)? */
function storedToMap(vm: Vm, s: TraceStep): boolean {
  const cls = s.insn.opcode & 0x07;
  if (cls !== CLASS_ST && cls !== CLASS_STX) return false;
  const address = BigInt.asUintN(64, (s.before[s.insn.dst] ?? 0n) + BigInt(s.insn.off));
  const id = vm.mem.idOfHigh(Number(BigInt.asIntN(32, address >> 32n)));
  return id !== null && vm.mem.infos[id]?.kind === 'map_value';
}

export class MapWatch {
  /** The maps at the latest state, or null once the snapshot budget is spent. */
  current: readonly MapSnapshot[] | null = null;
  private print = '';
  private taken = 0;

  constructor(
    /** Raw bytes of every entry: equal fingerprints mean equal maps (cheaper than a snapshot). */
    private readonly fingerprint: () => string,
    private readonly snapshot: () => MapSnapshot[],
  ) {}

  /** The maps before the first instruction. */
  start(): void {
    this.take(true);
  }

  afterStep(vm: Vm, s: TraceStep): void {
    if (this.current === null) return;
    const helperCall = s.insn.opcode === CALL && s.insn.src === 0 && !READ_ONLY_HELPERS.has(s.insn.imm);
    if (helperCall || storedToMap(vm, s)) this.take(false);
  }

  private take(first: boolean): void {
    if (this.taken >= MAX_MAP_SNAPSHOTS) {
      this.current = null;
      return;
    }
    this.taken++;
    const print = this.fingerprint();
    if (first || print !== this.print) {
      this.current = this.snapshot();
      this.print = print;
    }
  }
}
