// Idle slices of every server, cut where their cause changes, for the timeline. The causes are those
// of ResourceAccounts (resource-account.ts) taken pointwise: an idle instant is STARVED when no
// request is in the system, HELD when this resource has waiting work, UPSTREAM otherwise — the
// integrands of its S(t) and H_r(t). Fill and drain are decided at the end as bubbles.ts does:
// idle before a server's first start is fill, idle after its last end up to T1 is drain.
import type { Time } from "../core/time.js";
import { HELD, STARVED, UPSTREAM } from "./resource-account.js";

/** An idle stretch of one server: from an end (or -1: before its first start) to the next start. */
interface Stretch {
  start: Time;
  /** The start that closed it, Infinity while open. */
  end: Time;
}

export interface IdleSegment {
  /** Resource index and server within it. */
  res: number;
  server: number;
  fromNs: Time;
  toNs: Time;
  /** STARVED, UPSTREAM or HELD while it lasted. */
  cause: number;
  stretch: Stretch;
}

/** What an idle slice is called in the trace: the report's fill and drain, or an internal cause. */
export type IdleKind = "fill" | "drain" | "starved" | "upstream" | "held";

const CAUSE_NAMES: Record<number, IdleKind> = { [STARVED]: "starved", [UPSTREAM]: "upstream", [HELD]: "held" };

export class IdleSegments {
  private inSystem = 0;
  private readonly waiting: Int32Array;
  /** Per resource: its first global server index. */
  private readonly first: Int32Array;
  private readonly resOf: Int32Array;
  private readonly busy: Uint8Array;
  /** Open segment of each idle server: its start, cause and stretch. */
  private readonly segFrom: Float64Array;
  private readonly segCause: Uint8Array;
  private readonly stretch: Stretch[];
  readonly segments: IdleSegment[] = [];

  /** `keep(a, b)` says whether a closed segment [a, b] may be shown (the span test). */
  constructor(servers: readonly number[], private readonly keep: (a: Time, b: Time) => boolean) {
    this.waiting = new Int32Array(servers.length);
    this.first = new Int32Array(servers.length);
    const n = servers.reduce((a, b) => a + b, 0);
    this.resOf = new Int32Array(n);
    let g = 0;
    servers.forEach((c, r) => {
      this.first[r] = g;
      for (let s = 0; s < c; s++) this.resOf[g++] = r;
    });
    this.busy = new Uint8Array(n);
    this.segFrom = new Float64Array(n);
    // Before the first arrival the system is empty: starved, clipped away later as before T0.
    this.segCause = new Uint8Array(n).fill(STARVED);
    this.stretch = Array.from({ length: n }, () => ({ start: -1, end: Infinity }));
  }

  arrive(t: Time): void {
    if (this.inSystem++ === 0) this.recauseAll(t);
  }

  leave(t: Time): void {
    if (--this.inSystem === 0) this.recauseAll(t);
  }

  /** Only a change between none and some waiting work moves a resource between held and upstream. */
  setWaiting(r: number, n: number, t: Time): void {
    const was = this.waiting[r]!;
    this.waiting[r] = n;
    if ((was === 0) !== (n === 0)) this.recause(r, t);
  }

  start(r: number, s: number, t: Time): void {
    const g = this.first[r]! + s;
    this.close(g, t);
    this.stretch[g]!.end = t;
    this.busy[g] = 1;
  }

  end(r: number, s: number, t: Time): void {
    const g = this.first[r]! + s;
    this.busy[g] = 0;
    this.stretch[g] = { start: t, end: Infinity };
    this.segFrom[g] = t;
    this.segCause[g] = this.causeOf(r);
  }

  /** Closes every open segment at the end of the run. */
  finish(t: Time): void {
    for (let g = 0; g < this.busy.length; g++) if (this.busy[g] === 0) this.close(g, t);
  }

  /**
   * The segments clipped to [from, to] ∩ [t0, t1], each named: fill before the server's first
   * start, drain after its last end up to T1 (a stretch not closed before T1), else its cause.
   * Touching segments of one server with the same name become one (a fill cut by the system
   * emptying and filling is still one fill).
   */
  named(t0: Time, t1: Time, from: Time, to: Time): Array<IdleSegment & { kind: IdleKind }> {
    const lo = Math.max(t0, from);
    const hi = Math.min(t1, to);
    const out: Array<IdleSegment & { kind: IdleKind }> = [];
    const last = new Map<number, IdleSegment & { kind: IdleKind }>();
    for (const seg of this.segments) {
      const a = Math.max(seg.fromNs, lo);
      const b = Math.min(seg.toNs, hi);
      if (!(b > a)) continue;
      const kind: IdleKind = seg.stretch.start < 0 ? "fill" : seg.stretch.end >= t1 ? "drain" : CAUSE_NAMES[seg.cause]!;
      const g = this.first[seg.res]! + seg.server;
      const prev = last.get(g);
      if (prev !== undefined && prev.kind === kind && prev.toNs === a) {
        prev.toNs = b;
        continue;
      }
      const named = { ...seg, fromNs: a, toNs: b, kind };
      out.push(named);
      last.set(g, named);
    }
    return out;
  }

  private causeOf(r: number): number {
    if (this.inSystem === 0) return STARVED;
    return this.waiting[r]! > 0 ? HELD : UPSTREAM;
  }

  /** Idle servers of r whose cause changed end their segment at t and open one with the new cause. */
  private recause(r: number, t: Time): void {
    const cause = this.causeOf(r);
    const end = r + 1 < this.first.length ? this.first[r + 1]! : this.busy.length;
    for (let g = this.first[r]!; g < end; g++) {
      if (this.busy[g] === 1 || this.segCause[g] === cause) continue;
      this.close(g, t);
      this.segFrom[g] = t;
      this.segCause[g] = cause;
    }
  }

  private recauseAll(t: Time): void {
    for (let r = 0; r < this.first.length; r++) this.recause(r, t);
  }

  private close(g: number, t: Time): void {
    const from = this.segFrom[g]!;
    if (t > from && this.keep(from, t)) {
      const r = this.resOf[g]!;
      this.segments.push({ res: r, server: g - this.first[r]!, fromNs: from, toNs: t, cause: this.segCause[g]!, stretch: this.stretch[g]! });
    }
  }
}
