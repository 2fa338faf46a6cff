// Summary statistics of a sample: mean, type-7 quantiles (linear interpolation between order
// statistics: d3-array's quantileSorted, numpy's default) and max. Unit-agnostic (the collector
// passes nanoseconds). An empty sample gives all zeros, so a report never holds null or NaN.
import { mean, quantileSorted } from "d3-array";

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

/** Mean, p50/p90/p95/p99 (type 7) and max of `values`, which is not modified (a copy is sorted). */
export function summarize(values: Float64Array): LatencySummary {
  if (values.length === 0) return { ...ZERO };
  // A typed array sorts numerically (a plain array would sort as strings).
  const sorted = Float64Array.from(values).sort();
  return {
    mean: mean(sorted)!,
    p50: quantile7(sorted, 0.5),
    p90: quantile7(sorted, 0.9),
    p95: quantile7(sorted, 0.95),
    p99: quantile7(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
  };
}
