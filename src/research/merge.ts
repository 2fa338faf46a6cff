// `splitsim merge`: the results of several --out folders of one grid (shards, or a sweep re-run
// elsewhere) as one folder, in grid order. Folders of different grids are refused; a run found
// twice is kept once when both lines agree (a failure re-run later counts as agreeing), and two
// different reports of one run are an error naming both lines.
import { join } from "node:path";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import { gridDifference, readManifest, type GridManifest } from "./grid-manifest.js";
import { readResultLines, type ReadLine, type ResultLine } from "./results-file.js";
import { sha256 } from "./run-key.js";
import { gridIndex } from "./sweep-grid.js";
import { prepareOut, RESULTS, SUMMARY } from "./sweep.js";
import { summaryCsv } from "./summary-csv.js";
import { writeFileAtomically } from "./results-file.js";

export interface MergeOutcome {
  /** Runs in the grid. */
  runs: number;
  /** Runs with a line in the merged file. */
  present: number;
  /** Lines left out because they repeat a run already read. */
  repeated: number;
  failed: ResultLine[];
}

interface Held {
  where: string;
  read: ReadLine;
}

export function mergeSweeps(dirs: readonly string[], out: string, warn: (m: string) => void): MergeOutcome {
  if (dirs.length === 0) throw new SplitsimError("merge: give the sweep folders to merge");
  const manifests = dirs.map((d) => {
    const m = readManifest(d);
    if (m === null) throw new SplitsimError(`${d}: no sweep.json: not the --out folder of a sweep`);
    return m;
  });
  const first = manifests[0]!;
  manifests.forEach((m, i) => {
    const diff = gridDifference(first, m, false);
    if (diff !== null) throw new SplitsimError(`${dirs[i]} and ${dirs[0]} hold different grids (there = ${dirs[0]}, here = ${dirs[i]}): ${diff}`);
  });

  const held = new Map<number, Held>();
  let repeated = 0;
  for (const dir of dirs) {
    const file = join(dir, RESULTS);
    const read = readResultLines(file);
    if (read.partialLine !== null) warn(`${file}:${read.partialLine}: left out a last line cut off by a killed sweep (re-run that shard to complete it)`);
    for (const l of read.lines) {
      const where = `${file}:${l.line}`;
      const e = l.entry;
      const at = gridIndex(first.grid, first.schedulers, e.point, e.seed, e.scheduler);
      if (at === null) throw new SplitsimError(`${where}: ${e.scheduler} at seed ${e.seed}, point ${canonicalJson(e.point)} is not a run of the grid in ${join(dir, "sweep.json")}`);
      const seen = held.get(at);
      if (seen === undefined) {
        held.set(at, { where, read: l });
        continue;
      }
      const clash = conflict(seen, { where, read: l });
      if (clash !== null) throw new SplitsimError(clash);
      repeated++;
      if (seen.read.entry.report === undefined && e.report !== undefined) held.set(at, { where, read: l });
    }
  }

  const lines = [...held.entries()].sort(([a], [b]) => a - b).map(([, h]) => h.read);
  const manifest: GridManifest = { ...first, shard: null };
  if (lines.length === first.runs && sha256(lines.map((l) => l.entry.key).join("\n")) !== first.keys) {
    throw new SplitsimError(`merge: the runs' keys do not match the grid's (sweep.json): a shard ran on other files (a trace, a model or a plug-in differed)`);
  }
  prepareOut(out, manifest);
  writeFileAtomically(join(out, RESULTS), lines.map((l) => `${l.text}\n`).join(""));
  const dims = [...first.grid.vary.map((v) => v.path), ...first.grid.traces.map((t) => `trace.${t.link}`)];
  writeFileAtomically(join(out, SUMMARY), summaryCsv(lines.map((l) => l.entry), dims));
  return { runs: first.runs, present: lines.length, repeated, failed: lines.filter((l) => l.entry.error !== undefined).map((l) => l.entry) };
}

/** Why two lines of one run cannot both stand, or null when one is a repeat of the other. */
function conflict(a: Held, b: Held): string | null {
  const [x, y] = [a.read.entry, b.read.entry];
  const what = `${y.scheduler} at seed ${y.seed}, point ${canonicalJson(y.point)}`;
  if (x.key !== y.key) return `${b.where}: ${what} has run key ${y.key}, but ${a.where} has ${x.key} for it: the folders ran different grids`;
  if (x.report !== undefined && y.report !== undefined && a.read.text !== b.read.text) {
    return `${b.where}: ${what} has a different report from ${a.where}: the run's result is ambiguous (was the simulator changed between the shards?)`;
  }
  return null;
}
