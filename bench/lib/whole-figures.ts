// The figures of section 6 (whole processes, bench/lib/whole.ts): start-up against issue 15's item 1
// targets, and splitsim against the SimPy reference (item 5) at the same mean latency. A row that
// could not be measured carries a note (SimPy missing, means that differ) instead of a value.
import type { Figure, Results } from "./figures.js";
import type { CaseResult } from "./result.js";
import { sizeLabel, spread, type Unit } from "./stats.js";
import { STARTUP_SCENARIO } from "./whole.js";

const GROUP = 6;
/** Issue 15, item 5: the means must agree within this (percent) before speeds are compared. */
export const MEANS_AGREE_PCT = 2;
/** Below this many requests a pipeline run is all start-up: no means compared, no target. */
const STARTUP_SIZE = 1000;

const sizesOf = (results: Results, c: string): number[] =>
  [...results.keys()].filter((k) => k.startsWith(`${c}@`)).map((k) => Number(k.slice(c.length + 1))).sort((a, b) => a - b);

export function wholeFigures(results: Results): Figure[] {
  const out: Figure[] = [];
  const runs = (c: string, size: number): CaseResult[] => results.get(`${c}@${size}`) ?? [];
  const add = (figure: string, unit: Unit, rs: CaseResult[], f: (r: CaseResult) => number, target?: string, test?: (x: number) => boolean): number => {
    const row: Figure = { group: GROUP, figure, unit, value: spread(rs.map(f)), repeats: rs.length };
    if (target !== undefined && test !== undefined) Object.assign(row, { target, met: test(row.value.median) });
    out.push(row);
    return row.value.median;
  };
  const derived = (figure: string, unit: Unit, x: number, target?: string, test?: (x: number) => boolean): void => {
    const row: Figure = { group: GROUP, figure, unit, value: { min: x, median: x, max: x }, repeats: 1, derived: true };
    if (target !== undefined && test !== undefined) Object.assign(row, { target, met: Number.isFinite(x) && test(x) });
    out.push(row);
  };
  const note = (figure: string, text: string, target?: string): void => {
    out.push({ group: GROUP, figure, unit: "s", value: { min: NaN, median: NaN, max: NaN }, repeats: 0, note: text, ...(target === undefined ? {} : { target }) });
  };
  const ms = (r: CaseResult): number => r.seconds * 1e3;
  const build = (rs: CaseResult[]): string => rs[0]?.label ?? "?";

  // Start-up: medians of the interleaved runs; "ours" is what splitsim adds to a bare Node start.
  for (const plain of [false, true]) {
    const sfx = plain ? "-plain" : "";
    const env = plain ? " [no CA env]" : "";
    // Any start-up case alone (--only whole-version) still gets its rows; "ours" is then n/a.
    const sizes = new Set(["node", "mjs", "version", "run"].flatMap((c) => sizesOf(results, `whole-${c}${sfx}`)));
    for (const n of sizes) {
      const bare = runs(`whole-node${sfx}`, n);
      const node = bare.length > 0 ? add(`node -e 0${env}`, "ms", bare, ms) : NaN;
      const m = runs(`whole-mjs${sfx}`, n);
      if (m.length > 0) add(`node empty.mjs (Node's ESM loader)${env}`, "ms", m, ms);
      const v = runs(`whole-version${sfx}`, n);
      const r = runs(`whole-run${sfx}`, n);
      const judge = <T>(t: T): T | undefined => (plain ? undefined : t);
      if (v.length > 0) {
        const version = add(`splitsim --version${env}`, "ms", v, ms, judge("< 80 ms"), judge((x: number) => x < 80));
        derived(`  --version − node -e 0${env}`, "ms", version - node);
      }
      if (r.length > 0) {
        const run = add(`splitsim run ${STARTUP_SCENARIO.split("/").pop()} (${build(r)})${env}`, "ms", r, ms, judge("< 250 ms"), judge((x: number) => x < 250));
        derived(`  run − node -e 0${env}`, "ms", run - node);
      }
    }
  }

  // Memory flat in the run length (issue 15, item 4): the CLI's own peak RSS at 1e7 requests.
  for (const [c, what] of [["whole-memory", "exact latencies"], ["whole-memory-sketch", "latency sketch"]] as const) {
    for (const n of sizesOf(results, c)) {
      const rs = runs(c, n);
      const skipped = rs.find((r) => r.skipped !== undefined)?.skipped;
      const label = `splitsim run, 2 fps pipeline, ${what}, ${sizeLabel(n)} req, peak RSS`;
      const big = n >= 1e7;
      if (skipped !== undefined) note(label, skipped, big ? "< 200 MB" : undefined);
      else if (big) add(`${label} (${build(rs)})`, "MB", rs, (r) => r.rssMB, "< 200 MB", (x) => x < 200);
      else add(`${label} (${build(rs)})`, "MB", rs, (r) => r.rssMB);
    }
  }

  // splitsim against SimPy on the pipeline (PIPELINE_SCENARIO), size by size.
  const startup = new Map<string, number>();
  for (const n of sizesOf(results, "whole-splitsim")) {
    const s = runs("whole-splitsim", n);
    const p = runs("whole-simpy", n).filter((r) => r.skipped === undefined);
    const skipped = runs("whole-simpy", n).find((r) => r.skipped !== undefined)?.skipped;
    const tag = n < STARTUP_SIZE ? ", start-up" : "";
    const st = add(`splitsim (${build(s)}), ${sizeLabel(n)} req, whole${tag}`, "s", s, (r) => r.seconds);
    if (skipped !== undefined) {
      note(`SimPy, ${sizeLabel(n)} req, whole`, skipped);
      if (n >= STARTUP_SIZE) note(`SimPy ÷ splitsim, whole, ${sizeLabel(n)} req`, skipped, n >= 1e6 ? "≥ 20×" : undefined);
      continue;
    }
    if (p.length === 0) continue;
    const pt = add(`${build(p)}, ${sizeLabel(n)} req, whole${tag}`, "s", p, (r) => r.seconds);
    add(`  SimPy env.run alone, ${sizeLabel(n)} req`, "s", p, (r) => r.extra?.["simSeconds"] ?? NaN);
    if (n < STARTUP_SIZE) {
      startup.set("splitsim", st);
      startup.set("simpy", pt);
      continue;
    }
    const sm = add(`splitsim mean latency, ${sizeLabel(n)} req`, "ms", s, (r) => r.extra?.["meanLatencyMs"] ?? NaN);
    const pm = add(`SimPy mean latency, ${sizeLabel(n)} req`, "ms", p, (r) => r.extra?.["meanLatencyMs"] ?? NaN);
    const diff = (Math.abs(sm - pm) / pm) * 100;
    const big = n >= 1e6;
    derived(`  |splitsim − SimPy| ÷ SimPy, mean latency`, "pct", diff, `≤ ${MEANS_AGREE_PCT} %`, (x) => x <= MEANS_AGREE_PCT);
    const label = `SimPy ÷ splitsim, whole, ${sizeLabel(n)} req`;
    if (!(diff <= MEANS_AGREE_PCT)) note(label, `not compared: means differ by ${diff.toFixed(2)} %`, big ? "≥ 20×" : undefined);
    else if (big) derived(label, "ratio", pt / st, "≥ 20×", (x) => x >= 20);
    else derived(label, "ratio", pt / st);
    // What limits the ratio: the time beyond a 10-request run of the same command, per request.
    const s0 = startup.get("splitsim");
    const p0 = startup.get("simpy");
    if (s0 !== undefined && p0 !== undefined) {
      const sPer = ((st - s0) * 1e9) / (n - 10);
      const pPer = ((pt - p0) * 1e9) / (n - 10);
      derived(`  splitsim beyond start-up, ns/request`, "ns", sPer);
      derived(`  SimPy beyond start-up, ns/request`, "ns", pPer);
      derived(`  SimPy ÷ splitsim beyond start-up (not judged)`, "ratio", pPer / sPer);
    }
  }
  return out;
}
