// From a scenario and the sweep's flags to the list of runs, in grid order (point, then seed, then
// scheduler), each with its run key. Every point is loaded once here, so a bad value or a bad
// trace file stops the sweep before any run starts, naming the point.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { isSplitsimError, SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import { loadScenario } from "../scenario/load.js";
import { loadPlugins } from "../scenario/load-plugins.js";
import { applySets } from "../scenario/overrides.js";
import { Sweep } from "../scenario/schema.js";
import type { GridManifest } from "./grid-manifest.js";
import { pointHash, runKey, sha256 } from "./run-key.js";
import { gridPoints, gridSpec, type GridFlags, type GridPoint } from "./sweep-grid.js";
import { chooseSchedulers, schedulerSets } from "./sweep-schedulers.js";
import { varyPathProblem } from "./vary-path.js";

export interface PlanArgs {
  scenario: string;
  /** --set values, applied to every point. */
  sets: readonly string[];
  /** --scheduler: names, plug-in files (relative to cwd) or all; absent for the scenario's own. */
  scheduler?: string | undefined;
  flags: GridFlags;
  cwd: string;
}

export interface SweepRun {
  key: string;
  /** Index into the plan's points. */
  pointIndex: number;
  scheduler: string;
  seed: number;
}

export interface SweepPlan {
  /** The scenario file, absolute (workers load it from anywhere). */
  file: string;
  /** --set values, and the scheduler list when --scheduler names plug-in files. */
  sets: string[];
  points: GridPoint[];
  runs: SweepRun[];
  /** The grid's manifest, for the whole grid (shard: null). */
  manifest: GridManifest;
  /** Schedulers --scheduler all left out, with the options each needs. */
  skipped: string[];
}

export async function planSweep(args: PlanArgs): Promise<SweepPlan> {
  const file = resolve(args.cwd, args.scenario);
  const scenarioDir = dirname(file);
  const sets = [...args.sets, ...schedulerSets(args.scheduler, args.cwd, scenarioDir)];
  const text = readScenario(file, sets);
  const raw = applySets(text, sets, []);
  const { sweep, ...withoutGrid } = (raw ?? {}) as { sweep?: unknown };
  const section = Sweep.optional().safeParse(sweep);
  if (!section.success) {
    loadScenario(file, { sets }); // names the section's problems with their lines
    throw new SplitsimError(`${args.scenario}: sweep: ${section.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const grid = gridSpec(section.data, args.flags, {
    file: args.scenario, scenarioDir, cwd: args.cwd, pathProblem: (path) => varyPathProblem(withoutGrid, path),
  });
  const points = gridPoints(grid);
  // The file's own values need not run without a point (an offsetS for a link whose trace is
  // swept), so the first point stands for the scenario: its seed, schedulers and plug-ins.
  const first = loadPoint(file, args.scenario, [...sets, ...points[0]!.sets], points[0]!.point);
  const chosen = chooseSchedulers(args.scheduler, first, await loadPlugins(first, args.scenario));
  if (chosen.names.length === 0) throw new SplitsimError(`${args.scenario}: no scheduler to run${chosen.skipped.length > 0 ? ` (--scheduler all skipped ${chosen.skipped.join("; ")})` : ""}`);
  const seeds = grid.seeds ?? [first.seed];
  const runs: SweepRun[] = [];
  points.forEach((p, pointIndex) => {
    const s = pointIndex === 0 ? first : loadPoint(file, args.scenario, [...sets, ...p.sets], p.point);
    if (canonicalJson(s.schedulers) !== canonicalJson(first.schedulers)) {
      throw new SplitsimError(`${args.scenario}: point ${canonicalJson(p.point)} changes the scheduler list; sweep schedulers with --scheduler`);
    }
    const hash = pointHash(s);
    for (const seed of seeds) for (const scheduler of chosen.names) runs.push({ key: runKey(hash, s, scheduler, seed), pointIndex, scheduler, seed });
  });
  const { sweep: _grid, ...fileContent } = (text ?? {}) as { sweep?: unknown };
  const manifest: GridManifest = {
    splitsim: "sweep", version: 1, file: args.scenario, scenario: sha256(canonicalJson(fileContent)), sets: [...args.sets],
    grid: { ...grid, seeds }, schedulers: chosen.names, runs: runs.length, keys: sha256(runs.map((r) => r.key).join("\n")), shard: null,
  };
  return { file, sets, points, runs, manifest, skipped: chosen.skipped };
}

/** The scenario file as data; a file that is missing or not YAML is reported by the loader, with lines. */
function readScenario(file: string, sets: readonly string[]): unknown {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (e) {
    loadScenario(file, { sets });
    throw e;
  }
}

function loadPoint(file: string, label: string, sets: string[], point: Record<string, unknown>) {
  try {
    return loadScenario(file, { sets });
  } catch (e) {
    if (!isSplitsimError(e) || Object.keys(point).length === 0) throw e;
    throw new SplitsimError(`sweep point ${canonicalJson(point)} of ${label}:\n${e.message}`);
  }
}
