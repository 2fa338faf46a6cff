// Summary statistics of a sample: mean and type-7 quantiles (linear interpolation between order
// statistics, as d3-array's quantileSorted and numpy's default). An empty sample gives zeros.
import { mean, quantileSorted } from "d3-array";

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: Float64Array): LatencySummary {
  if (values.length === 0) return { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  // d3's types ask for an array; any ArrayLike of numbers works at run time.
  const xs = sorted as unknown as number[];
  const q = (p: number) => quantileSorted(xs, p)!;
  return { mean: mean(xs)!, p50: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), max: sorted[sorted.length - 1]! };
}
