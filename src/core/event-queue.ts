// Future-event list: a binary min-heap over typed arrays keyed (time, phase, seq), lazy cancel.
// ORDERING RULE (the one place it is written): events pop by time, then by phase, then by seq.
// Phases at equal times run in this order: Trace (a bandwidth change becomes visible), Complete
// (finished work frees its server or link), Arrive (new requests), Dispatch (stations, links and
// schedulers choose, seeing all of the above), Observe (samplers). seq is the insertion counter,
// so events with equal (time, phase) are FIFO.

export const Phase = { Trace: 0, Complete: 1, Arrive: 2, Dispatch: 3, Observe: 4 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** A handler is created once per component, never per event; `arg` carries the event's data. */
export type Handler = (arg: number) => void;

// phase and seq share one float64 key: phase * 2^48 + seq stays exact (seq < 2^48 ≈ 2.8e14).
export const PHASE_SHIFT = 2 ** 48;

export class EventQueue {
  private times: Float64Array;
  private keys: Float64Array;
  private handlers: Handler[] = [];
  private args: Float64Array;
  private n = 0;
  private seq = 0;
  private readonly cancelled = new Set<number>();

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.args = new Float64Array(capacity);
  }

  /** Number of entries in the heap, cancelled ones included until they are popped. */
  get size(): number {
    return this.n;
  }

  /** Schedules `handler(arg)` at `time` in `phase`; returns the event id (its seq) for cancel. */
  push(time: number, phase: Phase, handler: Handler, arg: number): number {
    if (this.n === this.times.length) this.grow();
    const id = this.seq++;
    const key = phase * PHASE_SHIFT + id;
    // Sift up with a hole: move parents down until the new entry's place is found.
    let i = this.n++;
    const times = this.times;
    const keys = this.keys;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && keys[p]! < key)) break;
      this.move(p, i);
      i = p;
    }
    this.place(i, time, key, handler, arg);
    return id;
  }

  /** Marks an event as cancelled; it is skipped when it reaches the top. */
  cancel(id: number): void {
    this.cancelled.add(id);
  }

  /**
   * Takes the next seq without storing an event, for one the caller keeps elsewhere (the
   * simulator's same-instant list), so that ids stay unique and in (time, phase, seq) order.
   */
  takeSeq(): number {
    return this.seq++;
  }

  /** The (phase, seq) key of the next entry (cancelled ones included), or Infinity when empty. */
  peekKey(): number {
    return this.n > 0 ? this.keys[0]! : Infinity;
  }

  /** Time of the next live event, or Infinity when none is left. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  /**
   * Removes the next live event and returns its handler; its time and arg are left in
   * `poppedTime` and `poppedArg` so that no object is allocated per pop.
   */
  pop(): Handler | undefined {
    this.dropCancelledTop();
    if (this.n === 0) return undefined;
    this.poppedTime = this.times[0]!;
    this.poppedArg = this.args[0]!;
    const h = this.handlers[0]!;
    this.removeTop();
    return h;
  }

  poppedTime = 0;
  poppedArg = 0;

  private dropCancelledTop(): void {
    if (this.cancelled.size === 0) return;
    while (this.n > 0) {
      const id = this.keys[0]! % PHASE_SHIFT;
      if (!this.cancelled.delete(id)) return;
      this.removeTop();
    }
  }

  private removeTop(): void {
    const last = --this.n;
    const times = this.times;
    const keys = this.keys;
    const t = times[last]!;
    const k = keys[last]!;
    const h = this.handlers[last]!;
    const a = this.args[last]!;
    this.handlers[last] = undefined as unknown as Handler; // release the reference
    if (last === 0) return;
    // Sift down with a hole from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && keys[r]! < keys[c]!))) c = r;
      if (t < times[c]! || (t === times[c] && k < keys[c]!)) break;
      this.move(c, i);
      i = c;
    }
    this.place(i, t, k, h, a);
  }

  private place(i: number, time: number, key: number, handler: Handler, arg: number): void {
    this.times[i] = time;
    this.keys[i] = key;
    this.handlers[i] = handler;
    this.args[i] = arg;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.keys[to] = this.keys[from]!;
    this.handlers[to] = this.handlers[from]!;
    this.args[to] = this.args[from]!;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    this.times = t;
    const k = new Float64Array(cap);
    k.set(this.keys);
    this.keys = k;
    const a = new Float64Array(cap);
    a.set(this.args);
    this.args = a;
  }
}
