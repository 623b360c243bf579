/**
 * Circular doubly-linked lists over small integer node ids, with one sentinel id per list —
 * the shape the kernel's LRU uses, so "move to head", "walk from the tail" and a rotation
 * cursor that may rest on a list head all behave the same way. Node ids are 0..nodes-1,
 * sentinels follow them.
 */
export class LinkedLists {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;

  constructor(
    readonly nodes: number,
    lists: number,
  ) {
    this.prev = new Int32Array(nodes + lists);
    this.next = new Int32Array(nodes + lists);
    for (let i = 0; i < nodes + lists; i++) {
      this.prev[i] = i;
      this.next[i] = i;
    }
  }

  /** The sentinel id of list number `n`. */
  head(n: number): number {
    return this.nodes + n;
  }

  nextOf(id: number): number {
    return this.next[id] as number;
  }

  prevOf(id: number): number {
    return this.prev[id] as number;
  }

  isEmpty(list: number): boolean {
    return this.next[list] === list;
  }

  /** Unlinks `node` from wherever it is and inserts it right after `list`'s sentinel. */
  moveToHead(node: number, list: number): void {
    this.unlink(node);
    const first = this.next[list] as number;
    this.next[node] = first;
    this.prev[node] = list;
    this.prev[first] = node;
    this.next[list] = node;
  }

  unlink(node: number): void {
    const p = this.prev[node] as number;
    const n = this.next[node] as number;
    this.next[p] = n;
    this.prev[n] = p;
    this.prev[node] = node;
    this.next[node] = node;
  }

  /** Node ids from tail to head, snapshotted so the caller may move nodes while walking. */
  fromTail(list: number): number[] {
    const out: number[] = [];
    for (let id = this.prev[list] as number; id !== list; id = this.prev[id] as number) out.push(id);
    return out;
  }

  /** Node ids from head to tail, snapshotted. */
  fromHead(list: number): number[] {
    const out: number[] = [];
    for (let id = this.next[list] as number; id !== list; id = this.next[id] as number) out.push(id);
    return out;
  }
}
