// What checking the invariants costs (issue 16): the bench's scenario cases run with checks on and
// off, each run a fresh child process, on/off interleaved (alternating which goes first) so that
// the VM's drift hits both alike; prints medians and the on/off ratio per case.
//   npx tsx bench/check-ab.ts [repeats=5] [case:size ...]
// Cases: mm1, pipeline-cloud-only, pipeline-neurosurgeon, cost-cloud-only (2 fps), many-<fifo|shared>-<devices>.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { generateWorkload, loadScenario, resolveScenarioText, runScenario, type ResolvedScenario } from "../src/index.js";
import { STABLE_FPS } from "./lib/cases.js";
import { manyScenarioText } from "./cases/many-resources.js";
import { mm1ScenarioText } from "./cases/mm1.js";
import { QUICKSTART } from "./cases/pipeline.js";
import { spread } from "./lib/stats.js";

const median = (xs: readonly number[]): number => spread(xs).median;

const DEFAULT_CASES = [
  "mm1:1000000", "pipeline-cloud-only:1000000", "pipeline-neurosurgeon:1000000", "cost-cloud-only:1000000", "many-fifo-64:200000", "many-shared-64:200000",
];

/** The case's scenario at `size` requests, and the scheduler the bench runs on it. */
function scenario(name: string, size: number): { s: ResolvedScenario; scheduler: string } {
  const sets = [`workload.requests=${size}`, "workload.warmupRequests=0"];
  if (name === "mm1") return { s: resolveScenarioText(mm1ScenarioText(size), "bench-mm1.yaml"), scheduler: "device-only" };
  if (name === "pipeline-cloud-only") return { s: loadScenario(QUICKSTART, { sets }), scheduler: "cloud-only" };
  if (name === "pipeline-neurosurgeon") return { s: loadScenario(QUICKSTART, { sets }), scheduler: "neurosurgeon" };
  if (name === "cost-cloud-only") return { s: loadScenario(QUICKSTART, { sets: [...sets, `workload.arrivals.fps=${STABLE_FPS}`] }), scheduler: "cloud-only" };
  const m = /^many-(fifo|shared)-(\d+)$/.exec(name);
  if (m === null) throw new Error(`unknown case '${name}'`);
  const devices = Number(m[2]);
  const text = manyScenarioText({ discipline: m[1] as "fifo" | "shared", devices }, Math.max(1, Math.round(size / devices)));
  return { s: resolveScenarioText(text, "bench-many.yaml"), scheduler: "cloud-only" };
}

/** Child: one timed run (workload generation excluded), printed as one JSON line. */
function child(name: string, size: number, check: boolean): void {
  const { s, scheduler } = scenario(name, size);
  const workload = generateWorkload(s);
  const t0 = performance.now();
  const r = runScenario(s, scheduler, { workload, keepRequests: false, check });
  const seconds = (performance.now() - t0) / 1e3;
  process.stdout.write(JSON.stringify({ seconds, events: r.events, rssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

function parent(repeats: number, cases: string[]): void {
  const script = fileURLToPath(import.meta.url);
  const times = new Map<string, number[]>();
  const rss = new Map<string, number[]>();
  for (let rep = 0; rep < repeats; rep++) {
    for (const c of cases) {
      const [name, size] = c.split(":") as [string, string];
      for (const mode of rep % 2 === 0 ? ["off", "on"] : ["on", "off"]) {
        const p = spawnSync(process.execPath, ["--import", "tsx", script, "--child", name, size, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
        if (p.status !== 0) throw new Error(`${c} ${mode} failed:\n${p.stderr}`);
        const o = JSON.parse(p.stdout.trim().split("\n").pop()!) as { seconds: number; rssMB: number };
        times.set(`${c} ${mode}`, [...(times.get(`${c} ${mode}`) ?? []), o.seconds]);
        rss.set(`${c} ${mode}`, [...(rss.get(`${c} ${mode}`) ?? []), o.rssMB]);
        console.error(`[${rep + 1}/${repeats}] ${c} check ${mode}: ${o.seconds.toFixed(3)} s`);
      }
    }
  }
  console.log(`${"case".padEnd(30)} ${"off s".padStart(8)} ${"on s".padStart(8)} ${"on/off".padStart(7)} ${"RSS off".padStart(8)} ${"RSS on".padStart(8)}`);
  for (const c of cases) {
    const [off, on] = [median(times.get(`${c} off`)!), median(times.get(`${c} on`)!)];
    const [rOff, rOn] = [median(rss.get(`${c} off`)!), median(rss.get(`${c} on`)!)];
    console.log(`${c.padEnd(30)} ${off.toFixed(3).padStart(8)} ${on.toFixed(3).padStart(8)} ${(on / off).toFixed(2).padStart(6)}× ${rOff.toFixed(0).padStart(5)} MB ${rOn.toFixed(0).padStart(5)} MB`);
  }
}

const args = process.argv.slice(2);
if (args[0] === "--child") child(args[1]!, Number(args[2]), args[3] === "on");
else parent(Number(args[0] ?? 5), args.length > 1 ? args.slice(1) : DEFAULT_CASES);
