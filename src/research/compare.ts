// `splitsim compare`: each scheduler against a baseline over identical workloads. Runs pair on
// (point, seed); within a group (the --by values) each seed's differences are averaged over the
// group's points, and the mean over seeds gets a 95 % interval, because the seed is the independent
// replication (one seed's runs at different points share their random streams, so treating them
// as separate samples would overstate the evidence). Pairs with a side missing or failed are
// counted and left out, never silently.
import { createStream } from "../core/random.js";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import { suggestKey } from "../scenario/suggest.js";
import { metricValue, numericPaths } from "./metric-path.js";
import { bootstrap, fiellerRatio, meanVar, tInterval, type Estimate } from "./paired-stats.js";
import type { ResultRun, Results } from "./results-read.js";

export const LEVEL = 0.95;
export { DEFAULT_METRICS } from "./metric-defaults.js";
import { DEFAULT_METRICS } from "./metric-defaults.js";

export type CiMethod = { kind: "t" } | { kind: "bootstrap"; resamples: number; seed: number };

export interface CompareOptions {
  baseline: string;
  metrics: readonly string[];
  /** Swept paths to group by (point keys); [] for one group over the whole grid. */
  by: readonly string[];
  ci: CiMethod;
}

export interface CompareRow {
  /** The values of the --by paths, in --by order (undefined where a point lacks the path). */
  group: unknown[];
  metric: string;
  scheduler: string;
  /** Seeds with at least one complete pair: the sample size of the interval. */
  seeds: number;
  /** Complete (point, seed) pairs used. */
  pairs: number;
  /** (point, seed) pairs left out because one side has no line / because a side's run failed. */
  missing: number;
  failed: number;
  /** Means over seeds of each side's per-seed mean; null without pairs. */
  baselineMean: number | null;
  schedulerMean: number | null;
  /** scheduler − baseline (for a latency, negative is better); null without pairs. */
  difference: Estimate | null;
  /** mean(scheduler) / mean(baseline); null without pairs or when the baseline's mean is 0. */
  ratio: Estimate | null;
}

export interface Comparison {
  baseline: string;
  ci: CiMethod;
  by: readonly string[];
  rows: CompareRow[];
}

interface Pair {
  seed: number;
  pointKey: string;
  base: ResultRun;
  other: ResultRun;
}

export function compareResults(results: Results, o: CompareOptions): Comparison {
  const { runs, file } = results;
  const schedulers = [...new Set(runs.map((r) => r.scheduler))].sort();
  if (!schedulers.includes(o.baseline)) {
    throw new SplitsimError(`--baseline ${o.baseline}: no such scheduler in ${file}; it has ${schedulers.join(", ")}`);
  }
  const others = schedulers.filter((s) => s !== o.baseline);
  if (others.length === 0) throw new SplitsimError(`${file}: only the baseline ${o.baseline} was run; there is nothing to compare it with`);
  checkBy(o.by, runs, file);
  checkMetrics(o.metrics, runs, file);

  const problems: string[] = [];
  const rows: CompareRow[] = [];
  for (const group of groupRuns(runs, o.by)) {
    for (const metric of o.metrics) {
      for (const scheduler of others) {
        const { pairs, missing, failed } = pairUp(group.runs, o.baseline, scheduler);
        const row = summarize(pairs, metric, o.ci, `${canonicalJson(group.values)}/${scheduler}/${metric}`, file, problems);
        rows.push({ group: group.values, metric, scheduler, pairs: pairs.length, missing, failed, ...row });
      }
    }
  }
  if (problems.length > 0) throw new SplitsimError(`${file}: ${problems.length} run${problems.length === 1 ? "" : "s"} without a metric\n${problems.slice(0, 20).map((p) => `  ${p}`).join("\n")}`);
  return { baseline: o.baseline, ci: o.ci, by: o.by, rows };
}

function checkBy(by: readonly string[], runs: readonly ResultRun[], file: string): void {
  const swept = [...new Set(runs.flatMap((r) => Object.keys(r.point)))].sort();
  for (const path of by) {
    if (swept.includes(path)) continue;
    const hint = suggestKey(path, swept);
    throw new SplitsimError(`--by ${path}: not a swept parameter of ${file}; ` +
      (swept.length === 0 ? "its runs sweep no parameter (only seeds)" : `swept: ${swept.join(", ")}${hint ? ` (did you mean ${hint}?)` : ""}`));
  }
}

