/**
 * The kernel's LRU replacement for lru_hash / lru_percpu_hash, modelled closely enough that the
 * same operation sequence evicts the same keys (checked against Linux 6.18 in tests/maps).
 *
 * It is not a strict LRU. Nodes live on an active and an inactive list with a "referenced" bit
 * set by lookups. With the common LRU (default), each CPU pulls a batch of free nodes into a
 * local free list and parks freshly used nodes on a local pending list; when the local free list
 * runs dry, pending nodes are flushed to the global lists (referenced ones to active), the lists
 * rotate, and a batch of `targetFree` nodes is reclaimed from the inactive tail at once —
 * target_free = clamp(max_entries / cpus / 2, 1, 128). With BPF_F_NO_COMMON_LRU, every CPU owns
 * max_entries / cpus nodes and its own lists, and new nodes go straight to its inactive list.
 */
import { LinkedLists } from './linked-lists';

const ACTIVE = 0;
const INACTIVE = 1;
const FREE = 2;
const LOCAL_FREE = 3;
const LOCAL_PENDING = 4;
const LOCAL_FREE_TARGET = 128;
const PERCPU_FREE_TARGET = 4;

export class LruPolicy {
  private readonly lists: LinkedLists;
  private readonly type: Int8Array;
  private readonly ref: Uint8Array;
  private readonly owner: Int32Array;
  private readonly counts: Int32Array;
  private readonly rotation: Int32Array;
  private readonly nextSteal: Int32Array;
  private readonly targetFree: number;
  private readonly nrScans: number;

  /** `evict(node)` removes the node's key from the hash table (the kernel's del_from_htab). */
  constructor(
    nodes: number,
    private readonly cpus: number,
    private readonly perCpu: boolean,
    private readonly evict: (node: number) => boolean,
  ) {
    const lruLists = perCpu ? cpus : 1;
    this.lists = new LinkedLists(nodes, lruLists * 3 + (perCpu ? 0 : cpus * 2));
    this.type = new Int8Array(nodes).fill(FREE);
    this.ref = new Uint8Array(nodes);
    this.owner = new Int32Array(nodes);
    this.counts = new Int32Array(lruLists * 2);
    this.rotation = Int32Array.from({ length: lruLists }, (_, l) => this.globalList(l, INACTIVE));
    this.nextSteal = Int32Array.from({ length: cpus }, (_, c) => c);
    this.targetFree = perCpu
      ? PERCPU_FREE_TARGET
      : Math.min(Math.max(Math.floor(nodes / cpus / 2), 1), LOCAL_FREE_TARGET);
    this.nrScans = perCpu ? PERCPU_FREE_TARGET : LOCAL_FREE_TARGET;
    const perList = Math.floor(nodes / lruLists);
    for (let node = 0; node < nodes; node++) {
      const l = Math.min(Math.floor(node / Math.max(perList, 1)), lruLists - 1);
      this.owner[node] = l;
      this.lists.moveToHead(node, this.globalList(l, FREE));
    }
  }

  private globalList(l: number, type: number): number {
    return this.lists.head(l * 3 + type);
  }

  private localList(cpu: number, type: number): number {
    return this.lists.head((this.perCpu ? this.cpus : 1) * 3 + cpu * 2 + (type === LOCAL_FREE ? 0 : 1));
  }

  setRef(node: number): void {
    this.ref[node] = 1;
  }

  /** A free node for a new element on `cpu` (evicting if needed), or null (the kernel's -ENOMEM). */
  popFree(cpu: number): number | null {
    return this.perCpu ? this.popFreePerCpu(cpu) : this.popFreeCommon(cpu);
  }

  /** Returns a node whose element was deleted or replaced. */
  pushFree(node: number): void {
    if (this.type[node] === LOCAL_PENDING) {
      this.type[node] = LOCAL_FREE;
      this.ref[node] = 0;
      this.lists.moveToHead(node, this.localList(this.owner[node] as number, LOCAL_FREE));
      return;
    }
    this.move(this.perCpu ? (this.owner[node] as number) : 0, node, FREE);
  }

  private popFreePerCpu(cpu: number): number | null {
    this.rotate(cpu);
    const free = this.globalList(cpu, FREE);
    if (this.lists.isEmpty(free)) this.shrink(cpu, PERCPU_FREE_TARGET, free, FREE);
    if (this.lists.isEmpty(free)) return null;
    const node = this.lists.nextOf(free);
    this.ref[node] = 0;
    this.move(cpu, node, INACTIVE);
    return node;
  }

  private popFreeCommon(cpu: number): number | null {
    let node = this.takeLocalFree(cpu);
    if (node === null) {
      this.refillLocal(cpu);
      node = this.takeLocalFree(cpu);
    }
    if (node === null) node = this.steal(cpu);
    if (node === null) return null;
    this.type[node] = LOCAL_PENDING;
    this.owner[node] = cpu;
    this.ref[node] = 0;
    this.lists.moveToHead(node, this.localList(cpu, LOCAL_PENDING));
    return node;
  }

  private takeLocalFree(cpu: number): number | null {
    const list = this.localList(cpu, LOCAL_FREE);
    if (this.lists.isEmpty(list)) return null;
    const node = this.lists.nextOf(list);
    this.lists.unlink(node);
    return node;
  }

