// Compute model: roofline cases computed by hand on a synthetic device, measured overrides,
// batch scaling, and the ns rounding of computeTimeNs.
import { describe, expect, it } from "vitest";
import { computeTimeNs, layerTimeMs, modelTimeMs } from "../../src/workload/compute-model.js";
import type { DeviceProfile } from "../../src/workload/devices.js";
import { getDevice } from "../../src/workload/devices.js";
import { builtin, modelOf } from "./helpers.js";

// Round numbers so every expected value below is a short hand calculation.
const dev: DeviceProfile = {
  name: "testdev",
  class: "edge",
  peakFlops: { fp32: 1e12, fp16: 2e12, int8: 4e12 },
  efficiency: 0.5,
  memBytesPerSec: 1e10,
  layerOverheadMs: 0.01,
  description: "synthetic",
};

// conv: 1e9 MACs, 1e6 params (4e6 B), reads 1e6 and writes 1e6 elements -> compute-bound.
// fc: 25e6 MACs, 25e6 params (1e8 B), reads 1e6 and writes 25 elements -> memory-bound.
const m = modelOf({ name: "synthetic", input: { shape: [1000, 1000] }, layers: [
  { name: "conv", kind: "conv", outputShape: [1000, 1000], macs: 1e9, params: 1e6 },
  { name: "fc", kind: "fc", outputShape: [25], macs: 25e6, params: 25e6 },
  { name: "measured", outputShape: [25], macs: 1e12, timeMs: { testdev: { "1": 2, "4": 6 }, "*": 9 } },
  { name: "only8", outputShape: [25], macs: 0, timeMs: { testdev: { "8": 16 } } },
] });

describe("roofline", () => {
  it("a compute-bound conv costs overhead + 2·MACs/(peak·eff): 0.01 + 4 ms at fp32", () => {
    // compute 2e9 / 0.5e12 = 4 ms; memory (4e6 + 8e6) / 1e10 = 1.2 ms
    expect(layerTimeMs(m, 0, dev, 1, "fp32")).toBeCloseTo(4.01, 12);
  });

  it("a memory-bound fc costs overhead + (weights + activations)/BW: 0.01 + 10.40001 ms at fp32", () => {
    // compute 5e7 / 0.5e12 = 0.1 ms; memory (1e8 + (1e6 + 25)·4) / 1e10 = 10.40001 ms
    expect(layerTimeMs(m, 1, dev, 1, "fp32")).toBeCloseTo(10.41001, 12);
  });

  it("lower precision uses its own peak and scales weight and activation bytes", () => {
    // int8 conv: compute 2e9 / 2e12 = 1 ms; memory (1e6 + 2e6) / 1e10 = 0.3 ms
    expect(layerTimeMs(m, 0, dev, 1, "int8")).toBeCloseTo(1.01, 12);
    // fp16 fc: memory (5e7 + (1e6 + 25)·2) / 1e10 = 5.200005 ms
    expect(layerTimeMs(m, 1, dev, 1, "fp16")).toBeCloseTo(5.210005, 12);
  });

  it("a batch reads the weights once: the fc at batch 8 costs 13.21008 ms, not 8 × 10.41", () => {
    // memory (1e8 + 8·4,000,100) / 1e10 = 13.20008 ms
    expect(layerTimeMs(m, 1, dev, 8, "fp32")).toBeCloseTo(13.21008, 12);
  });

  it("a compute-bound layer scales linearly with the batch (overhead once): 0.01 + 8 × 4 ms", () => {
    expect(layerTimeMs(m, 0, dev, 8, "fp32")).toBeCloseTo(32.01, 12);
  });

  it("VGG fc6 on raspberry-pi-4 is memory-bound: about its 411 MB of weights / 12.8 GB/s = 32 ms (reference §2.2)", () => {
    const vgg = builtin("vgg16");
    const pi = getDevice("raspberry-pi-4")!;
    const fc6 = vgg.indexOf("fc6");
    const bytes = 102_764_544 * 4 + (25_088 + 4_096) * 4;
    expect(layerTimeMs(vgg, fc6, pi, 1, "fp32")).toBeCloseTo(pi.layerOverheadMs + (bytes / 12.8e9) * 1e3, 9);
  });
});

describe("per-precision efficiency", () => {
  it("efficiencyByPrecision overrides efficiency for its precision only", () => {
    const tuned: DeviceProfile = { ...dev, efficiencyByPrecision: { int8: 0.25 } };
    // int8 conv: compute 2e9 / (4e12 · 0.25) = 2 ms > memory 0.3 ms; fp32 keeps 0.5: 4 ms
    expect(layerTimeMs(m, 0, tuned, 1, "int8")).toBeCloseTo(2.01, 12);
    expect(layerTimeMs(m, 0, tuned, 1, "fp32")).toBeCloseTo(4.01, 12);
  });

  it("modelTimeMs is the sum over every layer: 4.01 + 10.41001 + 2 + 2 ms at batch 1", () => {
    // only8 has just a batch-8 time: 1 × 16/8 = 2 ms; measured holds 2 ms at batch 1.
    expect(modelTimeMs(m, dev, 1, "fp32")).toBeCloseTo(4.01 + 10.41001 + 2 + 2, 9);
  });
});

