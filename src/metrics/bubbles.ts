// Per-resource busy and idle accounting, fed by observer events in O(servers) per event with no
// allocation: busy time, first start and last end per server, and idle time split by cause —
// starved (no unfinished request in the system), upstream (requests exist but none is waiting
// for this resource) and held (work waits here while this server is idle: the policy holds it).
import type { Time } from "../core/time.js";

const STARVED = 0;
const UPSTREAM = 1;
const HELD = 2;

export class ResourceAccount {
  readonly busyNs: Float64Array;
  readonly firstStart: Float64Array;
  readonly lastEnd: Float64Array;
  /** Cause accumulators per server (3 per server), advanced lazily to `since`. */
  private readonly cause: Float64Array;
  /** The accumulators at each server's first start and at its latest end. */
  private readonly atFirstStart: Float64Array;
  private readonly atLastEnd: Float64Array;
  private readonly since: Float64Array;
  private readonly busySince: Float64Array;
  private readonly busy: Uint8Array;
  private waiting = 0;

  constructor(readonly servers: number) {
    this.busyNs = new Float64Array(servers);
    this.firstStart = new Float64Array(servers).fill(-1);
    this.lastEnd = new Float64Array(servers).fill(-1);
    this.cause = new Float64Array(3 * servers);
    this.atFirstStart = new Float64Array(3 * servers);
    this.atLastEnd = new Float64Array(3 * servers);
    this.since = new Float64Array(servers);
    this.busySince = new Float64Array(servers);
    this.busy = new Uint8Array(servers);
  }

  /** Brings every idle server's cause accumulator up to `t` under the current state. */
  advance(t: Time, inSystem: number): void {
    const c = inSystem === 0 ? STARVED : this.waiting > 0 ? HELD : UPSTREAM;
    for (let s = 0; s < this.servers; s++) {
      if (this.busy[s] === 0) this.cause[3 * s + c] = this.cause[3 * s + c]! + (t - this.since[s]!);
      this.since[s] = t;
    }
  }

  setWaiting(n: number, t: Time, inSystem: number): void {
    if ((n > 0) !== (this.waiting > 0)) this.advance(t, inSystem);
    this.waiting = n;
  }

  start(s: number, t: Time, inSystem: number): void {
    this.advance(t, inSystem);
    this.busy[s] = 1;
    this.busySince[s] = t;
    if (this.firstStart[s]! < 0) {
      this.firstStart[s] = t;
      for (let k = 0; k < 3; k++) this.atFirstStart[3 * s + k] = this.cause[3 * s + k]!;
    }
  }

  end(s: number, t: Time, inSystem: number): void {
    this.advance(t, inSystem);
    this.busy[s] = 0;
    this.busyNs[s] = this.busyNs[s]! + (t - this.busySince[s]!);
    this.lastEnd[s] = t;
    for (let k = 0; k < 3; k++) this.atLastEnd[3 * s + k] = this.cause[3 * s + k]!;
  }

  get used(): boolean {
    return this.firstStart.some((x) => x >= 0);
  }

  /** Idle time between each server's first start and last end, by cause, summed over servers. */
  internalIdleByCause(): { starved: number; upstream: number; held: number } {
    const out = [0, 0, 0];
    for (let s = 0; s < this.servers; s++) {
      if (this.firstStart[s]! < 0) continue;
      for (let k = 0; k < 3; k++) out[k] = out[k]! + this.atLastEnd[3 * s + k]! - this.atFirstStart[3 * s + k]!;
    }
    return { starved: out[STARVED]!, upstream: out[UPSTREAM]!, held: out[HELD]! };
  }
}

export interface BubbleFigures {
  busyNs: number;
  fillNs: number;
  drainNs: number;
  internalIdleNs: number;
  bubbleRatio: number;
  activeBubbleRatio: number;
  /** Σ over used servers of (last end − first start). */
  spanNs: number;
  firstStartNs: number;
  lastEndNs: number;
}

/**
 * Bubble figures of one resource over the run window [t0, t1] (DESIGN §6): β = 1 − B/(c·(T1−T0));
 * fill = Σ_servers (first start − T0) (a never-used server's whole window), drain = Σ (T1 − last
 * end), internal = c·(T1−T0) − B − fill − drain; active ratio = 1 − B / Σ (last end − first start).
 */
export function bubbleFigures(a: ResourceAccount, t0: Time, t1: Time): BubbleFigures {
  const window = t1 - t0;
  let busy = 0;
  let fill = 0;
  let drain = 0;
  let span = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let s = 0; s < a.servers; s++) {
    busy += a.busyNs[s]!;
    if (a.firstStart[s]! < 0) {
      fill += window;
      continue;
    }
    fill += a.firstStart[s]! - t0;
    drain += t1 - a.lastEnd[s]!;
    span += a.lastEnd[s]! - a.firstStart[s]!;
    first = Math.min(first, a.firstStart[s]!);
    last = Math.max(last, a.lastEnd[s]!);
  }
  const capacity = a.servers * window;
  return {
    busyNs: busy,
    fillNs: fill,
    drainNs: drain,
    internalIdleNs: capacity - busy - fill - drain,
    bubbleRatio: capacity > 0 ? 1 - busy / capacity : 0,
    activeBubbleRatio: span > 0 ? 1 - busy / span : 0,
    spanNs: span,
    firstStartNs: first === Infinity ? -1 : first,
    lastEndNs: last === -Infinity ? -1 : last,
  };
}
