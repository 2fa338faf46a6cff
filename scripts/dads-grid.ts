// Runs scenarios/papers/dads.yaml at the points of docs/schedulers/dads.md and prints its three
// tables: light load (0.1 frames/s, 10 frames) mean latency with dads's cut, heavy load (20 frames/s,
// 100 frames) throughput, and ResNet-18 at 1 frame/s beside the paper's network-type experiment.
// Usage (about 10 s):   node --import tsx scripts/dads-grid.ts
import type { RunReport } from "../src/metrics/report.js";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";

const FILE = "scenarios/papers/dads.yaml";
const SCHEDULERS = ["device-only", "cloud-only", "neurosurgeon", "dads"];
const LIGHT: Array<[string, number]> = [
  ["alexnet", 0.13], ["alexnet", 18.88], ["vgg16", 0.13], ["vgg16", 1.1], ["resnet18", 1.1], ["resnet18", 5.85],
  ["resnet18", 18.88], ["googlenet", 5.85], ["googlenet", 18.88],
];
const HEAVY: Array<[string, number]> = [["alexnet", 5.85], ["alexnet", 18.88], ["vgg16", 1.1], ["resnet18", 5.85], ["googlenet", 18.88]];
const NETWORKS: Array<[string, number, string, string]> = [
  ["CAT1", 0.13, "1.46 ×", "−64 %"], ["3G", 1.1, "4.14 ×", "−26 %"], ["4G", 5.85, "7.23 ×", "−7 %"], ["Wi-Fi", 18.88, "8.32 ×", "equal"],
];

function run(model: string, mbps: number, fps: number, requests: number, scheduler: string): { report: RunReport; cut: string } {
  const s = loadScenario(FILE, { sets: [`workload.model=${model}`, `links.up.bandwidthMbps=${mbps}`, `workload.arrivals={kind: periodic, fps: ${fps}}`, `workload.requests=${requests}`] });
  const r = runScenario(s, scheduler, { keepRequests: true });
  const q = r.requests[0]!;
  return { report: r.report, cut: q.transferNs === 0 ? "all on device" : q.cut };
}

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

console.log("| model | Mbit/s | device-only | cloud-only | neurosurgeon | dads | dads cut |");
console.log("|---|---|---:|---:|---:|---:|---|");
for (const [model, mbps] of LIGHT) {
  const rs = SCHEDULERS.map((s) => run(model, mbps, 0.1, 10, s));
  console.log(`| ${model} | ${mbps} | ${rs.map((r) => f1(r.report.latencyMs.mean)).join(" | ")} | ${rs[3]!.cut} |`);
}
console.log("");
console.log("| model | Mbit/s | device-only | cloud-only | neurosurgeon | dads |");
console.log("|---|---|---:|---:|---:|---:|");
for (const [model, mbps] of HEAVY) {
  const rs = SCHEDULERS.map((s) => run(model, mbps, 20, 100, s));
  console.log(`| ${model} | ${mbps} | ${rs.map((r) => f2(r.report.throughputPerSec)).join(" | ")} |`);
}
console.log("");
console.log("| uplink | paper: latency vs edge-only | ours | paper: vs cloud-only | ours |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, mbps, paperEdge, paperCloud] of NETWORKS) {
  const [dev, cloud, , dads] = SCHEDULERS.map((s) => run("resnet18", mbps, 1, 100, s).report.latencyMs.mean) as [number, number, number, number];
  const vsCloud = Math.abs(dads - cloud) < 1e-6 ? "equal" : `${(((dads - cloud) / cloud) * 100).toFixed(1).replace("-", "−")} %`;
  console.log(`| ${name} ${mbps} | ${paperEdge} | ${f2(dev / dads)} × | ${paperCloud} | ${vsCloud} (cloud-only ${f1(cloud)} ms) |`);
}
