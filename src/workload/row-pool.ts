// RowPool: fixed-width rows of doubles in big Float64Array chunks, handed out and taken back by
// slot number. In-flight requests and works keep their times here rather than in object fields:
// a double in an object field is a separate heap box, and a backlog of a million requests would
// otherwise be millions of boxes for the garbage collector to copy and trace. Chunks are never
// reallocated (a row's array stays valid while the row is held) and freed slots are reused, so
// memory follows the peak number in flight, not the run's length.
export class RowPool {
  private readonly chunks: Float64Array[] = [];
  private readonly shift: number;
  private readonly mask: number;
  private free = new Int32Array(256);
  private freeCount = 0;
  private nextSlot = 0;

  /** Rows of `width` doubles, 2^`chunkBits` rows per chunk. */
  constructor(
    readonly width: number,
    chunkBits = 10,
  ) {
    this.shift = chunkBits;
    this.mask = (1 << chunkBits) - 1;
  }

  /** Rows handed out so far and not taken back. */
  get inUse(): number {
    return this.nextSlot - this.freeCount;
  }

  /** A free slot (its row's contents are whatever the last holder left). */
  acquire(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    const slot = this.nextSlot++;
    if (slot >>> this.shift === this.chunks.length) this.chunks.push(new Float64Array(this.width << this.shift));
    return slot;
  }

  /** The chunk holding `slot`'s row. */
  chunk(slot: number): Float64Array {
    return this.chunks[slot >>> this.shift]!;
  }

  /** Where `slot`'s row starts in its chunk. */
  offset(slot: number): number {
    return (slot & this.mask) * this.width;
  }

  /** Takes `slot` back; its row may be handed out again at once. */
  release(slot: number): void {
    if (this.freeCount === this.free.length) {
      const grown = new Int32Array(this.free.length * 2);
      grown.set(this.free);
      this.free = grown;
    }
    this.free[this.freeCount++] = slot;
  }
}
