// A growable FIFO ring buffer with indexed access, so a scheduler can look at (and pick from)
// the waiting works without copying. push/shift are O(1); removeAt(i) is O(i) (picks are rare).

export class RingQueue<T> {
  private buf: Array<T | undefined>;
  private head = 0;
  private count = 0;

  constructor(capacity = 16) {
    this.buf = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.buf.length) this.grow();
    this.buf[(this.head + this.count) % this.buf.length] = item;
    this.count++;
  }

  /** The i-th item from the front (0 = oldest). */
  get(i: number): T {
    return this.buf[(this.head + i) % this.buf.length] as T;
  }

  shift(): T {
    if (this.count === 0) throw new Error("shift from an empty RingQueue");
    const item = this.buf[this.head] as T;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.count--;
    return item;
  }

  /** Removes and returns the i-th item, keeping the order of the rest. */
  removeAt(i: number): T {
    if (i === 0) return this.shift();
    const item = this.get(i);
    for (let j = i; j < this.count - 1; j++) {
      this.buf[(this.head + j) % this.buf.length] = this.buf[(this.head + j + 1) % this.buf.length];
    }
    this.buf[(this.head + this.count - 1) % this.buf.length] = undefined;
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
    const next = new Array<T | undefined>(this.buf.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.get(i);
    this.buf = next;
    this.head = 0;
  }
}
