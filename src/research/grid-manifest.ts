// sweep.json in a sweep's --out: which grid the folder's results belong to. A resume or a merge
// compares it with the grid at hand and names the first difference, so results of two grids are
// never mixed. The scenario is represented by its hash, the runs by a hash of their ordered keys.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import type { GridSpec } from "./sweep-grid.js";

export const MANIFEST = "sweep.json";

export interface GridManifest {
  splitsim: "sweep";
  version: 1;
  /** The scenario file as it was given (for people; not compared). */
  file: string;
  /** Hash of the resolved scenario with --set applied, before any point (see run-key.ts). */
  scenario: string;
  sets: string[];
  grid: GridSpec;
  schedulers: string[];
  runs: number;
  /** sha256 of every run key, in grid order, one per line. */
  keys: string;
  /** The slice this folder holds ("2/4"), or null for the whole grid. */
  shard: string | null;
}

export function readManifest(dir: string): GridManifest | null {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return null;
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new SplitsimError(`${file}: not JSON (${(e as Error).message}); it describes the grid of the folder's results, restore it or start a new --out`);
  }
  const o = m as Partial<GridManifest> | null;
  if (o?.splitsim !== "sweep" || o.version !== 1 || typeof o.keys !== "string" || o.grid === undefined) {
    throw new SplitsimError(`${file}: not a sweep manifest of this splitsim (version 1)`);
  }
  return o as GridManifest;
}

export function manifestText(m: GridManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/**
 * The first difference between the grid a folder holds (`there`) and another (`here`), as a
 * sentence, or null when they are the same grid. With `sameShard` false the slices may differ.
 */
export function gridDifference(there: GridManifest, here: GridManifest, sameShard: boolean): string | null {
  if (there.scenario !== here.scenario) {
    return `the scenario differs (hash ${there.scenario.slice(0, 16)} there, ${here.scenario.slice(0, 16)} here): the scenario file, a --set value or a file it reads changed`;
  }
  const list = (xs: readonly unknown[]): string => `[${xs.map((x) => canonicalJson(x)).join(", ")}]`;
  if (canonicalJson(there.sets) !== canonicalJson(here.sets)) return `--set differs: ${list(there.sets)} there, ${list(here.sets)} here`;
  const d = dimensionDifference(there.grid, here.grid);
  if (d !== null) return d;
  if (canonicalJson(there.grid.seeds) !== canonicalJson(here.grid.seeds)) {
    return `the seeds differ: ${seedText(there.grid.seeds)} there, ${seedText(here.grid.seeds)} here`;
  }
  if (canonicalJson(there.schedulers) !== canonicalJson(here.schedulers)) {
    return `the schedulers differ: ${there.schedulers.join(", ")} there, ${here.schedulers.join(", ")} here`;
  }
  if (there.keys !== here.keys) {
    return "the run keys differ although the grid is written the same: a file the points read (a trace, a model, a plug-in) changed";
  }
  if (sameShard && there.shard !== here.shard) return `the shard differs: ${there.shard ?? "the whole grid"} there, ${here.shard ?? "the whole grid"} here`;
  return null;
}

function dimensionDifference(a: GridSpec, b: GridSpec): string | null {
  const dims = (g: GridSpec): Map<string, unknown[]> => new Map([
    ...g.vary.map((v) => [`--vary ${v.path}`, v.values] as const),
    ...g.traces.map((t) => [`--trace ${t.link}`, t.files] as const),
  ]);
  const [da, db] = [dims(a), dims(b)];
  for (const [name, values] of da) {
    const other = db.get(name);
    if (other === undefined) return `${name} is swept there (${values.length} values) but not here`;
    const missing = values.filter((v) => !other.some((w) => canonicalJson(w) === canonicalJson(v)));
    const extra = other.filter((v) => !values.some((w) => canonicalJson(w) === canonicalJson(v)));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [missing.length > 0 ? `${missing.map((v) => canonicalJson(v)).join(", ")} only there` : "", extra.length > 0 ? `${extra.map((v) => canonicalJson(v)).join(", ")} only here` : ""];
      return `${name} differs: ${parts.filter((p) => p !== "").join("; ")}`;
    }
    if (canonicalJson(values) !== canonicalJson(other)) return `${name} lists the same values in another order`;
  }
  for (const [name, values] of db) if (!da.has(name)) return `${name} is swept here (${values.length} values) but not there`;
  if (canonicalJson([...da.keys()]) !== canonicalJson([...db.keys()])) return "the swept dimensions are in another order";
  return null;
}

/** Seeds as ranges: 1..5, 8, 10..12. */
export function seedText(seeds: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seeds.length; ) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j]! + 1) j++;
    parts.push(j > i ? `${seeds[i]}..${seeds[j]}` : String(seeds[i]));
    i = j + 1;
  }
  return parts.join(", ");
}
