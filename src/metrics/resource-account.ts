// ResourceAccounts: busy and idle bookkeeping of every server of every resource, fed by observer
// events in O(1) each — no Map look-up, no allocation and no loop over servers per event.
//
// Idle time is split by cause — starved (no unfinished request in the system), held (work waits at
// this resource while the server is idle) and upstream (requests exist, none waits here). Rather
// than advancing every idle server whenever the system empties or a queue fills, two running
// integrals are kept: S(t), the time the system has been empty, and H_r(t), the time resource r
// has had waiting work while the system was not empty. An idle interval [a, b] of a server of r
// then splits exactly into starved S(b) − S(a), held H_r(b) − H_r(a), and upstream the rest.
//
// Cause totals are snapshotted at a server's first start and at each end, so idle before the
// first start (fill) and after the last end (drain) are left out of the internal split.
//
// The run window ends at the last completion, which is only known at the end. Work may run after
// it (a dropped request's sibling step), so a server's state is also recorded "as of" the last
// completion seen so far, before the first state change after it (the `w*` arrays); the report
// reads those, which clips such work out of the window instead of giving a negative drain.
import type { Time } from "../core/time.js";

/** Idle causes, the index of a cause accumulator (3 per server). */
export const STARVED = 0;
export const UPSTREAM = 1;
export const HELD = 2;

export class ResourceAccounts {
  // The system: requests in it, the empty-time integral S and the last completion (-1: none).
  private inSystem = 0;
  /** Closed empty gaps, and the start of the open one (-1 when the system is not empty or before any arrival). */
  private emptyClosedNs = 0;
  private emptySince: Time = -1;
  /** S at the last completion: the empty time inside the window [T0, T1]. */
  private emptyAtCompletionNs = 0;
  private lastCompletion: Time = -1;

  // Per resource: servers [first[r], first[r] + count[r]), waiting works and the held integral H_r.
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly waiting: Int32Array;
  private readonly heldClosed: Float64Array;
  /** Start of the open held stretch of r, -1 when none. */
  private readonly heldSince: Float64Array;
  /** Resources with waiting work: when the system empties or fills, only they change H. */
  private resourcesWaiting = 0;

  // Per server (global index g).
  private readonly busy: Uint8Array;
  /** Start of the current busy or idle stretch. */
  private readonly since: Float64Array;
  /** S and H_r when the current idle stretch began. */
  private readonly emptyAtIdle: Float64Array;
  private readonly heldAtIdle: Float64Array;
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

