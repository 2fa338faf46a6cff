// Runs scenarios/papers/decc.yaml over its grid (model × uplink × a low and a high Poisson rate) and
// prints the markdown table of docs/schedulers/decc.md: mean latency of neurosurgeon, dads and decc,
// neurosurgeon ÷ decc, both throughputs and the plan decc chose. Usage (about 2 minutes):
//   node --import tsx scripts/decc-grid.ts > table.md
// The Verizon LTE rows read ../shared/traces in place (left out, with a line on stderr, when absent).
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import type { RunReport } from "../src/metrics/report.js";
import { resolveScenarioText } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";

const FILE = "scenarios/papers/decc.yaml";
export const BANDWIDTHS = [5, 20, 50];
/**
 * The high rate per model at 5 | 20 | 50 Mbit/s: 0.8 / neurosurgeon's busiest resource time per
 * request at the low rate, rounded down to 0.1/s (the header of decc.yaml; the trace rows use the
 * 20 Mbit/s one). The low rate is 0.5/s everywhere.
 */
export const HIGH: Record<string, number[]> = { googlenet: [23.5, 23.5, 23.5], "inception-v3": [8, 8, 18.6], resnet50: [12.1, 12.1, 33.2], vgg16: [6.1, 13.2, 33.2], alexnet: [41.4, 41.4, 41.4] };
export const LOW = 0.5;
const VERIZON = "../../../shared/traces/mahimahi/Verizon-LTE-short.up";
const UPLINKS: Array<{ name: string; mbps?: number; trace?: string; rateIndex: number }> = [
  ...BANDWIDTHS.map((mbps, i) => ({ name: String(mbps), mbps, rateIndex: i })),
  { name: "lte-like", trace: "../../traces/lte-like-uplink.csv", rateIndex: 1 },
  { name: "Verizon", trace: VERIZON, rateIndex: 1 },
];

/** One scheduler at one point of the grid (the file's 1000 requests, seed 1). */
export function point(model: string, up: { mbps?: number; trace?: string }, rate: number, scheduler: string, requests?: number): RunReport {
  const s = parse(readFileSync(FILE, "utf8"));
  s.workload.model = model;
  s.workload.arrivals.ratePerSec = rate;
  if (requests !== undefined) s.workload.requests = requests;
  if (up.trace !== undefined) {
    delete s.links.up.bandwidthMbps;
    s.links.up.trace = up.trace;
  } else s.links.up.bandwidthMbps = up.mbps;
  s.schedulers = [scheduler];
  return runScenario(resolveScenarioText(JSON.stringify(s), FILE), scheduler).report;
}

/** decc's plan for the (one) flow: device-only, cloud-only, a cut, or a branch frontier. */
function planOf(r: RunReport): string {
  const flows = (r.policy?.["flows"] ?? []) as Array<{ frontier: string | null }>;
  return flows[0]?.frontier ?? "?";
}

const f1 = (x: number): string => (x >= 1000 ? x.toFixed(0) : x.toFixed(1));

function main(): void {
  // The trace path is relative to scenarios/papers/; from scripts/ it is one folder less deep.
  const shared = existsSync(new URL(VERIZON.replace("../../../", "../../"), import.meta.url));
  if (!shared) console.error(`decc-grid: ${VERIZON} not found: the Verizon rows are left out`);
  console.log("| model | uplink | rate /s | neurosurgeon ms | dads ms | decc ms | ratio | ns thr /s | decc thr /s | decc plan |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const model of Object.keys(HIGH)) {
    for (const up of UPLINKS) {
      if (up.trace === VERIZON && !shared) continue;
      for (const rate of [LOW, HIGH[model]![up.rateIndex]!]) {
        const [ns, dads, decc] = ["neurosurgeon", "dads", "decc"].map((s) => point(model, up, rate, s)) as [RunReport, RunReport, RunReport];
        const ratio = ns.latencyMs.mean / decc.latencyMs.mean;
        console.log(`| ${model} | ${up.name} | ${rate} | ${f1(ns.latencyMs.mean)} | ${f1(dads.latencyMs.mean)} | ${f1(decc.latencyMs.mean)} | ${ratio.toFixed(2)} | ${ns.throughputPerSec.toFixed(1)} | ${decc.throughputPerSec.toFixed(1)} | ${planOf(decc)} |`);
      }
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) main();
