// `npm run bench`: every case in its own child process (bench/case.ts), a few repeats each; prints
// a table of figures with targets and ✓/✗ and writes bench/results.json. Wall-clock figures are
// for people: a missed target never fails the process (exit 0); only a crashing case does.
//   npm run bench                 default plan (~3.5 min on the 2-core reference machine)
//   npm run bench -- --quick      every case at a tiny size (or SPLITSIM_BENCH_QUICK=1)
//   npm run bench -- --full       more repeats, 3e5/3e6 sizes, 1e7 three times
//   npm run bench -- --only hold  only cases whose name starts with "hold"
//   npm run bench -- --only whole section 6: whole processes (start-up; splitsim against SimPy)
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { figures, key, type Results } from "./lib/figures.js";
import { plan, runList, type Job, type Mode } from "./lib/plan.js";
import type { CaseResult } from "./lib/result.js";
import { sizeLabel } from "./lib/stats.js";
import { renderTable } from "./lib/table.js";
import { runWhole, WholeError } from "./lib/whole.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CASE_SCRIPT = fileURLToPath(new URL("./case.ts", import.meta.url));
const RESULTS = fileURLToPath(new URL("./results.json", import.meta.url));
/** A child that runs longer than this is stopped and reported (the 1e7 case needs ~35 s). */
const CHILD_TIMEOUT_MS = 240_000;

const args = process.argv.slice(2);
const quick = args.includes("--quick") || process.env["SPLITSIM_BENCH_QUICK"] === "1";
const mode: Mode = quick ? "quick" : args.includes("--full") ? "full" : "default";
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

interface Failure {
  case: string;
  size: number;
  reason: string;
  timedOut: boolean;
}

/** Runs one case in a fresh `node --import tsx` process and parses its last stdout line. */
function runChild(name: string, size: number): CaseResult | Failure {
  const argv = ["--import", "tsx", CASE_SCRIPT, name, String(size), ...(quick ? ["--quick"] : [])];
  const p = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: "utf8", timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 << 20 });
  const timedOut = p.error !== undefined && (p.error as NodeJS.ErrnoException).code === "ETIMEDOUT";
  if (p.status !== 0 || timedOut) {
    const reason = timedOut ? `timed out after ${CHILD_TIMEOUT_MS / 1e3} s` : (p.stderr || String(p.error ?? `exit ${p.status}`)).trim().split("\n").slice(-5).join("\n");
    return { case: name, size, reason, timedOut };
  }
  const last = p.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as CaseResult;
  } catch {
    return { case: name, size, reason: `unreadable output: ${last.slice(0, 200)}`, timedOut: false };
  }
}

/** Section 6 times its own children from here (a case.ts child around them would add its start-up). */
function runJob(j: Job): CaseResult | Failure {
  if (j.group !== 6) return runChild(j.case, j.size);
  try {
    return runWhole(j.case, j.size);
  } catch (e) {
    return { case: j.case, size: j.size, reason: e instanceof Error ? e.message : String(e), timedOut: e instanceof WholeError && e.timedOut };
  }
}

/** The progress line's figure: a rate for in-process cases, the wall time for whole processes. */
function progress(j: Job, r: CaseResult): string {
  if (r.skipped !== undefined) return r.skipped;
  if (j.group === 6) return `${(r.seconds * 1e3).toFixed(0)} ms whole process`;
  return `${(r.events / r.seconds / 1e6).toFixed(2)} M events/s`;
}

const started = performance.now();
const jobs = runList(plan(mode)).filter((j) => only === undefined || j.case.startsWith(only));
const results: Results = new Map();
const raw: CaseResult[] = [];
const failures: Failure[] = [];
console.error(`splitsim bench (${mode}): ${jobs.length} child runs, one at a time`);
jobs.forEach((j, i) => {
  const t0 = performance.now();
  const r = runJob(j);
  const dt = ((performance.now() - t0) / 1e3).toFixed(1);
  if ("reason" in r) {
    failures.push(r);
    console.error(`[${i + 1}/${jobs.length}] ${j.case} ${sizeLabel(j.size)}: FAILED (${dt} s)\n${r.reason}`);
    return;
  }
  raw.push(r);
  const k = key(j.case, j.size);
  results.set(k, [...(results.get(k) ?? []), r]);
  console.error(`[${i + 1}/${jobs.length}] ${j.case} ${sizeLabel(j.size)}: ${progress(j, r)} (${dt} s)`);
});

const rows = figures(results);
const totalSeconds = (performance.now() - started) / 1e3;
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`\nsplitsim bench, ${mode} mode, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpu}`);
console.log(renderTable(rows, quick));
console.log(`total ${totalSeconds.toFixed(0)} s, ${jobs.length} child runs${failures.length > 0 ? `, ${failures.length} FAILED` : ""}`);
if (quick) console.log("(quick mode: tiny sizes for a smoke test; the figures say nothing about speed)");
if (mode !== "full" && !quick && jobs.some((j) => j.size >= 1e7)) console.log("(1e7 requests ran once; `npm run bench -- --full` repeats it 3 times and adds 3e5 and 3e6)");

writeFileSync(
  RESULTS,
  JSON.stringify({ mode, date: new Date().toISOString(), node: process.version, cpu, cpus: cpus().length, totalSeconds, figures: rows, runs: raw, failures }, null, 2) + "\n",
);
// A slow machine is not an error; a case that crashed is (a timeout may be either, so it is not).
process.exitCode = failures.some((f) => !f.timedOut) ? 1 : 0;
