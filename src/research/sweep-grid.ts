// A sweep's grid: scenario paths with their values, links with their trace files, and seeds, from
// the scenario's `sweep:` section and the command line (a flag replaces the file's entry for the
// same path or link). Points are the cartesian product, the first dimension varying slowest.
import { relative, resolve } from "node:path";
import { parse } from "yaml";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import { globFiles } from "./trace-glob.js";

export interface GridSpec {
  /** Scenario paths and their values, in grid order. */
  vary: Array<{ path: string; values: unknown[] }>;
  /** Links and their trace files, relative to the scenario's folder, in grid order. */
  traces: Array<{ link: string; files: string[] }>;
  seeds: number[];
}

/** A grid as given: without seeds in the file or the flags, the scenario's own seed is the one. */
export type GridGiven = Omit<GridSpec, "seeds"> & { seeds: number[] | null };

/** One point: its coordinates as recorded in results.jsonl, and the --set values that make it. */
export interface GridPoint {
  point: Record<string, unknown>;
  sets: string[];
}

/** The scenario's `sweep:` section, as validated by the scenario schema. */
export interface SweepSection {
  vary?: Record<string, unknown[]> | undefined;
  traces?: Record<string, string | string[]> | undefined;
  seeds?: number[] | string | undefined;
}

export interface GridFlags {
  /** `path=[v1, v2, ...]`, repeatable. */
  vary: readonly string[];
  /** `link=<glob>`, repeatable (relative to `cwd`). */
  trace: readonly string[];
  /** `1..20`, `1,2,5` or `7`. */
  seeds?: string | undefined;
}

export interface GridContext {
  /** The scenario file (for messages) and its folder (its globs and trace paths are relative to it). */
  file: string;
  scenarioDir: string;
  cwd: string;
  /** Why a dotted path is not in the scenario, or null (vary-path.ts). */
  pathProblem: (path: string) => string | null;
}

export function gridSpec(section: SweepSection | undefined, flags: GridFlags, ctx: GridContext): GridGiven {
  const vary = new Map<string, unknown[]>();
  const check = (path: string, where: string): void => {
    const problem = ctx.pathProblem(path);
    if (problem !== null) throw new SplitsimError(`${where}: ${problem}`);
  };
  for (const [path, values] of Object.entries(section?.vary ?? {})) {
    check(path, `${ctx.file}: sweep.vary: ${path}`);
    vary.set(path, checkValues(values, `${ctx.file}: sweep.vary: ${path}`));
  }
  for (const flag of flags.vary) {
    const { path, values } = parseVaryFlag(flag);
    check(path, `--vary ${path}`);
    vary.set(path, values);
  }
  const traces = new Map<string, string[]>();
  for (const [link, globs] of Object.entries(section?.traces ?? {})) {
    const list = typeof globs === "string" ? [globs] : globs;
    check(traceTarget(link), `${ctx.file}: sweep.traces: ${link}`);
    traces.set(link, expand(list, ctx.scenarioDir, ctx.scenarioDir, `${ctx.file}: sweep.traces.${link}`));
  }
  for (const flag of flags.trace) {
    const eq = flag.indexOf("=");
    const link = flag.slice(0, eq).trim();
    if (eq < 0 || link === "" || flag.slice(eq + 1).trim() === "") throw new SplitsimError(`--trace '${flag}': give link=<glob>, e.g. --trace up='traces/*.up' (a shared medium: --trace media.<name>=<glob>)`);
    check(traceTarget(link), `--trace ${link}`);
    traces.set(link, expand([flag.slice(eq + 1).trim()], ctx.cwd, ctx.scenarioDir, `--trace ${flag}`));
  }
  for (const link of traces.keys()) {
    const target = traceTarget(link);
    if (vary.has(`${target}.trace`)) throw new SplitsimError(`--vary ${target}.trace and a trace sweep of ${target}: give its traces one way`);
  }
  const seeds = flags.seeds !== undefined ? parseSeeds(flags.seeds, "--seeds")
    : section?.seeds !== undefined ? parseSeeds(section.seeds, `${ctx.file}: sweep.seeds`)
    : null;
  return {
    vary: [...vary].map(([path, values]) => ({ path, values })),
    traces: [...traces].map(([link, files]) => ({ link, files })),
    seeds,
  };
}

/** `path=[v1, v2]` read as YAML, like --set: each element of the list is one point. */
export function parseVaryFlag(flag: string): { path: string; values: unknown[] } {
  const eq = flag.indexOf("=");
  const path = flag.slice(0, eq).trim();
  if (eq < 0 || path === "" || path.split(".").some((k) => k === "")) {
    throw new SplitsimError(`--vary '${flag}': give path=[v1, v2, ...], e.g. --vary workload.arrivals.ratePerSec=[10,20,40]`);
  }
  let values: unknown;
  try {
    values = parse(flag.slice(eq + 1));
  } catch (e) {
    throw new SplitsimError(`--vary '${flag}': the values are not a YAML list (${(e as Error).message.split("\n")[0]})`);
  }
  if (!Array.isArray(values)) throw new SplitsimError(`--vary '${flag}': give a list of values in brackets, [v1, v2, ...] (--set takes a single value)`);
  return { path, values: checkValues(values, `--vary ${path}`) };
}