  /** Flush this CPU's pending nodes, rotate, then pull a batch of free (or reclaimed) nodes. */
  private refillLocal(cpu: number): void {
    for (const node of this.lists.fromTail(this.localList(cpu, LOCAL_PENDING))) {
      const target = this.ref[node] ? ACTIVE : INACTIVE;
      this.counts[target]! += 1;
      this.type[node] = target;
      this.ref[node] = 0;
      this.lists.moveToHead(node, this.globalList(0, target));
    }
    this.rotate(0);
    const localFree = this.localList(cpu, LOCAL_FREE);
    let taken = 0;
    for (const node of this.lists.fromHead(this.globalList(0, FREE))) {
      if (taken === this.targetFree) break;
      this.moveToFree(0, node, localFree, LOCAL_FREE);
      taken++;
    }
    if (taken < this.targetFree) this.shrink(0, this.targetFree - taken, localFree, LOCAL_FREE);
  }

  /** Takes a free, then an unreferenced pending, then any pending node from the CPUs in turn. */
  private steal(cpu: number): number | null {
    const first = this.nextSteal[cpu] as number;
    let victim = first;
    let node: number | null = null;
    do {
      node = this.takeLocalFree(victim) ?? this.takePending(victim);
      victim = (victim + 1) % this.cpus;
    } while (node === null && victim !== first);
    this.nextSteal[cpu] = victim;
    return node;
  }

  private takePending(cpu: number): number | null {
    const pending = this.lists.fromTail(this.localList(cpu, LOCAL_PENDING));
    for (const ignoreRef of [false, true]) {
      for (const node of pending) {
        if ((ignoreRef || !this.ref[node]) && this.evict(node)) {
          this.lists.unlink(node);
          return node;
        }
      }
    }
    return null;
  }

  private rotate(l: number): void {
    if (this.inactiveLow(l)) this.rotateActive(l);
    this.rotateInactive(l);
  }

  private inactiveLow(l: number): boolean {
    return (this.counts[l * 2 + INACTIVE] as number) < (this.counts[l * 2 + ACTIVE] as number);
  }

  /** Walk active from the tail: referenced nodes get a second chance, the rest go inactive. */
  private rotateActive(l: number): void {
    const active = this.globalList(l, ACTIVE);
    const first = this.lists.nextOf(active);
    let scanned = 0;
    for (const node of this.lists.fromTail(active)) {
      this.move(l, node, this.ref[node] ? ACTIVE : INACTIVE);
      if (++scanned === this.nrScans || node === first) break;
    }
  }

  /** Promote referenced inactive nodes, resuming where the previous rotation stopped. */
  private rotateInactive(l: number): void {
    const inactive = this.globalList(l, INACTIVE);
    if (this.lists.isEmpty(inactive)) return;
    let last = this.lists.nextOf(this.rotation[l] as number);
    if (last === inactive) last = this.lists.nextOf(last);
    let cur = this.rotation[l] as number;
    let next = inactive;
    for (let scanned = 0; scanned < this.nrScans;) {
      if (cur === inactive) {
        if (this.lists.isEmpty(inactive)) break;
        cur = this.lists.prevOf(cur);
        continue;
      }
      next = this.lists.prevOf(cur);
      if (this.ref[cur]) this.move(l, cur, ACTIVE);
      if (cur === last) break;
      cur = next;
      scanned++;
    }
    this.rotation[l] = next;
  }

  /** Reclaims up to `wanted` nodes from the inactive tail into `freeList`; forces one if none. */
  private shrink(l: number, wanted: number, freeList: number, freeType: number): void {
    let reclaimed = 0;
    let scanned = 0;
    for (const node of this.lists.fromTail(this.globalList(l, INACTIVE))) {
      if (this.ref[node]) this.move(l, node, ACTIVE);
      else if (this.evict(node)) {
        this.moveToFree(l, node, freeList, freeType);
        if (++reclaimed === wanted) break;
      }
      if (++scanned === this.nrScans) break;
    }
    if (reclaimed > 0) return;
    const inactive = this.globalList(l, INACTIVE);
    const victims = this.lists.fromTail(this.lists.isEmpty(inactive) ? this.globalList(l, ACTIVE) : inactive);
    for (const node of victims) {
      if (this.evict(node)) {
        this.moveToFree(l, node, freeList, freeType);
        return;
      }
    }
  }

  /** Moves a node between the global lists of LRU list `l`, clearing its referenced bit. */
  private move(l: number, node: number, target: number): void {
    this.retype(l, node, target);
    this.ref[node] = 0;
    this.lists.moveToHead(node, this.globalList(l, target));
  }

  private moveToFree(l: number, node: number, freeList: number, freeType: number): void {
    this.retype(l, node, freeType);
    this.lists.moveToHead(node, freeList);
  }

  private retype(l: number, node: number, target: number): void {
    if (this.rotation[l] === node) this.rotation[l] = this.lists.prevOf(node);
    const from = this.type[node] as number;
    if (from === target) return;
    if (from === ACTIVE || from === INACTIVE) this.counts[l * 2 + from]! -= 1;
    if (target === ACTIVE || target === INACTIVE) this.counts[l * 2 + target]! += 1;
    this.type[node] = target;
  }
}
