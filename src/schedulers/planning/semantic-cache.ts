// COACH's context-aware semantic cache (coach-decc.md §1.5.3, reconstructed): at most K scene
// labels, filled with the labels the cloud returns and evicted by least-recent or least-frequent
// return. A frame hits when its label is cached and its closeness to the label's centre reaches θ.
// Typed arrays and a linear scan: K is small (16 by default) and this runs once per frame.
export type Eviction = "lru" | "lfu";

export class SemanticCache {
  private readonly labels: Int32Array;
  /** Return counter at the label's last return (lru), or its number of returns (lfu). */
  private readonly rank: Float64Array;
  /** When each entry came in, to break lfu ties by age (oldest goes first). */
  private readonly since: Float64Array;
  private size = 0;
  private clock = 0;

  constructor(readonly capacity: number, private readonly eviction: Eviction) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`cache size must be a whole number >= 1, got ${capacity}`);
    this.labels = new Int32Array(capacity);
    this.rank = new Float64Array(capacity);
    this.since = new Float64Array(capacity);
  }

  has(label: number): boolean {
    for (let i = 0; i < this.size; i++) if (this.labels[i] === label) return true;
    return false;
  }

  /** The cloud returned `label`: refresh it, or insert it, evicting one entry when full. */
  returned(label: number): void {
    this.clock++;
    for (let i = 0; i < this.size; i++) {
      if (this.labels[i] !== label) continue;
      this.rank[i] = this.eviction === "lru" ? this.clock : this.rank[i]! + 1;
      return;
    }
    let at = this.size;
    if (this.size === this.capacity) {
      at = 0;
      for (let i = 1; i < this.size; i++) {
        if (this.rank[i]! < this.rank[at]! || (this.rank[i] === this.rank[at] && this.since[i]! < this.since[at]!)) at = i;
      }
    } else this.size++;
    this.labels[at] = label;
    this.rank[at] = this.eviction === "lru" ? this.clock : 1;
    this.since[at] = this.clock;
  }

  get entries(): number {
    return this.size;
  }
}