function checkValues(values: unknown[], where: string): unknown[] {
  if (values.length === 0) throw new SplitsimError(`${where}: give at least one value`);
  const seen = new Set<string>();
  for (const v of values) {
    const k = canonicalJson(v);
    if (seen.has(k)) throw new SplitsimError(`${where}: the value ${k} is listed twice (each value is one point)`);
    seen.add(k);
  }
  return values;
}

/** `a..b` (inclusive), `a,b,c`, a single seed, or a list of seeds. */
export function parseSeeds(spec: string | readonly number[], where: string): number[] {
  let seeds: number[];
  if (typeof spec !== "string") seeds = [...spec];
  else {
    const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(spec);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a > b) throw new SplitsimError(`${where} '${spec}': the range is empty (${a} > ${b})`);
      if (b - a >= 1_000_000) throw new SplitsimError(`${where} '${spec}': more than a million seeds`);
      seeds = Array.from({ length: b - a + 1 }, (_, i) => a + i);
    } else if (/^\s*\d+\s*(,\s*\d+\s*)*$/.test(spec)) seeds = spec.split(",").map((x) => Number(x.trim()));
    else throw new SplitsimError(`${where} '${spec}': give a range a..b (e.g. 1..20), a list 1,2,5, or one seed`);
  }
  const bad = seeds.find((s) => !Number.isSafeInteger(s) || s < 0);
  if (bad !== undefined) throw new SplitsimError(`${where}: seed ${bad} is not a whole number >= 0`);
  const twice = seeds.find((s, i) => seeds.indexOf(s) !== i);
  if (twice !== undefined) throw new SplitsimError(`${where}: seed ${twice} is listed twice`);
  return seeds;
}

/** Where a swept trace goes: `media.<name>` is a shared medium, any other name a link. */
function traceTarget(name: string): string {
  return name.startsWith("media.") ? name : `links.${name}`;
}

/** Trace files matching the globs (read from `from`), as paths relative to the scenario's folder. */
function expand(globs: readonly string[], from: string, scenarioDir: string, where: string): string[] {
  const files = new Set<string>();
  for (const g of globs) {
    const found = globFiles(g, from);
    if (found.length === 0) throw new SplitsimError(`${where}: no trace file matches '${g}' (relative to ${from})`);
    for (const f of found) files.add(relative(scenarioDir, resolve(from, f)).split("\\").join("/"));
  }
  return [...files].sort();
}

/** Every point of the grid (without seeds) in grid order: the first dimension varies slowest. */
export function gridPoints(spec: Omit<GridSpec, "seeds">): GridPoint[] {
  const dims: Array<Array<{ name: string; value: unknown; sets: string[] }>> = [
    ...spec.vary.map(({ path, values }) => values.map((v) => ({ name: path, value: v, sets: [`${path}=${JSON.stringify(v)}`] }))),
    // A swept trace replaces whatever bandwidth the link had in the file.
    ...spec.traces.map(({ link, files }) => {
      const at = traceTarget(link);
      return files.map((f) => ({ name: `trace.${link}`, value: f, sets: [`${at}.bandwidthMbps=null`, `${at}.bandwidthProfile=null`, `${at}.trace=${JSON.stringify(f)}`] }));
    }),
  ];
  let points: GridPoint[] = [{ point: {}, sets: [] }];
  for (const dim of dims) {
    points = points.flatMap((p) => dim.map((c) => ({ point: { ...p.point, [c.name]: c.value }, sets: [...p.sets, ...c.sets] })));
  }
  return points;
}

/** A run's place in grid order from its coordinates, or null when they are not in the grid. */
export function gridIndex(spec: GridSpec, schedulers: readonly string[], point: Record<string, unknown>, seed: number, scheduler: string): number | null {
  const coords: number[] = [];
  const sizes: number[] = [];
  for (const { path, values } of spec.vary) {
    const want = canonicalJson(point[path]);
    coords.push(values.findIndex((v) => canonicalJson(v) === want));
    sizes.push(values.length);
  }
  for (const { link, files } of spec.traces) {
    coords.push(files.indexOf(point[`trace.${link}`] as string));
    sizes.push(files.length);
  }
  coords.push(spec.seeds.indexOf(seed), schedulers.indexOf(scheduler));
  sizes.push(spec.seeds.length, schedulers.length);
  if (Object.keys(point).length !== spec.vary.length + spec.traces.length || coords.some((c) => c < 0)) return null;
  return coords.reduce((acc, c, i) => acc * sizes[i]! + c, 0);
}
