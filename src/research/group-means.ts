// Each scheduler's own mean of a metric per group of a sweep's points, with a 95 % Student-t
// interval over seeds: the absolute counterpart of `compare`, built from its parts (groupRuns,
// meanVar, tInterval, LEVEL) and its rule that the seed is the replication — within a group a
// seed's value is the mean over the group's points, and the interval is taken over seeds.
import { SplitsimError } from "../errors.js";
import { suggestKey } from "../scenario/suggest.js";
import { groupRuns, LEVEL } from "./compare.js";
import { metricValue } from "./metric-path.js";
import { tInterval, type Estimate } from "./paired-stats.js";
import type { ResultRun, Results } from "./results-read.js";

export interface GroupMean {
  /** The values of the `by` paths for this group, in `by` order. */
  group: unknown[];
  scheduler: string;
  /** Seeds with at least one successful run in the group: the interval's sample size. */
  seeds: number;
  /** Runs of this scheduler in the group that failed (left out). */
  failed: number;
  /** Mean over seeds of the per-seed means, with its t interval; null without a successful run. */
  mean: Estimate | null;
}

/** Every swept path of the file (point keys), sorted. */
export function sweptPaths(runs: readonly ResultRun[]): string[] {
  return [...new Set(runs.flatMap((r) => Object.keys(r.point)))].sort();
}

/** Throws, as compare's --by does, when `path` is not a swept parameter of the file. */
export function checkSweptPath(flag: string, path: string, results: Results): void {
  const swept = sweptPaths(results.runs);
  if (swept.includes(path)) return;
  const hint = suggestKey(path, swept);
  throw new SplitsimError(`${flag} ${path}: not a swept parameter of ${results.file}; ` +
    (swept.length === 0 ? "its runs sweep no parameter (only seeds)" : `swept: ${swept.join(", ")}${hint ? ` (did you mean ${hint}?)` : ""}`));
}

/** One row per (group, scheduler), groups in compare's order, schedulers alphabetical. */
export function groupMeans(results: Results, metric: string, by: readonly string[]): GroupMean[] {
  const schedulers = [...new Set(results.runs.map((r) => r.scheduler))].sort();
  const rows: GroupMean[] = [];
  for (const g of groupRuns(results.runs, by)) {
    for (const scheduler of schedulers) {
      const runs = g.runs.filter((r) => r.scheduler === scheduler);
      const perSeed = new Map<number, { sum: number; k: number }>();
      let failed = 0;
      // Compare's fixed order (seed, then point) so the sums do not depend on the file's line order.
      for (const r of [...runs].sort((a, b) => a.seed - b.seed || (a.pointKey < b.pointKey ? -1 : a.pointKey > b.pointKey ? 1 : 0))) {
        if (r.report === undefined) {
          failed++;
          continue;
        }
        const v = metricValue(r.report, metric);
        if (v === undefined) throw new SplitsimError(`${results.file}:${r.line}: ${metric} is not a number in this report (${r.scheduler}, seed ${r.seed})`);
        const acc = perSeed.get(r.seed) ?? { sum: 0, k: 0 };
        acc.sum += v;
        acc.k++;
        perSeed.set(r.seed, acc);
      }
      const values = [...perSeed.values()].map((a) => a.sum / a.k);
      rows.push({ group: g.values, scheduler, seeds: values.length, failed, mean: values.length === 0 ? null : tInterval(values, LEVEL) });
    }
  }
  return rows;
}
