// Offered utilisation and the stable flag: busy time over servers × the arrivals' span, worked by
// hand on one device. N frames of s ms arriving every T ms bring N·s of work over (N − 1)·T.
import { describe, expect, it } from "vitest";
import { run } from "../scenario-runs/helpers.js";

function oneDevice(arrivals: Record<string, unknown>, requests: number, servers = 1) {
  return {
    name: "stability",
    model: { name: "one", input: { shape: [10] }, layers: [{ name: "l", outputShape: [10], macs: 0, timeMs: { "jetson-nano": 8 } }] },
    nodes: { cam: { device: "jetson-nano", servers } },
    links: {},
    workload: { arrivals, requests },
    schedulers: ["device-only"],
  };
}

describe("offered utilisation", () => {
  it("101 frames of 8 ms every 10 ms: 808 ms of work over 1000 ms = 0.808, stable", () => {
    const { report } = run(oneDevice({ kind: "periodic", fps: 100 }, 101), "device-only");
    expect(report.resources["cam"]!.offeredUtilisation).toBeCloseTo(0.808, 9);
    expect(report.stable).toBe(true);
  });

  it("every 6.4 ms instead: 808 / 640 = 1.2625, unstable (the backlog grows with the run)", () => {
    const { report } = run(oneDevice({ kind: "periodic", fps: 156.25 }, 101), "device-only");
    expect(report.resources["cam"]!.offeredUtilisation).toBeCloseTo(1.2625, 9);
    expect(report.stable).toBe(false);
  });

  it("two servers share the load: 808 / (2 · 640) = 0.63125, stable", () => {
    const { report } = run(oneDevice({ kind: "periodic", fps: 156.25 }, 101, 2), "device-only");
    expect(report.resources["cam"]!.offeredUtilisation).toBeCloseTo(0.63125, 9);
    expect(report.stable).toBe(true);
  });

  it("a batch has no rate: null, and so is the flag", () => {
    const { report } = run(oneDevice({ kind: "batch" }, 5), "device-only");
    expect(report.resources["cam"]!.offeredUtilisation).toBeNull();
    expect(report.stable).toBeNull();
  });
});
