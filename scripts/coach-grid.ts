// Runs scenarios/papers/coach.yaml over its grid (model × uplink, at 30 frames/s and saturated) and
// prints the results table of docs/schedulers/coach.md; `--ablation` prints the ablation table
// instead (coach's modes at VGG-16, 5 Mbit/s and Verizon LTE). Real traces are read in place from
// ../shared/traces (those rows are left out, with a line on stderr, when it is absent). Usage:
//   node --import tsx scripts/coach-grid.ts [--ablation]
import { existsSync } from "node:fs";
import type { RunReport } from "../src/metrics/report.js";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";

const FILE = "scenarios/papers/coach.yaml";
const MODELS = ["vgg16", "resnet50", "resnet101", "mobilenet-v2", "inception-v3"];
const PARTITION = ["device-only", "cloud-only", "neurosurgeon", "neurosurgeon-8bit", "dads"];
const TRACE_SETS: Record<string, string[]> = {
  LTE: ["links.up.bandwidthMbps=null", "links.up.trace=../../../shared/traces/mahimahi/Verizon-LTE-short.up"],
  "5G/5": ["links.up.bandwidthMbps=null", "links.up.trace=../../../shared/traces/lumos5g/5g_trace_22_driving", "links.up.scale=0.2"],
};
const SHARED = existsSync(new URL("../../shared/traces/mahimahi/Verizon-LTE-short.up", import.meta.url));
const UPLINKS: Array<[string, string[]]> = [
  ...[1, 5, 10, 20, 50, 100].map((m): [string, string[]] => [String(m), [`links.up.bandwidthMbps=${m}`]]),
  ...(SHARED ? Object.entries(TRACE_SETS) : []),
];
const SATURATED = ["workload.arrivals={kind: batch}", "workload.requests=300"];

function run(model: string, sets: readonly string[], scheduler: string): RunReport {
  return runScenario(loadScenario(FILE, { sets: [`workload.model=${model}`, ...sets] }), scheduler).report;
}

const f1 = (x: number): string => x.toFixed(1);
const short = (cut: string): string => (cut.length > 26 ? `${cut.slice(0, 25)}…` : cut);

function planOf(r: RunReport): string {
  const p = (r.policy?.["plans"] as Array<{ cut: string; tensorBits: number[] }> | undefined)?.[0];
  if (p === undefined) return "?";
  return p.tensorBits.length === 0 ? "all on device" : `${short(p.cut)} @${p.tensorBits.join("/")}`;
}

function grid(): void {
  console.log("| model | uplink | best partition baseline, 30 fps, mean ms | coach ms | latency gain | best partition baseline, saturated, frames/s | coach frames/s | throughput gain | job-offloading frames/s | coach plan | hits |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const model of MODELS) {
    for (const [name, sets] of UPLINKS) {
      const live = PARTITION.map((s) => ({ s, r: run(model, sets, s) }));
      const best = live.reduce((a, b) => (b.r.latencyMs.mean < a.r.latencyMs.mean ? b : a));
      const sat = PARTITION.map((s) => ({ s, r: run(model, [...sets, ...SATURATED], s) }));
      const top = sat.reduce((a, b) => (b.r.throughputPerSec > a.r.throughputPerSec ? b : a));
      const coach = run(model, sets, "coach");
      const coachSat = run(model, [...sets, ...SATURATED], "coach");
      const jo = run(model, [...sets, ...SATURATED], "job-offloading");
      const hits = `${Math.round(((coach.policy?.["hitRatio"] as number) ?? 0) * 100)} %`;
      console.log(`| ${model} | ${name} | ${best.s} ${f1(best.r.latencyMs.mean)} | ${f1(coach.latencyMs.mean)} | ${(best.r.latencyMs.mean / coach.latencyMs.mean).toFixed(2)} | ` +
        `${top.s} ${f1(top.r.throughputPerSec)} | ${f1(coachSat.throughputPerSec)} | ${(coachSat.throughputPerSec / top.r.throughputPerSec).toFixed(2)} | ${f1(jo.throughputPerSec)} | ${planOf(coach)} | ${hits} |`);
    }
  }
}

function ablation(): void {
  console.log("| model, uplink | mode | 30 fps mean ms | p95 ms | saturated frames/s | hits | frames below offline bits | mean bits | loss, points |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  const points: Array<[string, string[]]> = [["vgg16, 5 Mbit/s", ["links.up.bandwidthMbps=5"]], ...(SHARED ? [["vgg16, Verizon LTE", TRACE_SETS["LTE"]!] as [string, string[]]] : [])];
  for (const [label, sets] of points) {
    for (const mode of ["full", "fixed-bits", "no-cache", "offline-only"]) {
      const withMode = [...sets, `options.coach.mode=${mode}`];
      const r = run("vgg16", withMode, "coach");
      const sat = run("vgg16", [...withMode, ...SATURATED], "coach");
      const p = r.policy ?? {};
      console.log(`| ${label} | ${mode} | ${f1(r.latencyMs.mean)} | ${f1(r.latencyMs.p95)} | ${f1(sat.throughputPerSec)} | ${((p["hitRatio"] as number) * 100).toFixed(1)} % | ` +
        `${String(p["framesBelowOfflineBits"])} | ${(p["meanBits"] as number).toFixed(2)} | ${r.accuracy.meanLossPct.toFixed(2)} |`);
    }
  }
}

if (!SHARED) console.error("coach-grid: ../shared/traces not found: the LTE and 5G rows are left out");
if (process.argv.includes("--ablation")) ablation();
else grid();
