// The cut points worth considering for many jobs of one chain model sharing a device and an uplink
// (job-offloading-and-baselines.md §2.2–§2.3, a reconstruction of Duan & Wu, TMC 2024): prune the
// L+1 cuts to those where device time f rises while send time g falls (dominance, then the lower
// convex hull of (f, g)), find where f overtakes g by binary search, and mix the two points around
// that crossing in the closed-form proportion. Pure functions of the times; any one unit.

/** Indices k of the cuts kept, ascending in f (and so descending in g). */
export type Candidates = readonly number[];

/**
 * Cuts not dominated on (f, g): k survives iff no other cut is ≤ in both and < in one, keeping
 * the lowest index among exact ties. Output ascending in f with g strictly falling. A cut whose
 * tensor can never be sent (g = Infinity, a link at rate 0 for good) is never kept.
 */
export function undominatedCuts(f: ArrayLike<number>, g: ArrayLike<number>): number[] {
  checkTimes(f, g);
  const byF = Array.from({ length: f.length }, (_, k) => k).sort((i, j) => f[i]! - f[j]! || g[i]! - g[j]! || i - j);
  const kept: number[] = [];
  let bestG = Infinity;
  for (const k of byF) {
    // Sorted by f then g: k is dominated iff an earlier-sorted cut already has g ≤ g[k].
    if (g[k]! < bestG) {
      // bestG starts at Infinity, so g = Infinity never passes.
      kept.push(k);
      bestG = g[k]!;
    }
  }
  return kept;
}

/**
 * The undominated cuts on the lower convex hull of {(f(k), g(k))}: the points a mix of jobs can
 * need (§2.2). A point on a straight segment between two others is dropped (it is a mix of them).
 */
export function hullCuts(f: ArrayLike<number>, g: ArrayLike<number>): number[] {
  const pts = undominatedCuts(f, g);
  const hull: number[] = [];
  for (const k of pts) {
    // Pop the last point while it does not make a strict left turn (slopes must strictly rise).
    while (hull.length >= 2) {
      const i = hull[hull.length - 2]!;
      const j = hull[hull.length - 1]!;
      const cross = (f[j]! - f[i]!) * (g[k]! - g[i]!) - (g[j]! - g[i]!) * (f[k]! - f[i]!);
      if (cross > 0) break;
      hull.pop();
    }
    hull.push(k);
  }
  return hull;
}

/**
 * Position (in `cands`) of the first candidate with f ≥ g, found by binary search: along the
 * candidates f − g strictly increases. `cands.length` when no candidate has f ≥ g.
 */
export function crossing(cands: Candidates, f: ArrayLike<number>, g: ArrayLike<number>): number {
  let lo = 0;
  let hi = cands.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = cands[mid]!;
    if (f[k]! >= g[k]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Makespan of n identical 2-stage jobs (f, g) in a pipeline: n·max + min (§2.3 step 3). */
export function singlePointMakespan(n: number, f: number, g: number): number {
  return n === 0 ? 0 : n * Math.max(f, g) + Math.min(f, g);
}

/**
 * Makespan of x jobs at (f1, g1) with f1 < g1 first and n − x jobs at (f2, g2) with f2 ≥ g2 after
 * (Johnson's order): max(f1 + x·g1 + (n−x)·g2, x·f1 + (n−x)·f2 + g2), for 0 < x < n. At x = 0 or
 * x = n it is the single-point makespan of the other point.
 */
export function mixMakespan(n: number, x: number, f1: number, g1: number, f2: number, g2: number): number {
  if (x <= 0) return singlePointMakespan(n, f2, g2);
  if (x >= n) return singlePointMakespan(n, f1, g1);
  return Math.max(f1 + x * g1 + (n - x) * g2, x * f1 + (n - x) * f2 + g2);
}

/** How many of n jobs take the communication-heavy point, and the makespan that gives. */
export interface Mix {
  x: number;
  makespan: number;
}

/**
 * The best x for two adjacent points around the crossing: the balance point
 * x* = [n(f2 − g2) − (f1 − g2)] / [(g1 − f1) + (f2 − g2)], rounded down or up (clipped to
 * [0, n]), or an end (0 or n), whichever gives the smaller makespan (equal: the first tried).
 */
export function bestMix(n: number, f1: number, g1: number, f2: number, g2: number): Mix {
  if (!(f1 < g1 && f2 >= g2)) throw new RangeError(`two-point mix: needs f1 < g1 and f2 ≥ g2, got (${f1}, ${g1}) and (${f2}, ${g2})`);
  const xStar = (n * (f2 - g2) - (f1 - g2)) / (g1 - f1 + (f2 - g2));
  let best: Mix | null = null;
  // The ends too: x* balances the two terms only when they move apart in x (g1 > g2 and f2 > f1,
  // as for neighbours on the hull); otherwise the max is monotone in x and an end is best.
  for (const x of [Math.floor(xStar), Math.ceil(xStar), 0, n]) {
    const xc = Math.min(n, Math.max(0, x));
    const makespan = mixMakespan(n, xc, f1, g1, f2, g2);
    if (best === null || makespan < best.makespan) best = { x: xc, makespan };
  }
  return best!;
}

function checkTimes(f: ArrayLike<number>, g: ArrayLike<number>): void {
  if (f.length !== g.length) throw new RangeError(`cut candidates: ${f.length} device times but ${g.length} send times`);
  for (let k = 0; k < f.length; k++) {
    if (!(f[k]! >= 0 && g[k]! >= 0 && Number.isFinite(f[k]!)))
      throw new RangeError(`cut candidates: cut ${k} has f = ${f[k]}, g = ${g[k]} (need times ≥ 0, f finite)`);
  }
}
