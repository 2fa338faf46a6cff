// ResourceAccount: one resource's busy and idle bookkeeping, fed by observer events with no Map
// look-up and no allocation per event. Invariant: each server's accumulators are exact up to
// since[s], and between two advances its (busy, idle cause) state is constant.
import type { Time } from "../core/time.js";

/** Idle causes, the index of a cause accumulator (3 per server). */
export const STARVED = 0;
export const UPSTREAM = 1;
export const HELD = 2;

/** Run-wide state the accounts read: requests in the system, and the last completion (-1: none). */
export interface SystemState {
  inSystem: number;
  lastCompletion: Time;
}

/**
 * Per server: busy time, first start, last end, and idle time by cause — starved (no unfinished
 * request in the system), upstream (requests exist, none waits here) and held (work waits here
 * while this server is idle). Cause accumulators are snapshotted at the first start and at each
 * end, so idle after the last end (drain) is left out of the internal split.
 *
 * The run window ends at the last completion, which is only known at the end. Work may run after
 * it (a dropped request's sibling step), so every advance also records the server's state "as of"
 * the last completion seen so far (the `w*` arrays); the report reads those, which clips such work
 * out of the window instead of giving a negative drain.
 */
export class ResourceAccount {
  private waiting = 0;
  private readonly busy: Uint8Array;
  private readonly busySince: Float64Array;
  private readonly since: Float64Array;
  private readonly busyNs: Float64Array;
  private readonly cause: Float64Array;
  private readonly firstStart: Float64Array;
  private readonly lastEnd: Float64Array;
  private readonly causeAtFirst: Float64Array;
  private readonly causeAtEnd: Float64Array;
  /** The same figures as of the window end (the last completion). */
  private readonly wBusyNs: Float64Array;
  private readonly wFirstStart: Float64Array;
  private readonly wLastEnd: Float64Array;
  private readonly wCauseAtEnd: Float64Array;

  constructor(
    readonly servers: number,
    private readonly sys: SystemState,
  ) {
    const n = servers;
    this.busy = new Uint8Array(n);
    this.busySince = new Float64Array(n);
    this.since = new Float64Array(n);
    this.busyNs = new Float64Array(n);
    this.cause = new Float64Array(3 * n);
    this.firstStart = new Float64Array(n).fill(-1);
    this.lastEnd = new Float64Array(n).fill(-1);
    this.causeAtFirst = new Float64Array(3 * n);
    this.causeAtEnd = new Float64Array(3 * n);
    this.wBusyNs = new Float64Array(n);
    this.wFirstStart = new Float64Array(n).fill(-1);
    this.wLastEnd = new Float64Array(n).fill(-1);
    this.wCauseAtEnd = new Float64Array(3 * n);
  }

  /** Settles every server up to `t`; call before the system count or the waiting count changes. */
  advance(t: Time): void {
    const cls = this.currentCause();
    for (let s = 0; s < this.servers; s++) this.advanceServer(s, t, cls);
  }

  /** The resource now has `n` ready works waiting; only a 0 <-> >0 change moves a cause. */
  setWaiting(n: number, t: Time): void {
    if (n > 0 !== this.waiting > 0) this.advance(t);
    this.waiting = n;
  }

  start(s: number, t: Time): void {
    this.advanceServer(s, t, this.currentCause());
    this.busy[s] = 1;
    this.busySince[s] = t;
    if (this.firstStart[s]! < 0) {
      this.firstStart[s] = t;
      for (let k = 0; k < 3; k++) this.causeAtFirst[3 * s + k] = this.cause[3 * s + k]!;
    }
  }

  end(s: number, t: Time): void {
    this.advanceServer(s, t, this.currentCause());
    this.busy[s] = 0;
    this.lastEnd[s] = t;
    for (let k = 0; k < 3; k++) this.causeAtEnd[3 * s + k] = this.cause[3 * s + k]!;
  }

  /** Fixes the window end at `t1` (>= every event time when nothing completed); call once, at the end. */
  settle(t1: Time): void {
    for (let s = 0; s < this.servers; s++) if (t1 >= this.since[s]!) this.snapshot(s, t1);
  }

  // Read after settle(): figures of server s clipped to the window.
  /** Busy time within the window. */
  windowBusyNs(s: number): number {
    return this.wBusyNs[s]!;
  }
  /** First start, or -1 when the server did no work within the window. */
  windowFirstStart(s: number): Time {
    return this.wFirstStart[s]!;
  }
  /** Last end (the window end when busy across it), or -1. */
  windowLastEnd(s: number): Time {
    return this.wLastEnd[s]!;
  }
  /** Idle time of cause k between the server's first start and its last end. */
  internalIdleNs(s: number, k: number): number {
    if (this.wFirstStart[s]! < 0) return 0;
    return this.wCauseAtEnd[3 * s + k]! - this.causeAtFirst[3 * s + k]!;
  }

  private currentCause(): number {
    return this.sys.inSystem === 0 ? STARVED : this.waiting > 0 ? HELD : UPSTREAM;
  }

  private advanceServer(s: number, t: Time, cls: number): void {
    const from = this.since[s]!;
    // The state over [from, t] is constant, so the figures at the window end (<= t) are exact.
    if (this.sys.lastCompletion >= from) this.snapshot(s, this.sys.lastCompletion);
    if (this.busy[s] === 1) this.busyNs[s] = this.busyNs[s]! + (t - from);
    else this.cause[3 * s + cls] = this.cause[3 * s + cls]! + (t - from);
    this.since[s] = t;
  }

  /** Records server s as of time w (since[s] <= w, state constant over [since[s], w]). */
  private snapshot(s: number, w: Time): void {
    if (this.busy[s] === 1 && this.busySince[s]! < w) {
      // Busy across w: the active span runs to w; causes do not move while busy.
      this.wBusyNs[s] = this.busyNs[s]! + (w - this.since[s]!);
      this.wFirstStart[s] = this.firstStart[s]!;
      this.wLastEnd[s] = w;
      for (let k = 0; k < 3; k++) this.wCauseAtEnd[3 * s + k] = this.cause[3 * s + k]!;
      return;
    }
    // Idle at w, or starting exactly at w (no overlap with the window): up to its last end.
    this.wBusyNs[s] = this.busyNs[s]!;
    this.wFirstStart[s] = this.lastEnd[s]! >= 0 ? this.firstStart[s]! : -1;
    this.wLastEnd[s] = this.lastEnd[s]!;
    for (let k = 0; k < 3; k++) this.wCauseAtEnd[3 * s + k] = this.causeAtEnd[3 * s + k]!;
  }
}
