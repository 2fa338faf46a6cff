// The kernel: a clock and an event queue. One instance per run, no globals; handlers are plain
// callbacks created once per component (no closures, Promises or generators per event).
//
// Dispatch events for the current instant (a station or link asking to choose "now", once all
// that happens at this instant is seen) are the commonest events of a run. They skip the heap:
// they wait in a FIFO "instant list" and run when the heap's next event is not at this instant
// with an earlier phase. Every at(now, Dispatch) goes to that list, so the heap's entries at
// (now, Dispatch) were all scheduled earlier and carry smaller seqs: the order is exactly the
// (time, phase, seq) order of event-queue.ts, only cheaper to keep.
import { EventQueue, Phase, PHASE_SHIFT, type Handler } from "./event-queue.js";
import { createStream, type RandomStream } from "./random.js";
import type { Time } from "./time.js";

export { Phase } from "./event-queue.js";
export type { Handler } from "./event-queue.js";

/** Keys below this belong to phases up to and including Dispatch. */
const DISPATCH_KEY_END = (Phase.Dispatch + 1) * PHASE_SHIFT;

export class Simulator {
  private readonly queue = new EventQueue();
  /** The instant list: Dispatch events at `now`, in seq order, from `instantHead` on. */
  private readonly instantHandlers: Array<Handler | undefined> = [];
  private readonly instantArgs: number[] = [];
  private readonly instantIds: number[] = [];
  private instantHead = 0;
  private instantEnd = 0;
  private readonly streams = new Map<string, RandomStream>();
  private idCounter = 0;
  private stopped = false;
  /** Current simulation time in ns. */
  now: Time = 0;
  /** Events handled so far (cancelled ones not counted). */
  eventCount = 0;

  constructor(readonly seed: number) {}

  /** Schedules `handler(arg)` at absolute time `time` (>= now) in `phase`; returns an id. */
  at(time: Time, phase: Phase, handler: Handler, arg = 0): number {
    if (!(time >= this.now)) {
      throw new Error(`cannot schedule at ${time} ns: it is before now (${this.now} ns)`);
    }
    if (time === this.now && phase === Phase.Dispatch) {
      const id = this.queue.takeSeq();
      const k = this.instantEnd++;
      this.instantHandlers[k] = handler;
      this.instantArgs[k] = arg;
      this.instantIds[k] = id;
      return id;
    }
    return this.queue.push(time, phase, handler, arg);
  }

  /** Schedules `handler(arg)` `delay` ns from now. */
  after(delay: Time, phase: Phase, handler: Handler, arg = 0): number {
    return this.at(this.now + delay, phase, handler, arg);
  }

  /** Cancels a pending event (lazily: it is skipped when popped). Cancel only pending events. */
  cancel(id: number): void {
    // An event of the instant list is marked there (its handler cleared), so running the list
    // never consults the heap's cancelled set. The list's ids are seqs taken in order, so they
    // ascend: a binary search finds one, and an id outside their range is the heap's.
    const ids = this.instantIds;
    let lo = this.instantHead;
    let hi = this.instantEnd - 1;
    if (hi >= lo && id >= ids[lo]! && id <= ids[hi]!) {
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = ids[mid]!;
        if (v === id) {
          this.instantHandlers[mid] = undefined;
          return;
        }
        if (v < id) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    this.queue.cancel(id);
  }

  /**
   * Called by a handler whose event turned out to be superseded (a stale wake-up it ignores):
   * the event is not counted, so eventCount stays the number of events that did something.
   */
  discardCurrent(): void {
    this.eventCount--;
  }

  /** A fresh run-scoped id (0, 1, 2, ...). */
  nextId(): number {
    return this.idCounter++;
  }

  /** The named random stream of this run, created on first use from (seed, name). */
  rng(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = createStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }

  /** Stops the run after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /** Number of pending entries (cancelled ones included until popped). */
  get pending(): number {
    return this.queue.size + this.instantEnd - this.instantHead;
  }

  /** Runs events in (time, phase, seq) order until none is left, `until` is passed, or stop(). */
  run(until: Time = Infinity): void {
    const q = this.queue;
    this.stopped = false;
    while (!this.stopped) {
      if (this.instantHead < this.instantEnd && !this.heapGoesFirst()) {
        this.runInstant();
        continue;
      }
      if (q.peekTime() > until) break;
      const h = q.pop();
      if (h === undefined) break;
      this.now = q.poppedTime;
      this.eventCount++;
      h(q.poppedArg);
    }
    if (until !== Infinity && !this.stopped && until > this.now) this.now = until;
  }

  /** Whether the heap's next live event is at this instant in a phase up to Dispatch. */
  private heapGoesFirst(): boolean {
    return this.queue.peekTime() === this.now && this.queue.peekKey() < DISPATCH_KEY_END;
  }

  private runInstant(): void {
    const i = this.instantHead++;
    const h = this.instantHandlers[i];
    const arg = this.instantArgs[i]!;
    this.instantHandlers[i] = undefined; // release the reference
    if (this.instantHead === this.instantEnd) this.instantHead = this.instantEnd = 0;
    if (h === undefined) return; // cancelled
    this.eventCount++;
    h(arg);
  }
}
