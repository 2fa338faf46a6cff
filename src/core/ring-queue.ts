// A growable FIFO ring buffer with indexed access, so a scheduler can look at (and pick from)
// the waiting works without copying. push/shift are O(1); removeAt(i) is O(i) (picks are rare).
// The capacity is a power of two so that wrapping is a mask, not a division.

export class RingQueue<T> {
  private buf: Array<T | undefined>;
  private head = 0;
  private count = 0;
  private mask: number;

  constructor(capacity = 16) {
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.buf = new Array<T | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.buf.length) this.grow();
    this.buf[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** The i-th item from the front (0 = oldest). */
  get(i: number): T {
    return this.buf[(this.head + i) & this.mask] as T;
  }

  /** The same as get(i): the name read-only views of a queue use. */
  at(i: number): T {
    return this.buf[(this.head + i) & this.mask] as T;
  }

  shift(): T {
    if (this.count === 0) throw new Error("shift from an empty RingQueue");
    const item = this.buf[this.head] as T;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Removes and returns the i-th item, keeping the order of the rest. */
  removeAt(i: number): T {
    if (i === 0) return this.shift();
    const item = this.get(i);
    for (let j = i; j < this.count - 1; j++) {
      this.buf[(this.head + j) & this.mask] = this.buf[(this.head + j + 1) & this.mask];
    }
    this.buf[(this.head + this.count - 1) & this.mask] = undefined;
    this.count--;
    return item;
  }

  /** A copy of the items, oldest first (for schedulers' read-only views and tests). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.get(i));
    return out;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.buf.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) next[i] = this.get(i);
    this.buf = next;
    this.head = 0;
    this.mask = next.length - 1;
  }
}
