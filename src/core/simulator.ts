// The kernel: a clock and an event queue. One instance per run, no globals; handlers are plain
// callbacks created once per component (no closures, Promises or generators per event).
import { EventQueue, Phase, type Handler } from "./event-queue.js";
import { createStream, type RandomStream } from "./random.js";
import type { Time } from "./time.js";

export { Phase } from "./event-queue.js";
export type { Handler } from "./event-queue.js";

export class Simulator {
  private readonly queue = new EventQueue();
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
    return this.queue.push(time, phase, handler, arg);
  }

  /** Schedules `handler(arg)` `delay` ns from now. */
  after(delay: Time, phase: Phase, handler: Handler, arg = 0): number {
    return this.at(this.now + delay, phase, handler, arg);
  }

  /** Cancels a pending event (lazily: it is skipped when popped). Cancel only pending events. */
  cancel(id: number): void {
    this.queue.cancel(id);
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
    return this.queue.size;
  }

  /** Runs events in (time, phase, seq) order until none is left, `until` is passed, or stop(). */
  run(until: Time = Infinity): void {
    const q = this.queue;
    this.stopped = false;
    while (!this.stopped) {
      if (q.peekTime() > until) break;
      const h = q.pop();
      if (h === undefined) break;
      this.now = q.poppedTime;
      this.eventCount++;
      h(q.poppedArg);
    }
    if (until !== Infinity && !this.stopped && until > this.now) this.now = until;
  }
}
