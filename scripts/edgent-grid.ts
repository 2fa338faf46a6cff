// Runs scenarios/papers/edgent.yaml over its grid (link rate × deadline) and prints the two tables of
// docs/schedulers/edgent.md: edgent's choice (exit / cut / latency) per deadline and rate, and the
// baselines' latency per rate. Each cell is one run with both link directions at the rate, the
// deadline D given to edgent and to the report's P(latency ≤ D). Usage (about 30 s):
//   node --import tsx scripts/edgent-grid.ts
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";

const FILE = "scenarios/papers/edgent.yaml";
const LOW_RATES = [0.05, 0.25, 0.5, 1.5];
const RATES = [...LOW_RATES, 20, 200];
const DEADLINES = [50, 100, 150, 200, 250, 1000];

function run(mbps: number, deadlineMs: number, scheduler: string) {
  const s = loadScenario(FILE, {
    sets: [`links.up.bandwidthMbps=${mbps}`, `links.down.bandwidthMbps=${mbps}`, `workload.deadlineMs=${deadlineMs}`, `metrics.deadlinesMs=[${deadlineMs}]`],
  });
  return runScenario(s, scheduler, { keepRequests: true });
}

/** "exit / cut / latency", or "refused" — after checking every request made the same choice. */
function choice(mbps: number, d: number): string {
  const r = run(mbps, d, "edgent");
  const cells = new Set(r.requests.map((q) => {
    if (q.dropped) return `refused (\`${q.dropReason}\`)`;
    const onDevice = q.cut !== "input" && q.transferNs === 0 ? " (device)" : "";
    return `${String(q.outcome?.["exit"] ?? "?")} / ${q.cut}${onDevice} / ${((q.completion - q.arrival) / 1e6).toFixed(2)}`;
  }));
  if (cells.size !== 1) return [...cells].join("; ");
  const only = [...cells][0]!;
  if (only.startsWith("refused")) return only;
  const p = r.report.deadlineReliability?.[0]?.reliability;
  if (p !== 1) throw new Error(`edgent at ${mbps} Mbit/s, D ${d} ms: a chosen pair met D with P ${p}, not 1`);
  return only;
}

const lowHeader = `${LOW_RATES.join(", ")} Mbit/s (each run; all ${LOW_RATES.length} identical)`;
console.log(`| D (ms) | ${lowHeader} | 20 Mbit/s | 200 Mbit/s |`);
console.log("|---|---|---|---|");
for (const d of DEADLINES) {
  const low = LOW_RATES.map((b) => choice(b, d));
  const lowCell = new Set(low).size === 1 ? low[0]! : low.map((c, i) => `${LOW_RATES[i]}: ${c}`).join("; ");
  console.log(`| ${d} | ${lowCell} | ${choice(20, d)} | ${choice(200, d)} |`);
}
console.log("");
console.log("| Mbit/s | neurosurgeon | device-only | cloud-only |");
console.log("|---|---|---|---|");
for (const b of RATES) {
  const mean = (s: string) => run(b, 1000, s);
  const ns = mean("neurosurgeon");
  const cut = ns.requests[0]!.cut;
  const where = cut === "input" ? "input" : ns.requests[0]!.transferNs === 0 ? "device" : cut;
  const ms = (x: { report: { latencyMs: { mean: number } } }) => x.report.latencyMs.mean.toFixed(2);
  console.log(`| ${b} | ${ms(ns)} (${where}) | ${ms(mean("device-only"))} | ${ms(mean("cloud-only"))} |`);
}
