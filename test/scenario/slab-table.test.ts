// A scenario's slabTable replaces the roofline for the layers it measures, in the run and in the
// planner: on the 12-row 1×1-conv example with a measured 1 ms fixed + 1 ms per row
// (instead of 1 ms per row), halp balances host x + 1 = ES 0.5x' + x' + 1 + 0.5x': (6, 3, 3), 7 ms,
// against the host alone's 13 ms. Bad rows name the file, the row and what is wrong.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/scenario/run.js";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { FIXTURES, problemsOf } from "./helpers.js";

const ROW_MBPS = 16; // 1000-byte rows in 0.5 ms
const text = (slabTable: string): string => JSON.stringify({
  name: "slabs",
  devices: { unit: { class: "edge", peakFlops: { fp32: 2e6, fp16: 2e6, int8: 2e6 }, efficiency: 1, memBytesPerSec: 1e15, layerOverheadMs: 0 } },
  model: { name: "one-by-one", input: { shape: [4, 12, 250] }, layers: [{ name: "c", kind: "conv", outputShape: [1, 12, 250], macs: 12_000, geometry: { kernel: 1, stride: 1, padding: 0 } }] },
  nodes: { host: { device: "unit" }, es1: { device: "unit" }, es2: { device: "unit" } },
  links: Object.fromEntries([["h1", "host", "es1"], ["b1", "es1", "host"], ["h2", "host", "es2"], ["b2", "es2", "host"]]
    .map(([n, from, to]) => [n, { from, to, bandwidthMbps: ROW_MBPS, latencyMs: 0 }])),
  wire: { headerBytes: 0 },
  workload: { at: "host", arrivals: { kind: "batch" }, requests: 1 },
  slabTable,
  schedulers: ["device-only", "halp"],
});

describe("slabTable", () => {
  it("times the measured layer in the run and in the halp planner", () => {
    const s = resolveScenarioText(text("slabs-unit.csv"), `${FIXTURES}s.yaml`);
    expect(runScenario(s, "device-only").report.latencyMs.mean).toBeCloseTo(13, 6); // 12 rows: 13 ms
    const halp = runScenario(s, "halp").report;
    expect(halp.latencyMs.mean).toBeCloseTo(7, 6);
    expect((halp.policy as { blocks: string[] }).blocks).toEqual(["c..c:3/6/3"]);
  });

  it("bad rows: an unknown layer (with the closest name), rows beyond the layer's height, an unknown device", () => {
    const bad = "name: t\nmodel: vgg16\nnodes:\n  pi: { device: raspberry-pi-4 }\nworkload:\n  arrivals: { kind: batch }\n  requests: 1\nslabTable: slabs-bad.csv\n";
    const msgs = problemsOf(bad).map((p) => `${p.path}: ${p.message}`);
    expect(msgs).toEqual([
      "slabTable: slabs-bad.csv: row 1: vgg16 has no layer 'conv5_9' (did you mean 'conv5_1'?)",
      "slabTable: slabs-bad.csv: row 2: conv5_1 has 14 output rows, not 30",
      "slabTable: slabs-bad.csv: row 3: unknown device 'pi-9' (a built-in or one of the scenario's devices)",
    ]);
    expect(problemsOf(bad.replace("slabs-bad.csv", "nope.csv")).map((p) => p.message)).toEqual([expect.stringMatching(/^file not found: nope.csv/)]);
  });
});