/** Throws naming `flag` when a metric is a number in no report (also used by `plot --y` and `report --metric`). */
export function checkMetrics(metrics: readonly string[], runs: readonly ResultRun[], file: string, flag = "--metric"): void {
  const reports = runs.filter((r) => r.report !== undefined);
  const first = reports[0];
  if (first === undefined) {
    const e = runs[0]!;
    throw new SplitsimError(`${file}: all ${runs.length} runs failed, nothing to compare (${file}:${e.line}: ${e.error})`);
  }
  for (const metric of metrics) {
    if (reports.some((r) => metricValue(r.report, metric) !== undefined)) continue;
    const valid = numericPaths(first.report).filter((p) => p !== "seed");
    // The headline metrics first, then the rest in the report's order.
    valid.sort((a, b) => rank(a) - rank(b));
    const hint = suggestKey(metric, valid);
    const listed = valid.slice(0, 15).join(", ") + (valid.length > 15 ? `, ... (${valid.length} in all)` : "");
    throw new SplitsimError(`${flag} ${metric}: no report in ${file} has a number there${hint ? ` (did you mean ${hint}?)` : ""}; metrics are paths into a report, e.g. ${listed}`);
  }
}

const HEADLINE = ["latencyMs.", "throughputPerSec", "makespanMs", "bubbleRatio."];

function rank(path: string): number {
  const i = HEADLINE.findIndex((h) => path.startsWith(h));
  return i < 0 ? HEADLINE.length : i;
}

/** The runs split by their --by values, groups in ascending order of those values (also used by `plot` and `report`). */
export function groupRuns(runs: readonly ResultRun[], by: readonly string[]): { values: unknown[]; runs: ResultRun[] }[] {
  const groups = new Map<string, { values: unknown[]; runs: ResultRun[] }>();
  for (const r of runs) {
    const values = by.map((p) => r.point[p]);
    const key = canonicalJson(values);
    const g = groups.get(key) ?? { values, runs: [] };
    g.runs.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => compareTuples(a.values, b.values));
}

function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const c = typeof x === "number" && typeof y === "number" ? x - y : canonicalJson(x ?? null).localeCompare(canonicalJson(y ?? null));
    if (c !== 0) return c;
  }
  return 0;
}

/** Complete pairs of `scheduler` with the baseline in one group (by seed, then point), and what was left out. */
function pairUp(runs: readonly ResultRun[], baseline: string, scheduler: string): { pairs: Pair[]; missing: number; failed: number } {
  const units = new Map<string, { seed: number; pointKey: string; base?: ResultRun; other?: ResultRun }>();
  for (const r of runs) {
    if (r.scheduler !== baseline && r.scheduler !== scheduler) continue;
    const id = `${r.seed}\u0000${r.pointKey}`;
    const u = units.get(id) ?? { seed: r.seed, pointKey: r.pointKey };
    if (r.scheduler === baseline) u.base = r;
    else u.other = r;
    units.set(id, u);
  }
  const pairs: Pair[] = [];
  let missing = 0;
  let failed = 0;
  for (const u of units.values()) {
    if (u.base?.report !== undefined && u.other?.report !== undefined) pairs.push({ seed: u.seed, pointKey: u.pointKey, base: u.base, other: u.other });
    else if (u.base?.error !== undefined || u.other?.error !== undefined) failed++;
    else missing++;
  }
  // A fixed order makes the sums, and so the last bits, independent of the file's line order.
  pairs.sort((a, b) => a.seed - b.seed || (a.pointKey < b.pointKey ? -1 : a.pointKey > b.pointKey ? 1 : 0));
  return { pairs, missing, failed };
}

type Summary = Pick<CompareRow, "seeds" | "baselineMean" | "schedulerMean" | "difference" | "ratio">;

/** Per seed: the mean over its pairs of the difference and of each side; then the estimates over seeds. */
function summarize(pairs: readonly Pair[], metric: string, ci: CiMethod, stream: string, file: string, problems: string[]): Summary {
  const perSeed = new Map<number, { d: number; s: number; b: number; k: number }>();
  for (const p of pairs) {
    const vb = valueOf(p.base, metric, file, problems);
    const vs = valueOf(p.other, metric, file, problems);
    if (vb === undefined || vs === undefined) continue;
    const acc = perSeed.get(p.seed) ?? { d: 0, s: 0, b: 0, k: 0 };
    acc.d += vs - vb;
    acc.s += vs;
    acc.b += vb;
    acc.k++;
    perSeed.set(p.seed, acc);
  }
  const seeds = [...perSeed.values()];
  if (seeds.length === 0) return { seeds: 0, baselineMean: null, schedulerMean: null, difference: null, ratio: null };
  const d = seeds.map((a) => a.d / a.k);
  const s = seeds.map((a) => a.s / a.k);
  const b = seeds.map((a) => a.b / a.k);
  const est = ci.kind === "t"
    ? { difference: tInterval(d, LEVEL), ratio: fiellerRatio(s, b, LEVEL) }
    : bootstrap(s, b, d, createStream(ci.seed, `compare/${stream}`), ci.resamples, LEVEL);
  return { seeds: seeds.length, baselineMean: meanVar(b).mean, schedulerMean: meanVar(s).mean, ...est };
}

function valueOf(run: ResultRun, metric: string, file: string, problems: string[]): number | undefined {
  const v = metricValue(run.report, metric);
  if (v === undefined) problems.push(`${file}:${run.line}: ${metric} is not a number in this report (${run.scheduler}, seed ${run.seed})`);
  return v;
}
