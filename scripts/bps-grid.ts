// Runs scenarios/papers/bps.yaml over its grid (model × rate × uplink) and prints one JSON line per
// point with every scheduler's throughput; `--table` turns those lines into the markdown table of
// docs/schedulers/bps.md. Usage:
//   node --import tsx scripts/bps-grid.ts [--shard i/n] [--range a:b] > part-i.jsonl   (points a..b-1)
//   node --import tsx scripts/bps-grid.ts --table part-*.jsonl
//   node --import tsx scripts/bps-grid.ts --seed N [--schedulers a,b] > sN.jsonl   (the scenario's seed N)
//   node --import tsx scripts/bps-grid.ts --seeds-table s*.jsonl   (learned ÷ best pinned per seed)
// Real traces are read from ../shared/traces (skipped, with a line on stderr, when absent).
import { existsSync, readFileSync } from "node:fs";
import { generateWorkload } from "../src/scenario/generate-workload.js";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";
import { modelTimeMs } from "../src/workload/compute-model.js";
import { underRuntime } from "../src/workload/device-runtime.js";
import { getDevice } from "../src/workload/devices.js";
import { Model } from "../src/workload/model.js";

const FILE = "scenarios/papers/bps.yaml";
export const MODELS = ["resnet50", "vgg16", "mobilenet-v2"];

/**
 * Local-only capacity of `model` (requests/s): the scenario's device node running every layer at
 * its best batch up to its maxBatch, by the compute model (the node's device, runtime and precision).
 * This is the rate the grid calls 1×; computed, so it follows the compute model.
 */
export function localCapacity(model: string): number {
  const s = loadScenario(FILE, { sets: [`workload.model=${model}`] });
  const node = s.nodes.find((n) => n.name === "dev")!;
  const device = underRuntime(getDevice(node.device) ?? s.devices[node.device]!, node.runtime);
  if ("error" in device) throw new Error(device.error);
  const m = new Model(s.models[model]!);
  let best = 0;
  for (let b = 1; b <= node.maxBatch; b++) best = Math.max(best, (b * 1e3) / modelTimeMs(m, device, b, node.precision));
  return best;
}

/** Rounded to 0.1/s, as the scenario file and docs/schedulers/bps.md write them. */
export const LOCAL_CAPACITY: Record<string, number> = Object.fromEntries(MODELS.map((m) => [m, Math.round(localCapacity(m) * 10) / 10]));
export const RATE_FACTORS = [0.5, 1, 3];
const TRACES: Record<string, string[]> = {
  "Verizon LTE": ["links.up.trace=../../../shared/traces/mahimahi/Verizon-LTE-short.up"],
  "TMobile LTE": ["links.up.trace=../../../shared/traces/mahimahi/TMobile-LTE-short.up"],
  "Lumos5G 39 ×0.1": ["links.up.trace=../../../shared/traces/lumos5g/5g_trace_39_driving", "links.up.scale=0.1"],
};
/** Learning 2,000 intervals of 1 s, then 550 s measured. */
const LEARN_S = 2050;
const TOTAL_S = 2600;

export interface GridPoint {
  model: string;
  factor: number;
  uplink: string;
  sets: string[];
}

export function gridPoints(): GridPoint[] {
  const points: GridPoint[] = [];
  for (const model of Object.keys(LOCAL_CAPACITY))
    for (const factor of RATE_FACTORS) {
      const rate = LOCAL_CAPACITY[model]! * factor;
      const base = [`workload.model=${model}`, `workload.arrivals.ratePerSec=${rate}`,
        `workload.requests=${Math.round(rate * TOTAL_S)}`, `workload.warmupRequests=${Math.round(rate * LEARN_S)}`];
      for (const mbps of [5, 20, 50]) points.push({ model, factor, uplink: `${mbps} Mbit/s`, sets: [...base, `links.up.bandwidthMbps=${mbps}`] });
      for (const [name, sets] of Object.entries(TRACES)) points.push({ model, factor, uplink: name, sets: [...base, "links.up.bandwidthMbps=null", ...sets] });
    }
  return points;
}

function tracePresent(p: GridPoint): boolean {
  const t = p.sets.find((s) => s.startsWith("links.up.trace="));
  return t === undefined || existsSync(new URL(`../scenarios/papers/${t.slice("links.up.trace=".length)}`, import.meta.url));
}

/** Throughput (measured window) of each scheduler of the file, plus the learners' ablation. */
export function runPoint(p: GridPoint, schedulers?: readonly string[]): Record<string, number> {
  const s = loadScenario(FILE, { sets: p.sets });
  const workload = generateWorkload(s);
  const out: Record<string, number> = {};
  for (const name of schedulers ?? s.schedulers) out[name] = runScenario(s, name, { workload, keepRequests: false }).report.throughputPerSec;
  return out;
}

