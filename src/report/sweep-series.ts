// A sweep's results as figure series: x = one swept parameter, one series per scheduler, each point
// a mean over seeds with its 95 % interval. Absolute values come from groupMeans (compare's seed
// rule and t interval); with a baseline, points are compare's own rows (difference or ratio, and
// their CIs), so a figure's error bars are exactly the numbers `splitsim compare --by x` prints.
import { canonicalJson } from "../scenario/hash.js";
import { checkMetrics, compareResults } from "../research/compare.js";
import { checkSweptPath, groupMeans } from "../research/group-means.js";
import type { Estimate } from "../research/paired-stats.js";
import type { Results } from "../research/results-read.js";

export type SeriesMode = "mean" | "difference" | "ratio";

export interface SeriesPoint {
  x: unknown;
  y: number;
  /** The 95 % interval; null when there is none (one seed, or an unbounded ratio: see `note`). */
  lo: number | null;
  hi: number | null;
  seeds: number;
  note: string;
}

export interface FigureSeries {
  name: string;
  /** The scheduler's place among all of the file's schedulers (sorted): its colour and marker, the same in every figure. */
  index: number;
  points: SeriesPoint[];
}

export interface SweepFigure {
  x: string;
  metric: string;
  mode: SeriesMode;
  baseline: string | null;
  /** Every x value is a number: a linear axis; otherwise the values are categories, in compare's order. */
  numericX: boolean;
  /** x values in compare's group order (numbers ascending). */
  xs: unknown[];
  series: FigureSeries[];
}

export interface SweepFigureOptions {
  x: string;
  metric: string;
  /** Compare with this scheduler: y = difference (or ratio) with compare's CIs. */
  baseline?: string | undefined;
  ratio?: boolean | undefined;
  /** Flag names for error messages (plot: --x/--y; report: --metric). */
  flags?: { x: string; metric: string };
}

export function sweepFigure(results: Results, o: SweepFigureOptions): SweepFigure {
  const flags = o.flags ?? { x: "--x", metric: "--y" };
  checkSweptPath(flags.x, o.x, results);
  checkMetrics([o.metric], results.runs, results.file, flags.metric);
  const series = new Map<string, SeriesPoint[]>();
  const xs: unknown[] = [];
  const seenX = new Set<string>();
  const add = (name: string, x: unknown, p: Omit<SeriesPoint, "x">) => {
    const key = canonicalJson(x ?? null);
    if (!seenX.has(key)) {
      seenX.add(key);
      xs.push(x);
    }
    const list = series.get(name) ?? [];
    list.push({ x, ...p });
    series.set(name, list);
  };
  const all = [...new Set(results.runs.map((r) => r.scheduler))].sort();
  let mode: SeriesMode = "mean";
  if (o.baseline !== undefined) {
    mode = o.ratio === true ? "ratio" : "difference";
    const c = compareResults(results, { baseline: o.baseline, metrics: [o.metric], by: [o.x], ci: { kind: "t" } });
    for (const r of c.rows) {
      const e = mode === "ratio" ? r.ratio : r.difference;
      if (e !== null) add(r.scheduler, r.group[0], { ...bounds(e), seeds: r.seeds, note: noteOf(e) });
      else if (!series.has(r.scheduler)) series.set(r.scheduler, []);
    }
  } else {
    for (const m of groupMeans(results, o.metric, [o.x])) {
      if (m.mean !== null) add(m.scheduler, m.group[0], { ...bounds(m.mean), seeds: m.seeds, note: noteOf(m.mean) });
      else if (!series.has(m.scheduler)) series.set(m.scheduler, []);
    }
  }
  return {
    x: o.x, metric: o.metric, mode, baseline: o.baseline ?? null,
    numericX: xs.every((x) => typeof x === "number"),
    xs,
    series: [...series].map(([name, points]) => ({ name, index: all.indexOf(name), points })),
  };
}

/** The y-axis title of a figure: the metric, or what is compared with what. */
export function yLabel(f: SweepFigure): string {
  if (f.mode === "difference") return `${f.metric} − ${f.baseline}'s`;
  if (f.mode === "ratio") return `${f.metric} / ${f.baseline}'s`;
  return f.metric;
}

function bounds(e: Estimate): { y: number; lo: number | null; hi: number | null } {
  return typeof e.ci === "string" ? { y: e.value, lo: null, hi: null } : { y: e.value, lo: e.ci.lo, hi: e.ci.hi };
}

function noteOf(e: Estimate): string {
  return typeof e.ci === "string" ? e.ci : "";
}