  /**
   * `servers[r]` = parallel servers of resource r. `clip` false promises that no server changes
   * state after the last completion (nothing is dropped in flight), so the as-of-last-completion
   * records are not kept: settle() alone fixes the window end.
   */
  constructor(
    servers: readonly number[],
    private readonly clip = true,
  ) {
    const r = servers.length;
    this.first = new Int32Array(r);
    this.count = Int32Array.from(servers);
    for (let i = 1; i < r; i++) this.first[i] = this.first[i - 1]! + servers[i - 1]!;
    this.waiting = new Int32Array(r);
    this.heldClosed = new Float64Array(r);
    this.heldSince = new Float64Array(r).fill(-1);
    const n = servers.reduce((a, b) => a + b, 0);
    this.busy = new Uint8Array(n);
    this.since = new Float64Array(n);
    this.emptyAtIdle = new Float64Array(n);
    this.heldAtIdle = new Float64Array(n);
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

  // ---- system events -------------------------------------------------------------------------

  /** A request entered the system at t. */
  arrive(t: Time): void {
    if (this.inSystem === 0) {
      if (this.emptySince >= 0) this.emptyClosedNs += t - this.emptySince;
      this.emptySince = -1;
      if (this.resourcesWaiting > 0) this.heldResume(t);
    }
    this.inSystem++;
  }

  /** A request left the system at t (completed or dropped). */
  leave(t: Time, completed: boolean): void {
    this.inSystem--;
    if (this.inSystem === 0) {
      this.emptySince = t;
      if (this.resourcesWaiting > 0) this.heldPause(t);
    }
    if (completed) {
      this.lastCompletion = t;
      // Gaps closed so far all lie before this completion; one opened by it lies after.
      this.emptyAtCompletionNs = this.emptyClosedNs;
    }
  }

  /** Requests currently in the system. */
  get requestsInSystem(): number {
    return this.inSystem;
  }

  /** The last completion, -1 when none. */
  get lastCompletionTime(): Time {
    return this.lastCompletion;
  }

  /**
   * Time inside [T0, T1] with no request in the system: up to the last completion when there was
   * one, else up to `t1` (the last event seen).
   */
  emptyNs(t1: Time): number {
    if (this.lastCompletion >= 0) return this.emptyAtCompletionNs;
    return this.emptyClosedNs + (this.emptySince >= 0 ? t1 - this.emptySince : 0);
  }

  // ---- resource events -----------------------------------------------------------------------

  /** Resource r now has n ready works waiting; only a 0 <-> >0 change moves H_r. */
  setWaiting(r: number, n: number, t: Time): void {
    const was = this.waiting[r]!;
    this.waiting[r] = n;
    if (was === 0 && n > 0) {
      this.resourcesWaiting++;
      if (this.inSystem > 0) this.heldSince[r] = t;
    } else if (was > 0 && n === 0) {
      this.resourcesWaiting--;
      this.closeHeld(r, t);
    }
  }

  /** Server s (0-based within r) of resource r became busy at t. */
  start(r: number, s: number, t: Time): void {
    const g = this.first[r]! + s;
    if (this.clip) this.beforeChange(g);
    // Split the idle stretch [since, t] by cause.
    const idle = t - this.since[g]!;
    const starved = this.emptyAt(t) - this.emptyAtIdle[g]!;
    const held = this.heldAt(r, t) - this.heldAtIdle[g]!;
    const c = 3 * g;
    this.cause[c + STARVED] = this.cause[c + STARVED]! + starved;
    this.cause[c + HELD] = this.cause[c + HELD]! + held;
    this.cause[c + UPSTREAM] = this.cause[c + UPSTREAM]! + (idle - starved - held);
    this.busy[g] = 1;
    this.since[g] = t;
    if (this.firstStart[g]! < 0) {
      this.firstStart[g] = t;
      copyCauses(this.causeAtFirst, this.cause, c);
    }
  }

  /** Server s of resource r became free at t. */
  end(r: number, s: number, t: Time): void {
    const g = this.first[r]! + s;
    if (this.clip) this.beforeChange(g);
    this.busyNs[g] = this.busyNs[g]! + (t - this.since[g]!);
    this.busy[g] = 0;
    this.since[g] = t;
    this.emptyAtIdle[g] = this.emptyAt(t);
    this.heldAtIdle[g] = this.heldAt(r, t);
    this.lastEnd[g] = t;
    const c = 3 * g;
    copyCauses(this.causeAtEnd, this.cause, c);
  }

  /** Fixes the window end at `t1` (>= every event time when nothing completed); call once, at the end. */
  settle(t1: Time): void {
    for (let g = 0; g < this.busy.length; g++) if (t1 >= this.since[g]!) this.snapshot(g, t1);
  }

  // ---- read after settle(): server s of resource r, clipped to the window --------------------

  servers(r: number): number {
    return this.count[r]!;
  }
  /** Busy time within the window. */
  windowBusyNs(r: number, s: number): number {
    return this.wBusyNs[this.first[r]! + s]!;
  }
  /** First start, or -1 when the server did no work within the window. */
  windowFirstStart(r: number, s: number): Time {
    return this.wFirstStart[this.first[r]! + s]!;
  }
  /** Last end (the window end when busy across it), or -1. */
  windowLastEnd(r: number, s: number): Time {
    return this.wLastEnd[this.first[r]! + s]!;
  }
  /** Idle time of cause k between the server's first start and its last end. */
  internalIdleNs(r: number, s: number, k: number): number {
    const g = this.first[r]! + s;
    if (this.wFirstStart[g]! < 0) return 0;
    return this.wCauseAtEnd[3 * g + k]! - this.causeAtFirst[3 * g + k]!;
  }

  // ---- internals -----------------------------------------------------------------------------

  /** S(t): time the system has been empty (after the first arrival) up to t. */
  private emptyAt(t: Time): number {
    return this.emptySince >= 0 ? this.emptyClosedNs + (t - this.emptySince) : this.emptyClosedNs;
  }

  /** H_r(t): time r has had waiting work while the system was not empty, up to t. */
  private heldAt(r: number, t: Time): number {
    const since = this.heldSince[r]!;
    return since >= 0 ? this.heldClosed[r]! + (t - since) : this.heldClosed[r]!;
  }

  private closeHeld(r: number, t: Time): void {
    const since = this.heldSince[r]!;
    if (since < 0) return;
    this.heldClosed[r] = this.heldClosed[r]! + (t - since);
    this.heldSince[r] = -1;
  }

  /** The system filled again: every resource with waiting work is held from t. */
  private heldResume(t: Time): void {
    for (let r = 0; r < this.waiting.length; r++) if (this.waiting[r]! > 0) this.heldSince[r] = t;
  }

  /** The system emptied (only dropped requests' work can still wait): starved takes over. */
  private heldPause(t: Time): void {
    for (let r = 0; r < this.waiting.length; r++) if (this.waiting[r]! > 0) this.closeHeld(r, t);
  }

  /** Server g is about to change state: record it as of the last completion if that fell in this stretch. */
  private beforeChange(g: number): void {
    if (this.lastCompletion >= this.since[g]!) this.snapshot(g, this.lastCompletion);
  }

  /** Records server g as of time w (since[g] <= w, state constant over [since[g], w]). */
  private snapshot(g: number, w: Time): void {
    const c = 3 * g;
    if (this.busy[g] === 1 && this.since[g]! < w) {
      // Busy across w: the active span runs to w; causes do not move while busy.
      this.wBusyNs[g] = this.busyNs[g]! + (w - this.since[g]!);
      this.wFirstStart[g] = this.firstStart[g]!;
      this.wLastEnd[g] = w;
      copyCauses(this.wCauseAtEnd, this.cause, c);
      return;
    }
    // Idle at w, or starting exactly at w (no overlap with the window): up to its last end.
    this.wBusyNs[g] = this.busyNs[g]!;
    this.wFirstStart[g] = this.lastEnd[g]! >= 0 ? this.firstStart[g]! : -1;
    this.wLastEnd[g] = this.lastEnd[g]!;
    copyCauses(this.wCauseAtEnd, this.causeAtEnd, c);
  }
}

/** Copies one server's three cause accumulators (at offset c) from `from` to `to`. */
function copyCauses(to: Float64Array, from: Float64Array, c: number): void {
  to[c] = from[c]!;
  to[c + 1] = from[c + 1]!;
  to[c + 2] = from[c + 2]!;
}
