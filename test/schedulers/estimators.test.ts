// Bandwidth estimators on hand-made transfer sequences.
import { describe, expect, it } from "vitest";
import { sec } from "../../src/core/time.js";
import { BandwidthTrace } from "../../src/platform/bandwidth/trace.js";
import { createEstimator } from "../../src/schedulers/estimators.js";

const flat = BandwidthTrace.constant(1e6);

describe("bandwidth estimators", () => {
  it("oracle reads the trace's true rate now", () => {
    const t = new BandwidthTrace([0, sec(1)], [1e6, 3e5]);
    const e = createEstimator({ kind: "oracle" }, t);
    expect([e.estimate(sec(0.5)), e.estimate(sec(2))]).toEqual([1e6, 3e5]);
  });

  it("last returns the nominal rate until a transfer ends, then that transfer's throughput", () => {
    const e = createEstimator({ kind: "last" }, flat);
    expect(e.estimate(0)).toBe(1e6);
    e.onTransfer(500_000, 0, sec(1)); // 5e5 B/s
    expect(e.estimate(0)).toBe(5e5);
  });

  it("ewma blends each throughput sample with weight alpha", () => {
    const e = createEstimator({ kind: "ewma", alpha: 0.5 }, flat);
    e.onTransfer(2e6, 0, sec(1)); // 0.5·2e6 + 0.5·1e6
    expect(e.estimate(0)).toBe(1.5e6);
    e.onTransfer(5e5, 0, sec(1)); // 0.5·5e5 + 0.5·1.5e6
    expect(e.estimate(0)).toBe(1e6);
  });

  it("harmonic averages the last k throughputs harmonically", () => {
    const e = createEstimator({ kind: "harmonic", window: 2 }, flat);
    e.onTransfer(1e6, 0, sec(1));
    e.onTransfer(4e6, 0, sec(1)); // 2 / (1/1e6 + 1/4e6) = 1.6e6
    expect(e.estimate(0)).toBeCloseTo(1.6e6, 6);
    e.onTransfer(2e6, 0, sec(1)); // window {4e6, 2e6}: 2 / (1/4e6 + 1/2e6) = 2.666...e6
    expect(e.estimate(0)).toBeCloseTo(8e6 / 3, 6);
  });

  it("starts from the mean rate of a looping profile", () => {
    const t = new BandwidthTrace([0, sec(1)], [1e6, 3e6], { periodNs: sec(2) });
    expect(createEstimator({ kind: "ewma", alpha: 0.3 }, t).estimate(0)).toBe(2e6);
  });
});
