// Paired statistics for `splitsim compare`, over one value per seed (the seed is the replication):
// the mean difference with its Student-t interval, the ratio of the two means with Fieller's
// interval, and a percentile bootstrap of both. Pure functions; the caller pairs and averages.
import jstatPkg from "jstat";
import { quantile7 } from "../metrics/stats.js";
import type { RandomStream } from "../core/random.js";

const { jStat } = jstatPkg;

export interface Interval {
  lo: number;
  hi: number;
}

/** Why an estimate has no interval; the text is what the table prints in its place. */
export type NoInterval = "n=1, no CI" | "unbounded";

export interface Estimate {
  value: number;
  ci: Interval | NoInterval;
}

/** The two-sided (1 − alpha) Student-t quantile t_{1−alpha/2, df}. */
export function tQuantile(level: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - level) / 2, df);
}

/**
 * Mean and sample variance (n − 1), both taken around the first value: equal values then give
 * that value exactly and a variance of exactly 0 (a plain sum/n can be off in the last bit, and
 * the spread around it would be a tiny non-zero).
 */
export function meanVar(x: readonly number[]): { mean: number; variance: number } {
  const n = x.length;
  const x0 = x[0] ?? 0;
  let shifted = 0;
  for (const v of x) shifted += v - x0;
  const mean = x0 + shifted / n;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return { mean, variance: n > 1 ? ss / (n - 1) : 0 };
}

/** Sample covariance (n − 1) of two paired samples. */
function covariance(a: readonly number[], b: readonly number[], ma: number, mb: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return a.length > 1 ? s / (a.length - 1) : 0;
}

/** mean ± t_{1−α/2, n−1} · s/√n; equal values give a zero-width interval at their value. */
export function tInterval(d: readonly number[], level = 0.95): Estimate {
  const { mean, variance } = meanVar(d);
  if (d.length < 2) return { value: mean, ci: "n=1, no CI" };
  const half = tQuantile(level, d.length - 1) * Math.sqrt(variance / d.length);
  return { value: mean, ci: { lo: mean - half, hi: mean + half } };
}

/**
 * mean(s)/mean(b) with Fieller's interval: every ρ for which the paired t-test of s_i − ρ·b_i
 * keeps "mean 0". At ρ = 1 that is the t-test of the differences, so the interval excludes 1
 * exactly when the difference's interval excludes 0. It is unbounded when mean(b) itself is not
 * clearly away from 0. Undefined (null) when mean(b) = 0.
 */
export function fiellerRatio(s: readonly number[], b: readonly number[], level = 0.95): Estimate | null {
  const ms = meanVar(s);
  const mb = meanVar(b);
  if (mb.mean === 0) return null;
  const value = ms.mean / mb.mean;
  const n = s.length;
  if (n < 2) return { value, ci: "n=1, no CI" };
  const q = tQuantile(level, n - 1) ** 2 / n;
  // (s̄ − ρ b̄)² ≤ q·(Vss − 2ρ Vsb + ρ² Vbb), i.e. a ρ² − 2 h ρ + c ≤ 0.
  const a = mb.mean * mb.mean - q * mb.variance;
  const h = ms.mean * mb.mean - q * covariance(s, b, ms.mean, mb.mean);
  const c = ms.mean * ms.mean - q * ms.variance;
  if (a <= 0) return { value, ci: "unbounded" };
  // ρ = s̄/b̄ always satisfies the inequality, so the discriminant is ≥ 0 but for rounding.
  const root = Math.sqrt(Math.max(0, h * h - a * c));
  return { value, ci: { lo: (h - root) / a, hi: (h + root) / a } };
}

/**
 * Percentile bootstrap over seeds: `resamples` draws of n seeds with replacement from `rng`,
 * the interval between the (1−level)/2 and (1+level)/2 type-7 quantiles of the resampled mean
 * difference and ratio of means. The ratio's interval is unbounded if a resample's baseline
 * mean is 0.
 */
export function bootstrap(
  s: readonly number[], b: readonly number[], d: readonly number[], rng: RandomStream, resamples: number, level = 0.95,
): { difference: Estimate; ratio: Estimate | null } {
  const n = d.length;
  const diffValue = meanVar(d).mean;
  const mb = meanVar(b).mean;
  const ratioValue = mb === 0 ? null : meanVar(s).mean / mb;
  if (n < 2) {
    return { difference: { value: diffValue, ci: "n=1, no CI" }, ratio: ratioValue === null ? null : { value: ratioValue, ci: "n=1, no CI" } };
  }
  const diffs = new Float64Array(resamples);
  const ratios = new Float64Array(resamples);
  let ratioBounded = true;
  const pick = new Array<number>(n);
  const ds = new Array<number>(n);
  const ss = new Array<number>(n);
  const bs = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) pick[i] = Math.floor(rng.next() * n);
    for (let i = 0; i < n; i++) {
      ds[i] = d[pick[i]!]!;
      ss[i] = s[pick[i]!]!;
      bs[i] = b[pick[i]!]!;
    }
    diffs[r] = meanVar(ds).mean;
    const rb = meanVar(bs).mean;
    if (rb === 0) ratioBounded = false;
    else ratios[r] = meanVar(ss).mean / rb;
  }
  const lo = (1 - level) / 2;
  const hi = 1 - lo;
  diffs.sort();
  ratios.sort();
  const difference: Estimate = { value: diffValue, ci: { lo: quantile7(diffs, lo), hi: quantile7(diffs, hi) } };
  if (ratioValue === null) return { difference, ratio: null };
  const ratioCi: Interval | NoInterval = ratioBounded ? { lo: quantile7(ratios, lo), hi: quantile7(ratios, hi) } : "unbounded";
  return { difference, ratio: { value: ratioValue, ci: ratioCi } };
}