describe("measured times", () => {
  it("a measured time for the device and batch overrides the roofline, whatever the precision", () => {
    expect(layerTimeMs(m, 2, dev, 1, "fp32")).toBe(2);
    expect(layerTimeMs(m, 2, dev, 4, "int8")).toBe(6);
  });

  it("an unmeasured batch scales the per-item time of the nearest measured batch below it", () => {
    expect(layerTimeMs(m, 2, dev, 2, "fp32")).toBe(4); // 2 × 2/1
    expect(layerTimeMs(m, 2, dev, 8, "fp32")).toBe(12); // 8 × 6/4
  });

  it("with no measured batch below, the smallest one above is scaled", () => {
    expect(layerTimeMs(m, 3, dev, 2, "fp32")).toBe(4); // 2 × 16/8
  });

  it("another device falls back to the '*' entry (b × t(1)), and without one to the roofline", () => {
    const other = { ...dev, name: "other" };
    expect(layerTimeMs(m, 2, other, 3, "fp32")).toBe(27);
    expect(layerTimeMs(m, 3, other, 1, "fp32")).toBeCloseTo(0.01 + (25 * 4) / 1e10 * 1e3 + (25 * 4) / 1e10 * 1e3, 12);
  });
});

describe("computeTimeNs", () => {
  it("sums the layers into integer ns: (4.01 + 10.41001) ms = 14,420,010 ns", () => {
    expect(computeTimeNs(m, [0, 1], dev, 1, "fp32")).toBe(14_420_010);
  });

  it("float noise does not round up a whole ns: 0.1 + 0.2 ms is 300,000 ns, not 300,001", () => {
    const two = modelOf({ name: "two", input: { shape: [1] }, layers: [
      { name: "a", outputShape: [1], macs: 0, timeMs: 0.1 },
      { name: "b", outputShape: [1], macs: 0, timeMs: 0.2 },
    ] });
    expect(computeTimeNs(two, [0, 1], dev, 1, "fp32")).toBe(300_000);
  });

  it("a fraction scales the roofline part only: each layer keeps its whole overhead", () => {
    // 2 × 0.01 ms overhead + 0.5 × (4 + 10.40001) ms roofline = 7.220005 ms
    expect(computeTimeNs(m, [0, 1], dev, 1, "fp32", 0.5)).toBe(7_220_005);
  });

  it("a share per layer scales each layer's roofline part by its own share", () => {
    // conv at 1/4: 0.01 + 1 ms; fc whole: 10.41001 ms -> 11.42001 ms
    expect(computeTimeNs(m, [0, 1], dev, 1, "fp32", [0.25, 1])).toBe(11_420_010);
  });

  it("a half slab costs more than half the layer when the overhead is > 0, and exactly half its roofline part", () => {
    const whole = computeTimeNs(m, [0], dev, 1, "fp32");
    const half = computeTimeNs(m, [0], dev, 1, "fp32", 0.5);
    expect(half).toBeGreaterThan(whole / 2);
    // roofline part: 4 ms whole, 2 ms for the half slab; the overhead (0.01 ms) stays.
    expect(half - 10_000).toBe((whole - 10_000) / 2);
  });

  it("a measured time keeps the device's overhead and scales the rest", () => {
    // measured 2 ms at batch 1: 0.01 fixed + 0.5 × 1.99 = 1.005 ms
    expect(computeTimeNs(m, [2], dev, 1, "fp32", 0.5)).toBe(1_005_000);
  });

  it("a fractional ns rounds up", () => {
    const tiny = modelOf({ name: "tiny", input: { shape: [1] }, layers: [{ name: "a", outputShape: [1], macs: 0, timeMs: 0.0000015 }] });
    expect(computeTimeNs(tiny, [0], dev, 1, "fp32")).toBe(2);
  });

  it("is the time for the whole batch", () => {
    expect(computeTimeNs(m, [2], dev, 4, "fp32")).toBe(6_000_000);
  });

  it("rejects a batch below 1, a non-integer batch, a fraction outside (0, 1] and an unknown layer", () => {
    expect(() => computeTimeNs(m, [0], dev, 0, "fp32")).toThrow(/batch/);
    expect(() => computeTimeNs(m, [0], dev, 1.5, "fp32")).toThrow(/batch/);
    expect(() => computeTimeNs(m, [0], dev, 1, "fp32", 0)).toThrow(/fraction/);
    expect(() => computeTimeNs(m, [0], dev, 1, "fp32", 1.5)).toThrow(/fraction/);
    expect(() => computeTimeNs(m, [4], dev, 1, "fp32")).toThrow(/no layer 4/);
  });
});
