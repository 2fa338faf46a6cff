// Runs scenarios/papers/halp.yaml over its grid (platform × link rate × tasks × independent links
// or one shared medium) and prints one JSON line per point with each scheduler's time for the batch
// and speed-up over the host alone; `--table` turns the lines into the markdown table of
// docs/schedulers/halp.md. Usage:
//   node --import tsx scripts/halp-grid.ts [--only xavier] > halp-grid.jsonl
//   node --import tsx scripts/halp-grid.ts --table halp-grid.jsonl
//   node --import tsx scripts/halp-grid.ts --sync     (the "Sync and ratio" table)
import { readFileSync } from "node:fs";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/scenario/run.js";

const FILE = "scenarios/papers/halp.yaml";
export const PLATFORMS: Record<string, string> = { xavier: "jetson-agx-xavier", "1080ti": "gtx-1080-ti", pi4: "raspberry-pi-4" };
export const RATES = [50, 100, 200, 500, 1000];
export const SCHEDULERS = ["halp", "halp-halo", "rfs", "modnn"];

export interface HalpPoint {
  platform: string;
  mbps: number;
  tasks: number;
  medium: boolean;
}

/** --set values for a point: the three nodes' device, the links' rate or one medium, K tasks. */
export function pointSets(p: HalpPoint): string[] {
  const device = PLATFORMS[p.platform]!;
  const sets = ["host", "es1", "es2"].map((n) => `nodes.${n}.device=${device}`);
  sets.push(`workload.requests=${p.tasks}`);
  for (const l of ["h1", "b1", "h2", "b2"]) {
    if (p.medium) sets.push(`links.${l}.bandwidthMbps=null`, `links.${l}.latencyMs=null`, `links.${l}.medium=air`);
    else sets.push(`links.${l}.bandwidthMbps=${p.mbps}`);
  }
  if (p.medium) sets.push(`media={air: {bandwidthMbps: ${p.mbps}, latencyMs: 1}}`);
  return sets;
}

/** Time to finish the batch (last completion, ms) per scheduler and the speed-up over the host alone. */
export function runPoint(p: HalpPoint, schedulers: readonly string[] = SCHEDULERS): Record<string, number> {
  const s = loadScenario(FILE, { sets: pointSets(p) });
  const finish = (name: string): number => {
    const r = runScenario(s, name).report;
    return r.requests.completed === p.tasks ? r.latencyMs.max : NaN;
  };
  const alone = finish("device-only");
  const out: Record<string, number> = { "device-only": alone };
  for (const name of schedulers) {
    out[name] = finish(name);
    out[`${name} ×`] = alone / out[name]!;
  }
  return out;
}

export function gridPoints(platforms = Object.keys(PLATFORMS)): HalpPoint[] {
  const points: HalpPoint[] = [];
  for (const platform of platforms)
    for (const medium of [false, true])
      for (const tasks of [1, 4])
        for (const mbps of RATES) points.push({ platform, mbps, tasks, medium });
  return points;
}

function table(files: string[]): void {
  const rows = files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as HalpPoint & { result: Record<string, number> }));
  console.log(`| platform | links | K | Mbit/s | host alone ms | ${SCHEDULERS.map((s) => `${s} ms (×)`).join(" | ")} |`);
  console.log(`|---|---|---|---|---|${SCHEDULERS.map(() => "---").join("|")}|`);
  for (const r of rows) {
    const cells = SCHEDULERS.map((s) => `${r.result[s]!.toFixed(1)} (${r.result[`${s} ×`]!.toFixed(2)})`);
    console.log(`| ${r.platform} | ${r.medium ? "one medium" : "independent"} | ${r.tasks} | ${r.mbps} | ${r.result["device-only"]!.toFixed(1)} | ${cells.join(" | ")} |`);
  }
}

/**
 * The "Sync and ratio" table: halp at one task on independent links, each sync × ratio, at the Pi's
 * 100 Mbit/s and the Xavier's 1000 Mbit/s point; × over the host alone, with dp + search's block count.
 */
function syncTable(): void {
  const combos = ["dp", "pool", "layer"].flatMap((sync) => ["search", "proportional"].map((ratio) => ({ sync, ratio })));
  console.log(`| platform, rate | ${combos.map((c) => `${c.sync} + ${c.ratio}`).join(" | ")} |`);
  console.log(`|---|${combos.map(() => "---").join("|")}|`);
  for (const [label, p] of [["Pi 4, 100 Mbit/s", { platform: "pi4", mbps: 100 }], ["Xavier, 1000 Mbit/s", { platform: "xavier", mbps: 1000 }]] as const) {
    const base = pointSets({ ...p, tasks: 1, medium: false });
    const alone = runScenario(loadScenario(FILE, { sets: base }), "device-only").report.latencyMs.max;
    const cells = combos.map((c, i) => {
      const r = runScenario(loadScenario(FILE, { sets: [...base, `options.halp.sync=${c.sync}`, `options.halp.ratio=${c.ratio}`] }), "halp").report;
      const blocks = i === 0 ? ` (${(r.policy?.["blocks"] as unknown[] | undefined)?.length ?? "?"} blocks)` : "";
      return `${(alone / r.latencyMs.max).toFixed(2)}×${blocks}`;
    });
    console.log(`| ${label} | ${cells.join(" | ")} |`);
  }
}

function main(argv: string[]): void {
  if (argv[0] === "--table") return table(argv.slice(1));
  if (argv[0] === "--sync") return syncTable();
  const only = argv[0] === "--only" ? [argv[1]!] : undefined;
  for (const p of gridPoints(only)) console.log(JSON.stringify({ ...p, result: runPoint(p) }));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
