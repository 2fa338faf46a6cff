// The partition example simulated end to end: a one-layer 1×1-conv block of 12 rows on
// three identical nodes, 1 ms per row, no overhead, 0.5 ms per row each way (1000-byte rows both
// ways: 4×250 uint8 in, 1×250 fp32 out), no latency, no headers. Independent links: 6 ms against
// the host alone's 12 (speed-up 2.0); all four links on one FIFO medium: 7 ms (12/7 = 1.71).
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/scenario/run.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

const ROW_MBPS = (1000 * 8) / 0.5e-3 / 1e6; // 1000 bytes in 0.5 ms = 16 Mbit/s

const scenario = (medium: boolean): Record<string, unknown> => {
  const link = (from: string, to: string): Record<string, unknown> =>
    medium ? { from, to, medium: "air" } : { from, to, bandwidthMbps: ROW_MBPS, latencyMs: 0 };
  return {
    name: "partition",
    seed: 1,
    // 2·12,000 MACs at 2 MFLOP/s = 12 ms for the whole layer, 1 ms per row; memory never binds.
    devices: { unit: { class: "edge", peakFlops: { fp32: 2e6, fp16: 2e6, int8: 2e6 }, efficiency: 1, memBytesPerSec: 1e15, layerOverheadMs: 0 } },
    model: {
      name: "one-by-one", input: { shape: [4, 12, 250] },
      layers: [{ name: "c", kind: "conv", outputShape: [1, 12, 250], macs: 12_000, geometry: { kernel: 1, stride: 1, padding: 0 } }],
    },
    nodes: { host: { device: "unit" }, es1: { device: "unit" }, es2: { device: "unit" } },
    ...(medium ? { media: { air: { bandwidthMbps: ROW_MBPS, latencyMs: 0 } } } : {}),
    links: { h1: link("host", "es1"), b1: link("es1", "host"), h2: link("host", "es2"), b2: link("es2", "host") },
    wire: { headerBytes: 0 },
    workload: { at: "host", arrivals: { kind: "batch" }, requests: 1 },
    schedulers: ["device-only", "halp"],
  };
};

const latency = (medium: boolean, scheduler: string): number => runScenario(scenarioFrom(scenario(medium)), scheduler).report.latencyMs.mean;

describe("partition example, simulated", () => {
  it("the host alone takes 12 ms", () => {
    expect(latency(false, "device-only")).toBeCloseTo(12, 6);
  });

  it("independent links: (6, 3, 3) rows, 6 ms, speed-up 2.0", () => {
    const r = runScenario(scenarioFrom(scenario(false)), "halp").report;
    expect(r.latencyMs.mean).toBeCloseTo(6, 6);
    expect((r.policy as { blocks: string[] }).blocks).toEqual(["c..c:3/6/3"]);
  });

  it("one FIFO medium: 7 rows on the host and 3 + 2 outside, 7 ms, speed-up 12/7 = 1.71", () => {
    const r = runScenario(scenarioFrom(scenario(true)), "halp").report;
    expect(r.latencyMs.mean).toBeCloseTo(7, 6);
    const [es1, host, es2] = (r.policy as { blocks: string[] }).blocks[0]!.split(":")[1]!.split("/").map(Number);
    expect(host).toBe(7);
    expect([es1, es2].sort()).toEqual([2, 3]);
    expect(12 / r.latencyMs.mean).toBeCloseTo(1.714, 3);
  });
});
