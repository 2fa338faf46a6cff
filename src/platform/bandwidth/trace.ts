// BandwidthTrace: piecewise-constant bytes/s over integer-ns segment starts, with exact
// integration. A segment covers [start, next start); without loop the last rate holds forever;
// with loop the pattern repeats with `periodNs`. The trace origin sits at simulation time
// -offsetNs (so simulation time t reads trace time t + offsetNs).
import { bisectRight } from "d3-array";
import { ceilNs, NS_PER_SEC, type Time } from "../../core/time.js";

/** Thrown when a transfer can never finish (zero rate to the end and no loop). */
export class NeverFinishesError extends Error {
  constructor(readonly zeroFromNs: Time) {
    super(`bandwidth is 0 from trace time ${zeroFromNs / NS_PER_SEC} s to the end and the trace does not loop`);
  }
}

export class BandwidthTrace {
  /** Segment starts in trace time, integer ns, strictly increasing, first = 0. */
  readonly starts: Float64Array;
  /** Bytes per second of each segment. */
  readonly rates: Float64Array;
  /** Loop period in ns, or 0 when the trace does not loop. */
  readonly periodNs: Time;
  readonly offsetNs: Time;
  /** Bytes one loop period carries (looping traces only). */
  private readonly bytesPerPeriod: number;
  /** The segment of the last look-up (see segmentAt). */
  private cursor = 0;

  constructor(starts: ArrayLike<number>, ratesBps: ArrayLike<number>, opts: { periodNs?: Time; offsetNs?: Time } = {}) {
    if (starts.length === 0 || starts.length !== ratesBps.length) throw new Error("a trace needs one rate per segment start");
    this.starts = Float64Array.from(starts, (s) => Math.round(s));
    this.rates = Float64Array.from(ratesBps);
    if (this.starts[0] !== 0) throw new Error("a trace's first segment must start at 0");
    for (let i = 1; i < this.starts.length; i++) {
      if (!(this.starts[i]! > this.starts[i - 1]!)) throw new Error("trace segment starts must increase");
    }
    for (const r of this.rates) if (!(r >= 0) || !Number.isFinite(r)) throw new Error("trace rates must be finite and >= 0");
    this.periodNs = Math.round(opts.periodNs ?? 0);
    // A period equal to the last start is allowed: that start then only closes the cycle.
    if (this.periodNs > 0 && this.periodNs < this.starts[this.starts.length - 1]!) {
      throw new Error("loop period ends before the last segment starts");
    }
    this.bytesPerPeriod = this.periodNs > 0 ? this.bytesBetween(0, this.periodNs) : 0;
    if (this.periodNs > 0 && this.bytesPerPeriod === 0) throw new Error("a looping trace must carry some bytes per period");
    this.offsetNs = Math.round(opts.offsetNs ?? 0);
  }

  /** A constant-rate trace. */
  static constant(bytesPerSec: number): BandwidthTrace {
    return new BandwidthTrace([0], [bytesPerSec]);
  }

  /**
   * The nominal rate in bytes/s: the mean over one period when looping, else the time-weighted
   * mean up to the last segment start (the constant rate for a one-segment trace).
   */
  meanRate(): number {
    if (this.periodNs > 0) return (this.bytesPerPeriod * NS_PER_SEC) / this.periodNs;
    const last = this.starts[this.starts.length - 1]!;
    if (last === 0) return this.rates[0]!;
    return (this.bytesBetween(0, last) * NS_PER_SEC) / last;
  }

  /** Rate in bytes/s at simulation time t (segment [start, next start)). */
  rate(t: Time): number {
    return this.rates[this.segmentAt(this.traceTime(t))]!;
  }

  /**
   * The first ns at which the bytes sent since t0 reach `bytes` (rounded up). 0 bytes end at t0.
   * Throws NeverFinishesError when the rate is 0 to the end of a non-looping trace.
   */
  finish(t0: Time, bytes: number): Time {
    if (bytes <= 0) return t0;
    let tau = this.traceTime(t0);
    let remaining = bytes;
    let elapsed = 0; // ns of simulation time since t0
    if (this.periodNs > 0) {
      // Skip whole periods at once so that huge transfers do not walk every segment.
      // A whole period carries bytesPerPeriod from any phase; keep the last one to walk so the
      // end lands inside it.
      let whole = Math.floor(remaining / this.bytesPerPeriod);
      if (remaining - whole * this.bytesPerPeriod <= 0) whole -= 1;
      if (whole >= 1) {
        remaining -= whole * this.bytesPerPeriod;
        elapsed += whole * this.periodNs;
      }
    }
    let i = this.segmentAt(tau);
    for (;;) {
      const end = this.segmentEnd(i);
      const rate = this.rates[i]!;
      const capacity = end === Infinity ? Infinity : (rate * (end - tau)) / NS_PER_SEC;
      if (rate > 0 && remaining <= capacity) {
        return t0 + elapsed + ceilNs((remaining * NS_PER_SEC) / rate);
      }
      if (end === Infinity) throw new NeverFinishesError(this.starts[i]!);
      remaining -= capacity;
      elapsed += end - tau;
      tau = end;
      i++;
      if (i === this.starts.length || (this.periodNs > 0 && tau >= this.periodNs)) {
        i = 0;
        tau = 0;
      }
    }
  }

  /** Bytes the trace carries between simulation times t0 <= t1 (across segments and loops). */
  bytesIn(t0: Time, t1: Time): number {
    if (t1 <= t0) return 0;
    let a = this.traceTime(t0);
    let left = t1 - t0;
    let sum = 0;
    if (this.periodNs > 0 && left >= this.periodNs) {
      const whole = Math.floor(left / this.periodNs);
      sum += whole * this.bytesPerPeriod;
      left -= whole * this.periodNs;
    }
    while (left > 0) {
      const i = this.segmentAt(a);
      const end = this.segmentEnd(i);
      const span = Math.min(left, end - a);
      sum += (this.rates[i]! * span) / NS_PER_SEC;
      left -= span;
      a += span;
      if (this.periodNs > 0 && a >= this.periodNs) a = 0;
    }
    return sum;
  }

  /** Bytes carried over [a, b) of trace time within one period (a <= b). */
  private bytesBetween(a: number, b: number): number {
    let sum = 0;
    for (let i = this.segmentAt(a); i < this.starts.length && this.starts[i]! < b; i++) {
      const lo = Math.max(a, this.starts[i]!);
      const hi = Math.min(b, this.segmentEnd(i));
      sum += (this.rates[i]! * (hi - lo)) / NS_PER_SEC;
    }
    return sum;
  }

  private traceTime(t: Time): number {
    const tau = t + this.offsetNs;
    return this.periodNs > 0 ? tau % this.periodNs : tau;
  }

  /**
   * Index of the segment holding trace time tau. Links ask about times that mostly move forward,
   * so the last answer and its successor are tried before a binary search; the cursor is only a
   * hint and never changes a result.
   */
  private segmentAt(tau: number): number {
    const starts = this.starts;
    const n = starts.length;
    for (let i = this.cursor; i < n && i <= this.cursor + 1; i++) {
      if (tau >= starts[i]! && (i + 1 === n || tau < starts[i + 1]!)) return (this.cursor = i);
    }
    return (this.cursor = Math.max(0, bisectRight(starts, tau) - 1));
  }

  private segmentEnd(i: number): number {
    if (i + 1 < this.starts.length) {
      const next = this.starts[i + 1]!;
      return this.periodNs > 0 ? Math.min(next, this.periodNs) : next;
    }
    return this.periodNs > 0 ? this.periodNs : Infinity;
  }
}
