// Per-source figures: with two sources the report splits counts and latencies by source, which
// the totals must add up to; with one source there is no split (the report keeps its bytes).
import { describe, expect, it } from "vitest";
import { run } from "../scenario-runs/helpers.js";

function twoCameras(deadlineMs = 100) {
  // Camera a: 10 frames of 5 ms; camera b: 20 frames of 30 ms; each its own device, device-only,
  // frames far apart (no queueing): every latency is the device time.
  return {
    name: "per-source",
    model: { name: "one", input: { shape: [10] }, layers: [{ name: "l", outputShape: [10], macs: 0, timeMs: { "jetson-nano": 5, "raspberry-pi-4": 30 } }] },
    nodes: { a: { device: "jetson-nano" }, b: { device: "raspberry-pi-4" } },
    links: {},
    sources: [
      { at: "a", arrivals: { kind: "periodic", fps: 10 }, requests: 10, deadlineMs },
      { at: "b", arrivals: { kind: "periodic", fps: 10 }, requests: 20, deadlineMs: 20 },
    ],
    schedulers: ["device-only"],
  };
}

describe("per-source figures", () => {
  it("split counts and latencies by source, adding up to the totals", () => {
    const { report } = run(twoCameras(), "device-only");
    expect(report.sources).toHaveLength(2);
    const [a, b] = report.sources!;
    expect(a).toMatchObject({ index: 0, completed: 10, dropped: 0, deadlineMissed: 0, measured: 10 });
    expect(b).toMatchObject({ index: 1, completed: 20, dropped: 0, deadlineMissed: 20, measured: 20 });
    expect(a!.latencyMs).toMatchObject({ mean: 5, p50: 5, p95: 5, max: 5 });
    expect(b!.latencyMs).toMatchObject({ mean: 30, p95: 30, max: 30 });
    // The totals: (10·5 + 20·30) / 30 = 21.666… ms, and every count summed.
    expect(report.latencyMs.mean).toBeCloseTo(650 / 30, 6);
    expect(report.requests).toMatchObject({ completed: 30, deadlineMissed: 20 });
  });

  it("one source: no split", () => {
    const s = twoCameras();
    s.sources = [s.sources[0]!];
    expect(run(s, "device-only").report.sources).toBeUndefined();
  });
});