function main(argv: string[]): void {
  if (argv[0] === "--table") return table(argv.slice(1));
  const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  if (argv[0] === "--seeds-table") return seedsTable(argv.slice(1));
  const shard = (arg("--shard") ?? "0/1").split("/").map(Number);
  const [from, to] = (arg("--range") ?? "0:1000").split(":").map(Number);
  // --seed N: the scenario's seed (workload, learner weights, exploration); --schedulers a,b: a subset.
  const seed = arg("--seed") === undefined ? undefined : Number(arg("--seed"));
  if (seed !== undefined && !Number.isInteger(seed)) {
    process.stderr.write(`bps-grid: --seed must be a whole number, got '${arg("--seed")}'\n`);
    process.exit(2);
  }
  const schedulers = arg("--schedulers")?.split(",");
  gridPoints().forEach((p, i) => {
    if (i % shard[1]! !== shard[0] || i < from! || i >= to!) return;
    if (!tracePresent(p)) {
      process.stderr.write(`bps-grid: skipped ${p.model} ${p.factor}x ${p.uplink}: the trace is not in ../shared/traces\n`);
      return;
    }
    const point = seed === undefined ? p : { ...p, sets: [...p.sets, `seed=${seed}`] };
    process.stdout.write(JSON.stringify({ ...p, i, ...(seed === undefined ? {} : { seed }), throughput: runPoint(point, schedulers) }) + "\n");
  });
}

const PINNED = ["bps-local", "bps-remote", "bps-neurosurgeon", "bps-dp"];

type Row = GridPoint & { i: number; seed?: number; throughput: Record<string, number> };

/** The JSON lines of grid runs. */
function readRows(files: string[]): Row[] {
  return files.flatMap((f) => readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Row));
}

/** Learned ÷ best pinned per point and seed (lines from `--seed` runs), with the mean and the lowest. */
function seedsTable(files: string[]): void {
  const rows = readRows(files);
  const seeds = [...new Set(rows.map((r) => r.seed ?? 1))].sort((a, b) => a - b);
  const byPoint = new Map<number, Row[]>();
  for (const r of rows) byPoint.set(r.i, [...(byPoint.get(r.i) ?? []), r]);
  const ratio = (r: Row): number => r.throughput["bps"]! / Math.max(...PINNED.map((p) => r.throughput[p]!));
  console.log(`| model | rate | uplink | ${seeds.map((s) => `seed ${s}`).join(" | ")} | mean | lowest |`);
  console.log(`|${"---|".repeat(seeds.length + 5)}`);
  let meanOk = 0;
  let allOk = 0;
  for (const i of [...byPoint.keys()].sort((a, b) => a - b)) {
    const rs = byPoint.get(i)!;
    const r = seeds.map((s) => rs.find((x) => (x.seed ?? 1) === s));
    const xs = r.filter((x) => x !== undefined).map((x) => ratio(x!));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    if (mean >= 0.98) meanOk++;
    if (xs.every((x) => x >= 0.98)) allOk++;
    console.log(`| ${rs[0]!.model} | ${rs[0]!.factor}× | ${rs[0]!.uplink} | ${r.map((x) => (x === undefined ? "" : ratio(x).toFixed(3))).join(" | ")} | ${mean.toFixed(3)} | ${Math.min(...xs).toFixed(3)} |`);
  }
  console.log(`\nlearned ÷ best pinned ≥ 0.98: on the mean of the seeds at ${meanOk} of ${byPoint.size} points; at every seed at ${allOk}`);
}

function table(files: string[]): void {
  const rows = readRows(files).sort((a, b) => a.i - b.i);
  const pinned = PINNED;
  const cols = ["bps", "bps-oracle", ...pinned, "device-only", "cloud-only", "neurosurgeon"];
  const f1 = (x: number): string => x.toFixed(1);
  console.log(`| model | rate | uplink | ${cols.join(" | ")} | bps / oracle | bps / best pinned |`);
  console.log(`|${"---|".repeat(cols.length + 5)}`);
  for (const r of rows) {
    const t = r.throughput;
    const best = Math.max(...pinned.map((p) => t[p]!));
    console.log(`| ${r.model} | ${r.factor}× | ${r.uplink} | ${cols.map((c) => f1(t[c]!)).join(" | ")} | ${(t["bps"]! / t["bps-oracle"]!).toFixed(3)} | ${(t["bps"]! / best).toFixed(3)} |`);
  }
}

if (process.argv[1]?.endsWith("bps-grid.ts")) main(process.argv.slice(2));
