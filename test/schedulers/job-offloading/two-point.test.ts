// The acceptance example of §2.3: f1 = 2, g1 = 5, f2 = 6, g2 = 1.5 ms, n = 10. By hand,
// C(x) = max(f1 + x·g1 + (n−x)·g2, x·f1 + (n−x)·f2 + g2) = max(17 + 3.5x, 61.5 − 4x): x* = 44.5/7.5
// = 5.93, and C(6) = max(38, 37.5) = 38 ms against 52 ms (all at k1: 10·5 + 2) for the best single cut.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";

/** 8 Mbit/s = 1e6 B/s, so 1,000 B take 1 ms; fp32 tensors (4 B per element), no header. */
export function twoPointScenario(mode: string, requests = 10) {
  return {
    name: "two-point",
    model: {
      name: "three",
      input: { shape: [3, 100, 100] }, // 30,000 B as uint8: 30 ms
      layers: [
        { name: "l1", outputShape: [1250], macs: 0, timeMs: { "raspberry-pi-4": 2, a100: 0 } }, // 5,000 B: g1 = 5 ms
        { name: "l2", outputShape: [375], macs: 0, timeMs: { "raspberry-pi-4": 4, a100: 0 } }, // 1,500 B: g2 = 1.5 ms
        { name: "l3", outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 100, a100: 0 } },
      ],
    },
    nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 8 } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "batch" }, requests },
    estimator: "oracle",
    schedulers: ["job-offloading"],
    options: { "job-offloading": { mode } },
  };
}

describe("job-offloading: the two-point mix", () => {
  it("sends 6 of 10 jobs at l1 and 4 at l2, for a makespan of 38 ms, planned and simulated", () => {
    const { requests, report } = run(twoPointScenario("joint"), "job-offloading");
    const cuts = requests.map((r) => r.cut);
    expect(cuts.filter((c) => c === "l1")).toHaveLength(6);
    expect(cuts.filter((c) => c === "l2")).toHaveLength(4);
    expect(report.makespanMs).toBe(38);
    expect(report.policy!["predictedMakespanMs"]).toBe(38);
  });

  it("the best single cut gives 52 ms (schedule-only at l1)", () => {
    const s = twoPointScenario("schedule-only");
    (s.options["job-offloading"] as Record<string, unknown>)["cut"] = "l1";
    const { report } = run(s, "job-offloading");
    expect(report.makespanMs).toBe(52);
  });
});
