// What part of a run a timeline shows: a range of request ids and/or a time window, and the cap on
// the requests it may cover. The view's time span follows from them; everything outside is dropped
// as soon as it is known to be outside, so a long run with a narrow selection keeps little in memory.
import type { Time } from "../core/time.js";

/** Requests a timeline covers by default; more must be asked for explicitly (docs/timeline.md). */
export const DEFAULT_TIMELINE_MAX_REQUESTS = 10_000;

export interface TimelineSelection {
  /** Request ids first..last (inclusive, ids in arrival order from 0); absent: every request. */
  requests?: { first: number; last: number };
  /** Simulation time [fromNs, toNs]; absent: the whole run. */
  window?: { fromNs: Time; toNs: Time };
  /** Most requests the timeline may show a step of (default DEFAULT_TIMELINE_MAX_REQUESTS). */
  maxRequests?: number;
}

/**
 * The time span the view covers, learnt as the run goes. With a window it is fixed. With a request
 * range it opens at the first selected arrival and closes once every selected request has left;
 * until then its ends are ±Infinity, which keeps whatever might still fall inside.
 */
export class TimelineSpan {
  fromNs: Time;
  toNs: Time;
  private readonly windowTo: Time;
  private leftInRange = 0;
  private lastLeave: Time = -Infinity;

  constructor(private readonly sel: TimelineSelection) {
    this.fromNs = sel.window?.fromNs ?? (sel.requests === undefined ? -Infinity : Infinity);
    this.windowTo = sel.window?.toNs ?? Infinity;
    this.toNs = this.windowTo;
  }

  /** Whether request `id` is selected by the range (the window selects by time, not by id). */
  selects(id: number): boolean {
    const r = this.sel.requests;
    return r === undefined || (id >= r.first && id <= r.last);
  }

  /** A request arrived: the first selected arrival opens a range's span. */
  arrive(id: number, t: Time): void {
    const r = this.sel.requests;
    if (r !== undefined && id === r.first) this.fromNs = Math.max(t, this.sel.window?.fromNs ?? -Infinity);
  }

  /** A selected request left (completed or dropped): the last one closes a range's span. */
  leave(id: number, t: Time): void {
    const r = this.sel.requests;
    if (r === undefined || !this.selects(id)) return;
    this.lastLeave = Math.max(this.lastLeave, t);
    if (++this.leftInRange === r.last - r.first + 1) this.toNs = Math.min(this.lastLeave, this.windowTo);
  }

  /**
   * At the end of the run: a range that asked for ids past the last request closes at the last
   * selected leave; a range none of whose requests arrived shows nothing.
   */
  settle(): void {
    if (this.sel.requests === undefined) return;
    if (this.fromNs === Infinity) this.toNs = -Infinity;
    else if (this.toNs === this.windowTo && this.lastLeave > -Infinity) this.toNs = Math.min(this.lastLeave, this.windowTo);
  }

  /** Whether [a, b] can still meet the span (an interval ending at its start is outside). */
  overlaps(a: Time, b: Time): boolean {
    return b >= this.fromNs && a <= this.toNs;
  }
}
