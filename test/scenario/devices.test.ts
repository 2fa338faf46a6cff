// A scenario may define its own device profiles; nodes use them before the built-in ones.
import { describe, expect, it } from "vitest";
import { resolveScenarioText, ScenarioError } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";

const BASE = {
  name: "dev",
  model: { name: "m", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 1e9, weightBytes: 0 }] },
  nodes: { box: { device: "my-board" } },
  workload: { arrivals: { kind: "batch" }, requests: 1 },
  schedulers: ["device-only"],
};

const BOARD = {
  class: "end",
  peakFlops: { fp32: 100e9, fp16: 200e9, int8: 400e9 },
  efficiency: 0.5,
  memBytesPerSec: 10e9,
  layerOverheadMs: 1,
  description: "a made-up board",
};

describe("scenario devices", () => {
  it("a node runs on a device the scenario defines, with the roofline of its figures", () => {
    const s = resolveScenarioText(JSON.stringify({ ...BASE, devices: { "my-board": BOARD } }), "t.yaml");
    // 2·1e9 MACs / (100e9 · 0.5) = 40 ms compute; memory (8 bytes of activations) is negligible;
    // plus 1 ms overhead = 41 ms.
    expect(runScenario(s, "device-only").requests[0]!.completion).toBe(41_000_000);
  });

  it("reports a device profile's problems with their paths", () => {
    let paths: string[] = [];
    try {
      resolveScenarioText(JSON.stringify({ ...BASE, devices: { "my-board": { ...BOARD, efficiency: -1 } } }), "t.yaml");
    } catch (e) {
      if (e instanceof ScenarioError) paths = e.problems.map((p) => p.path);
    }
    expect(paths).toEqual(["devices.my-board.efficiency"]);
  });

  it("names the defined and built-in devices when a node's device is unknown", () => {
    expect(() => resolveScenarioText(JSON.stringify(BASE), "t.yaml")).toThrow(/unknown device 'my-board' \(known: .*a100.*define it under devices/);
  });
});
