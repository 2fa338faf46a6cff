// `splitsim run` on bad energy input exits 2, naming the link or device and the value given, with
// no stack trace; a good scenario reports the energy and writes deviceEnergyJ in requests.csv.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliAsync } from "./cli-async.js";

const dir = mkdtempSync(join(tmpdir(), "splitsim-energy-"));
const scenario = (name: string, technology: string, idleW: string): string => {
  const p = join(dir, name);
  writeFileSync(p, `name: e
model: alexnet
nodes: { cam: { device: pi-measured }, edge: { device: a100 } }
links:
  up: { from: cam, to: edge, bandwidthMbps: 50, technology: ${technology} }
  down: { from: edge, to: cam, bandwidthMbps: 50, technology: lte }
devices:
  pi-measured: { class: end, peakFlops: { fp32: 4.8e10, fp16: 4.8e10, int8: 9.6e10 }, efficiency: 0.34, memBytesPerSec: 1.28e10,
    layerOverheadMs: 0.2, power: { idleW: ${idleW}, busyW: 6.4 } }
workload: { arrivals: { kind: periodic, fps: 5 }, requests: 10 }
schedulers: [cloud-only]
`);
  return p;
};

const cli = cliAsync;

describe("splitsim run with energy input", () => {
  it("exits 2 on an unknown technology and a negative power, naming the link, the device, its node and the values", async () => {
    const r = await cli(["run", scenario("bad.yaml", "4g", "-2.5")]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:5: links\.up\.technology: must be one of lte, 5g, wifi, wired, got "4g"/);
    expect(r.stderr).toMatch(/bad\.yaml:\d+: devices\.pi-measured\.power\.idleW: must be a power in W >= 0, got -2\.5 \(device of node cam\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("runs a good one: the report has the energy and requests.csv the end device's energy per request", async () => {
    const out = join(dir, "out");
    const r = await cli(["run", scenario("good.yaml", "lte", "2.7"), "--format", "json", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const [report] = JSON.parse(r.stdout) as Array<{ energy: { endDevice: { perRequestJ: number }; nodes: Record<string, unknown> } }>;
    expect(Object.keys(report!.energy.nodes)).toEqual(["cam", "edge"]);
    expect(report!.energy.endDevice.perRequestJ).toBeGreaterThan(0);
    const csv = readFileSync(join(out, "cloud-only", "requests.csv"), "utf8").split("\n");
    expect(csv[0]).toContain(",deviceEnergyJ,");
  });
});
