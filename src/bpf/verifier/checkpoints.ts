/**
 * Explored states for pruning (the kernel's is_state_visited and its explored-states lists): where
 * to store a checkpoint, when an explored one proves the current state safe, when meeting one again
 * is an infinite loop, and which scalars matter when comparing (relevance.ts, per checkpoint).
 */
import { fail, type Checker } from './context';
import { statesEqual, statesLooping } from './equiv';
import { relevanceAnalysis } from './relevance';
import { copyState, type VerifierState } from './state';

export interface Checkpoint {
  state: VerifierState;
  parent: Checkpoint | null;
  /** Paths below this checkpoint still running or queued; 0 means settled. */
  branches: number;
  hits: number;
  misses: number;
  pc: number;
  /** loopKey() of the state, to find loop repeats without comparing against every active state. */
  key: number;
  /** Conditional jumps decided by the bounds on some path below this checkpoint. */
  decided: Set<number>;
  /** Relevance for those jumps, computed once the checkpoint is settled and first compared. */
  relevant: Uint16Array | null;
}

interface Explored {
  done: Checkpoint[];
  /** Checkpoints whose paths are still being explored (ancestors of the current path or queued ones), by loopKey. */
  active: Map<number, Checkpoint[]>;
  activeCount: number;
}

export interface WalkStats {
  processed: number;
  totalStates: number;
  peakStates: number;
  maxStatesPerInsn: number;
}

export class Checkpoints {
  /** The checkpoint the current path last passed (its parent chain is the path's). */
  current: Checkpoint | null = null;
  /** Jump-class instructions and instructions since the last checkpoint (the new-state heuristic). */
  jumps = 0;
  insns = 0;
  private explored = new Map<number, Explored>();
  private relevance: (decided: Uint8Array) => Uint16Array;
  /** Relevance per set of decided jumps (checkpoints below the same jumps share one analysis). */
  private relevanceBySet = new Map<string, Uint16Array>();
  private liveStates = 0;

  constructor(
    private readonly c: Checker,
    private readonly stats: WalkStats,
  ) {
    this.relevance = relevanceAnalysis(c.prog, c.env);
  }

  /** is_state_visited: true when an equivalent safe state was already explored at pc. */
  visit(pc: number): boolean {
    const c = this.c;
    let at = this.explored.get(pc);
    if (!at) this.explored.set(pc, (at = { done: [], active: new Map(), activeCount: 0 }));
    // Paths still being explored from here: meeting one of them again unchanged is an infinite loop.
    const inLoop = at.activeCount > 0;
    if (inLoop) {
      for (const node of at.active.get(loopKey(c.state)) ?? []) {
        if (statesLooping(node.state, c.state)) fail(c, `infinite loop detected at insn ${pc}`);
      }
    }
    const live = c.prog.liveIn[pc]!;
    for (const node of at.done) {
      if (statesEqual(node.state, c.state, live, this.relevantAt(node), c.privileged, c.exploreAluLimits)) {
        node.hits++;
        return true;
      }
      node.misses++;
    }
    // Evict states that keep failing to match (the kernel's miss_cnt heuristic) to bound memory.
    if (at.done.some((n) => n.misses > n.hits * 3 + 3)) {
      const kept = at.done.filter((n) => n.misses <= n.hits * 3 + 3);
      this.liveStates -= at.done.length - kept.length;
      at.done = kept;
    }
    // New states need 2 jumps and 8 instructions since the last; inside a loop 20 or 100, as in the kernel.
    const addNew = inLoop ? this.jumps >= 20 || this.insns >= 100 : this.jumps >= 2 && this.insns >= 8;
    if (addNew) this.add(pc, at);
    return false;
  }

  private add(pc: number, at: Explored): void {
    this.jumps = 0;
    this.insns = 0;
    const state = this.c.state;
    const node: Checkpoint = {
      state: copyState(state),
      parent: this.current,
      branches: 1,
      hits: 0,
      misses: 0,
      pc,
      key: loopKey(state),
      decided: new Set(),
      relevant: null,
    };
    this.current = node;
    const same = at.active.get(node.key);
    if (same) same.push(node);
    else at.active.set(node.key, [node]);
    at.activeCount++;
    this.stats.totalStates++;
    this.liveStates++;
    this.stats.peakStates = Math.max(this.stats.peakStates, this.liveStates);
    this.stats.maxStatesPerInsn = Math.max(this.stats.maxStatesPerInsn, at.done.length + at.activeCount);
  }

  /** A path was queued below the current checkpoint. */
  branched(): void {
    if (this.current) this.current.branches++;
  }

  /** The current path ended: checkpoints with no path left below them become usable for pruning. */
  pathEnded(): void {
    for (let n = this.current; n; n = n.parent) {
      if (--n.branches > 0) break;
      this.settle(n);
    }
  }

  /**
   * A jump decided by the bounds makes its operands' values matter to every checkpoint above it on
   * this path (the kernel's precision marks, per state). Sets grow upwards, so the walk stops at the
   * first checkpoint that already has the jump.
   */
  noteDecided(pc: number): void {
    for (let n = this.current; n && !n.decided.has(pc); n = n.parent) n.decided.add(pc);
  }

  /** Registers whose scalar values matter at a settled checkpoint, given the jumps decided below it. */
  private relevantAt(node: Checkpoint): number {
    if (!node.relevant) {
      const key = [...node.decided].sort((a, b) => a - b).join(',');
      let rel = this.relevanceBySet.get(key);
      if (!rel) {
        const decided = new Uint8Array(this.c.prog.insns.length);
        for (const pc of node.decided) decided[pc] = 1;
        rel = this.relevance(decided);
        this.relevanceBySet.set(key, rel);
      }
      node.relevant = rel;
    }
    return node.relevant[node.pc]!;
  }

  private settle(n: Checkpoint): void {
    const at = this.explored.get(n.pc)!;
    const same = at.active.get(n.key)!;
    same.splice(same.indexOf(n), 1);
    if (same.length === 0) at.active.delete(n.key);
    at.activeCount--;
    at.done.push(n);
  }
}

/**
 * A cheap numeric digest of everything statesLooping compares in registers (types, offsets and the
 * 32-bit bounds, which are plain numbers): equal states have equal keys.
 */
function loopKey(s: VerifierState): number {
  let h = s.frames.length;
  for (const f of s.frames) {
    for (const r of f.regs) {
      h = Math.imul(h ^ r.type.length, 0x01000193) ^ r.off;
      h = Math.imul(h ^ r.u32min, 0x01000193) ^ r.u32max;
      h = Math.imul(h ^ r.s32min, 0x01000193) ^ r.s32max;
      h = Math.imul(h ^ r.range, 0x01000193);
    }
  }
  return h;
}
