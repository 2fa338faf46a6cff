// Golden results: a case file `<label>.golden.yaml` names a scenario (relative to the case file)
// and --set values; `<label>.golden.json` beside it stores, per scheduler, the full report and a
// hash of requests.csv. `splitsim regress` re-runs every case and names each field that moved.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { SplitsimError } from "../errors.js";
import { requestsCsv } from "../metrics/csv.js";
import { generateWorkload } from "../scenario/generate-workload.js";
import { loadScenario } from "../scenario/load.js";
import { loadPlugins } from "../scenario/load-plugins.js";
import { requestCsvOptions } from "../scenario/request-csv-options.js";
import { runScenario } from "../scenario/run.js";
import { jsonDiff, type FieldChange } from "./json-diff.js";

export const CASE_SUFFIX = ".golden.yaml";
export const STORE_SUFFIX = ".golden.json";

const CaseFile = z.strictObject({
  scenario: z.string().min(1),
  set: z.array(z.string()).default([]),
  schedulers: z.array(z.string().min(1)).min(1).optional(),
});

export interface GoldenCase {
  label: string;
  /** The case file, and the scenario it names (resolved against the case file's folder). */
  file: string;
  scenario: string;
  sets: string[];
  /** Default: the scenario's own list. */
  schedulers?: string[];
}

/** What is stored per scheduler: the report as JSON and the sha-256 of requests.csv. */
export interface GoldenResult {
  report: unknown;
  requestsCsvSha256: string;
}

export type Stored = Record<string, GoldenResult>;

export interface CaseOutcome {
  case: GoldenCase;
  /** same; changed; missing (nothing stored yet); updated (with update: written anew). */
  status: "same" | "changed" | "missing" | "updated";
  /** Per scheduler whose results moved (or that appeared or went away). */
  changes: { scheduler: string; fields: FieldChange[] }[];
}

/** The case files under `dir` (recursively), sorted by path so runs list them in one order. */
export function findCases(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SplitsimError(`${dir}: no such folder of golden cases`);
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(CASE_SUFFIX)) out.push(p);
    }
  };
  walk(dir);
  if (out.length === 0) throw new SplitsimError(`${dir}: no golden cases (files named <label>${CASE_SUFFIX})`);
  return out;
}

export function readCase(file: string): GoldenCase {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new SplitsimError(`${file}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const r = CaseFile.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${file}: ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new SplitsimError(`${file}: not a golden case (scenario: <file>, set: [path=value, ...], schedulers: [...])\n${lines.join("\n")}`);
  }
  return {
    label: basename(file, CASE_SUFFIX),
    file,
    scenario: resolve(dirname(file), r.data.scenario),
    sets: r.data.set,
    ...(r.data.schedulers === undefined ? {} : { schedulers: r.data.schedulers }),
  };
}

/** Runs every scheduler of a case over one shared workload. */
export async function runCase(c: GoldenCase): Promise<Stored> {
  const s = loadScenario(c.scenario, { sets: c.sets });
  const source = await loadPlugins(s, c.scenario);
  const workload = generateWorkload(s);
  const out: Stored = {};
  for (const name of c.schedulers ?? s.schedulers) {
    const { report, requests } = runScenario(s, name, { workload, schedulers: source });
    out[name] = {
      // Through JSON and back: what is compared is what a file holds.
      report: JSON.parse(JSON.stringify(report)),
      requestsCsvSha256: createHash("sha256").update(requestsCsv(requests, requestCsvOptions(s, source, name))).digest("hex"),
    };
  }
  return out;
}

export function storePath(c: GoldenCase): string {
  return c.file.slice(0, -CASE_SUFFIX.length) + STORE_SUFFIX;
}

function readStore(c: GoldenCase): Stored | null {
  const p = storePath(c);
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, "utf8")) as Stored;
  } catch (e) {
    throw new SplitsimError(`${p}: not valid JSON (${(e as Error).message}); re-record it with splitsim regress --update`);
  }
}

/** Re-runs a case and compares with what is stored; with `update`, stores the new results when they differ. */
export async function regressCase(c: GoldenCase, update: boolean): Promise<CaseOutcome> {
  const now = await runCase(c);
  const stored = readStore(c);
  const changes: CaseOutcome["changes"] = [];
  if (stored !== null) {
    for (const name of new Set([...Object.keys(stored), ...Object.keys(now)])) {
      const fields = jsonDiff(stored[name], now[name]);
      if (fields.length > 0) changes.push({ scheduler: name, fields });
    }
  }
  const differs = stored === null || changes.length > 0;
  if (update && differs) {
    writeFileSync(storePath(c), JSON.stringify(now, null, 2) + "\n");
    return { case: c, status: "updated", changes };
  }
  return { case: c, status: stored === null ? "missing" : differs ? "changed" : "same", changes };
}
