// Counter series of the timeline (queue lengths, estimated bandwidth) and the true bandwidth's steps
// read off a link's trace. A series keeps only what the view can show: changes inside its span, plus
// the last value before the span opens, which is the value the view starts with.
import type { Time } from "../core/time.js";
import type { BandwidthTrace } from "../platform/bandwidth/trace.js";
import type { TimelineSpan } from "./timeline-selection.js";

/** Most steps of a bandwidth trace drawn per link: a finer trace is cut off there (said in the trace's metadata). */
export const MAX_BANDWIDTH_STEPS = 100_000;

export class CounterSeries {
  readonly times: number[] = [];
  readonly values: number[] = [];

  constructor(private readonly span: TimelineSpan) {}

  /** The value is v from t on; a repeated value is not a change. */
  set(t: Time, v: number): void {
    const n = this.values.length;
    if (n > 0 && this.values[n - 1] === v) return;
    if (t > this.span.toNs) return;
    // Several changes at one instant (a queue filled, then a server took one): the last one holds.
    if (n > 0 && this.times[n - 1] === t) {
      this.times.pop();
      this.values.pop();
      if (this.values[n - 2] !== v) {
        this.times.push(t);
        this.values.push(v);
      }
      return;
    }
    // At or before the span's start only the latest value matters: it is what the view opens with.
    if (t <= this.span.fromNs) {
      this.times.length = 0;
      this.values.length = 0;
    }
    this.times.push(t);
    this.values.push(v);
  }

  /** Points within [from, to], the value before `from` moved onto `from`. */
  points(from: Time, to: Time): Array<[Time, number]> {
    const out: Array<[Time, number]> = [];
    for (let i = 0; i < this.times.length; i++) {
      const t = this.times[i]!;
      if (t > to) break;
      if (t < from) {
        const next = this.times[i + 1];
        if (next !== undefined && next <= from) continue;
        out.push([from, this.values[i]!]);
      } else out.push([t, this.values[i]!]);
    }
    return out;
  }
}

/**
 * The trace's rate (bytes/s) as steps over simulation time [from, to]: the rate at `from`, then one
 * point at each segment boundary where it changes (loops followed). Simulation time t reads trace
 * time t + offset, modulo the period when looping (trace.ts).
 */
export function rateSteps(trace: BandwidthTrace, from: Time, to: Time): { points: Array<[Time, number]>; truncated: boolean } {
  const { starts, rates, periodNs, offsetNs } = trace;
  const points: Array<[Time, number]> = [];
  let t = from;
  let last = NaN;
  while (t <= to) {
    if (points.length === MAX_BANDWIDTH_STEPS) return { points, truncated: true };
    let tau = t + offsetNs;
    if (periodNs > 0) tau %= periodNs;
    const i = segmentAt(starts, tau);
    const rate = rates[i]!;
    if (rate !== last) points.push([t, rate]);
    last = rate;
    const boundary = i + 1 < starts.length ? starts[i + 1]! : periodNs > 0 ? periodNs : Infinity;
    if (boundary === Infinity) break;
    t += boundary - tau;
  }
  return { points, truncated: false };
}

/** Bytes/s as Mbit/s, the unit of the scenario's bandwidthMbps. */
export function toMbps(bytesPerSec: number): number {
  return (bytesPerSec * 8) / 1e6;
}

/** Index of the last segment starting at or before tau. */
function segmentAt(starts: Float64Array, tau: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= tau) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
