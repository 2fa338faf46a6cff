// RequestWindow: the invariant checker's per-request state — in the system, completed or dropped,
// and which plan steps have ended (a bit each) — for the requests from the oldest one
// still in the system to the newest, in a ring of typed arrays indexed by request id. Ids are given
// in arrival order (0, 1, ...), so memory follows the span of requests in flight, not the run's
// length, and a look-up is a mask and an index: no Map, no object per request.

/**
 * A request's state in the window. IN_SYSTEM is 0, what a free slot holds, so an arrival writes
 * nothing: slots are cleared as the window moves past them.
 */
export const IN_SYSTEM = 0;
export const COMPLETED = 2;
export const DROPPED = 3;

export class RequestWindow {
  /** Oldest id that has not left, and one past the newest id seen. Ids below `base` have left. */
  base = 0;
  next = 0;
  /** 32-bit words of step bits per request (plans of up to 32 × stride steps). */
  stride = 1;
  private mask = 1023;
  private state = new Uint8Array(1024);
  private ended = new Uint32Array(1024);

  /** State of request `id`, which must be in [base, next). */
  stateOf(id: number): number {
    return this.state[id & this.mask]!;
  }

  /** Enters request `id` (= next: ids come in arrival order) as in the system, with no step ended. */
  arrive(id: number): void {
    if (id - this.base > this.mask) this.resize(this.ringSizeFor(id - this.base + 1), this.stride);
    this.next = id + 1;
  }

  /** Request `id` (in the window, in the system) completed or was dropped; the window moves past leavers. */
  leave(id: number, how: number): void {
    this.state[id & this.mask] = how;
    if (id === this.base) this.advance();
  }

  /** Moves `base` past the requests that have left, freeing (clearing) their slots. */
  private advance(): void {
    const { mask, stride } = this;
    while (this.base < this.next && this.state[this.base & mask] !== IN_SYSTEM) {
      const slot = this.base & mask;
      this.state[slot] = IN_SYSTEM;
      for (let w = slot * stride; w < (slot + 1) * stride; w++) this.ended[w] = 0;
      this.base++;
    }
  }

  /** Makes room for plans of `steps` steps (a rare re-layout when a larger plan first appears). */
  fit(steps: number): void {
    if (steps > this.stride * 32) this.resize(this.mask + 1, Math.ceil(steps / 32));
  }

  /** Marks step `step` of request `id` ended; false if it had ended already. */
  end(id: number, step: number): boolean {
    const w = (id & this.mask) * this.stride + (step >>> 5);
    const bit = 1 << (step & 31);
    const had = this.ended[w]! & bit;
    this.ended[w] = this.ended[w]! | bit;
    return had === 0;
  }

  hasEnded(id: number, step: number): boolean {
    return (this.ended[(id & this.mask) * this.stride + (step >>> 5)]! & (1 << (step & 31))) !== 0;
  }

  /** Whether steps 0..steps-1 of request `id` have all ended (one compare for plans of up to 30 steps). */
  allEnded(id: number, steps: number): boolean {
    // From 31 steps on, (1 << steps) - 1 is no longer a positive 32-bit mask.
    if (steps > 30 || this.stride !== 1) return this.firstNotEnded(id, steps) < 0;
    return this.ended[id & this.mask] === (1 << steps) - 1;
  }

  /** The first of steps 0..steps-1 of request `id` that has not ended, or -1. */
  firstNotEnded(id: number, steps: number): number {
    const at = (id & this.mask) * this.stride;
    for (let w = 0; w * 32 < steps; w++) {
      const left = steps - w * 32;
      const full = left >= 32 ? 0xffffffff : (1 << left) - 1;
      const missing = (~this.ended[at + w]! & full) >>> 0;
      if (missing !== 0) return w * 32 + (31 - Math.clz32(missing & -missing));
    }
    return -1;
  }

  private ringSizeFor(span: number): number {
    let size = this.mask + 1;
    while (size < span) size *= 2;
    return size;
  }

  /** Moves the requests in flight into a ring of `size` slots of `stride` words each. */
  private resize(size: number, stride: number): void {
    const state = new Uint8Array(size);
    const ended = new Uint32Array(size * stride);
    const keep = Math.min(this.stride, stride);
    for (let id = this.base; id < this.next; id++) {
      const from = id & this.mask;
      const to = id & (size - 1);
      state[to] = this.state[from]!;
      for (let w = 0; w < keep; w++) ended[to * stride + w] = this.ended[from * this.stride + w]!;
    }
    this.state = state;
    this.ended = ended;
    this.mask = size - 1;
    this.stride = stride;
  }
}
