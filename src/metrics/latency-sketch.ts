// LatencySketch: a log-bucketed histogram of latencies (DDSketch's mapping: Masson, Rim and Lee,
// VLDB 2019) for runs too long to keep every latency. Bucket i holds (γ^(i−1), γ^i] with
// γ = (1 + α)/(1 − α) and reports 2γ^i/(γ + 1), which is within relative error α of every value in
// the bucket. Each order statistic is then within α, and so is a type-7 quantile, a convex
// combination of two of them. Mean and max are kept exactly. Memory: one count per bucket in use
// (about ln(max/min)/(2α) of them: ~3,500 for latencies from 1 µs to 1,000 s at α = 0.1 %),
// whatever the number of requests. Chosen by `metrics.latencySketch` (docs/metrics.md).
import type { LatencySummary } from "./stats.js";

export class LatencySketch {
  private readonly lnGamma: number;
  private readonly gamma: number;
  /** counts[i] is the count of bucket `offset + i`; zeros (a latency of 0 ns) apart. */
  private counts = new Float64Array(64);
  private offset = 0;
  private used = false;
  private zeros = 0;
  private n = 0;
  private sum = 0;
  private maxValue = 0;

  constructor(readonly relativeError: number) {
    if (!(relativeError > 0 && relativeError < 1)) throw new RangeError(`relative error must be in (0, 1), not ${relativeError}`);
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.lnGamma = Math.log(this.gamma);
  }

  get count(): number {
    return this.n;
  }

  add(v: number): void {
    this.n++;
    this.sum += v;
    if (v > this.maxValue) this.maxValue = v;
    if (v <= 0) {
      this.zeros++;
      return;
    }
    const b = Math.ceil(Math.log(v) / this.lnGamma);
    if (!this.used) {
      this.used = true;
      this.offset = b - (this.counts.length >> 1);
    }
    let i = b - this.offset;
    if (i < 0 || i >= this.counts.length) i = this.widen(b);
    this.counts[i]!++;
  }

  /** Mean (exact), type-7 p50/p90/p95/p99 (each within the relative error) and max (exact). */
  summary(): LatencySummary {
    if (this.n === 0) return { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
    return { mean: this.sum / this.n, p50: this.quantile(0.5), p90: this.quantile(0.9), p95: this.quantile(0.95), p99: this.quantile(0.99), max: this.maxValue };
  }

  /** Type-7 quantile: x(⌊h⌋) + (h − ⌊h⌋)(x(⌊h⌋+1) − x(⌊h⌋)), h = (n − 1)p, order statistics from 0. */
  quantile(p: number): number {
    if (this.n === 0) return 0;
    const h = (this.n - 1) * p;
    const lo = Math.floor(h);
    const x = this.orderStatistic(lo);
    if (h === lo) return x;
    return x + (h - lo) * (this.orderStatistic(lo + 1) - x);
  }

  /** The k-th smallest latency (from 0), as its bucket's representative; the largest is exact. */
  private orderStatistic(k: number): number {
    if (k >= this.n - 1) return this.maxValue;
    if (k < this.zeros) return 0;
    let seen = this.zeros;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen > k) return Math.min(this.maxValue, (2 * Math.pow(this.gamma, this.offset + i)) / (this.gamma + 1));
    }
    return this.maxValue;
  }

  /** Grows the count array to take bucket `b`, keeping the others; returns b's index. */
  private widen(b: number): number {
    const lo = Math.min(this.offset, b);
    const hi = Math.max(this.offset + this.counts.length - 1, b);
    const grown = new Float64Array(Math.max(2 * this.counts.length, hi - lo + 1 + 64));
    const from = lo === b ? grown.length - (hi - lo + 1) : 0; // room on the side that grows
    grown.set(this.counts, this.offset - lo + from);
    this.counts = grown;
    this.offset = lo - from;
    return b - this.offset;
  }
}
