// Summary statistics of a sample: mean, type-7 quantiles (linear interpolation between order
// statistics: d3-array's quantileSorted, numpy's default) and max. Unit-agnostic (the collector
// passes nanoseconds). An empty sample gives all zeros, so a report never holds null or NaN.
//
// The report needs four quantiles, not a sorted sample, so `summarize` selects the order
// statistics it needs (select.ts, expected O(n) each, on successively smaller upper parts)
// instead of sorting: at 10^6 latencies that is several times cheaper.
import { quantileSorted } from "d3-array";
import { selectKth } from "./select.js";

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

const ZERO: Readonly<LatencySummary> = { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };

/** Type-7 quantile of an ascending sample: x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), h = (n−1)·p. */
export function quantile7(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  // d3's types ask for an array; any ArrayLike of numbers works at run time.
  return quantileSorted(sorted as unknown as number[], p)!;
}

/** Mean, p50/p90/p95/p99 (type 7) and max of `values`, which is not modified (a copy is reordered). */
export function summarize(values: Float64Array): LatencySummary {
  return summarizeInPlace(Float64Array.from(values));
}

/**
 * As `summarize`, but reorders `values` itself: no copy, so a run's summary needs no second array
 * as long as its latencies. The mean is summed in the given order first, as `summarize` does.
 */
export function summarizeInPlace(values: Float64Array): LatencySummary {
  const n = values.length;
  if (n === 0) return { ...ZERO };
  let sum = 0;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v > max) max = v;
  }
  const q = new UpperQuantiles(values);
  return { mean: sum / n, p50: q.at(0.5), p90: q.at(0.9), p95: q.at(0.95), p99: q.at(0.99), max };
}

/**
 * Type-7 quantiles of an unsorted array for non-decreasing p, by selection. Invariant: every
 * element before `from` is <= every element from `from` on, and a[from - 1] is in its sorted place.
 */
class UpperQuantiles {
  private from = 0;

  constructor(private readonly a: Float64Array) {}

  at(p: number): number {
    const a = this.a;
    const last = a.length - 1;
    const h = last * p;
    const lo = Math.floor(h);
    const x = this.orderStatistic(lo);
    if (lo === last || h === lo) return x;
    // x[lo+1] is the smallest element after lo (they are all >= x[lo]).
    let next = Infinity;
    for (let i = lo + 1; i <= last; i++) if (a[i]! < next) next = a[i]!;
    return x + (h - lo) * (next - x);
  }

  /** The k-th smallest element (k >= from - 1), put in its sorted place. */
  private orderStatistic(k: number): number {
    if (k >= this.from) {
      selectKth(this.a, k, this.from, this.a.length - 1);
      this.from = k + 1;
    }
    return this.a[k]!;
  }
}
