// The calibrated compute model against reference §4.3/§4.4 (±20 %), batching on a datacenter GPU
// against an embedded CPU (bounds derived by hand from the roofline), and the fitter itself.
import { describe, expect, it } from "vitest";
import { CALIBRATION, calibrationResiduals, fitDevice, predictMs, type Measurement } from "../../src/workload/calibration.js";
import { modelTimeMs } from "../../src/workload/compute-model.js";
import { efficiencyOf, getDevice, type DeviceProfile } from "../../src/workload/devices.js";
import { Model } from "../../src/workload/model.js";
import { zooModel } from "../../src/workload/zoo/index.js";

const device = (name: string): DeviceProfile => {
  const d = getDevice(name);
  if (!d) throw new Error(`no device ${name}`);
  return d;
};
const zoo = (id: string, inputSize?: number): Model => {
  const spec = zooModel(id, inputSize === undefined ? {} : { inputSize });
  if (!spec) throw new Error(`no zoo model ${id}`);
  return new Model(spec);
};

describe("calibration set (reference §4.3, §4.4)", () => {
  it("holds the 15 TensorRT rows (Nano has no INT8) and the 5 Pi rows of zoo models", () => {
    const count = (d: string): number => CALIBRATION.filter((m) => m.device === d).length;
    expect([count("jetson-nano"), count("jetson-agx-xavier"), count("raspberry-pi-4")]).toEqual([6, 9, 5]);
    for (const m of CALIBRATION) expect(m.source).toMatch(/reference §4\.[34]/);
  });

  it("the TensorRT rows use a 256×256 input: ResNet-50 is 5.34 GMACs there, not 4.09 (§4.3)", () => {
    expect(zoo("resnet50", 256).totalMacs / 1e9).toBeCloseTo(5.34, 2);
    expect(CALIBRATION.filter((m) => m.device !== "raspberry-pi-4").every((m) => m.inputSize === 256)).toBe(true);
  });

  const label = (m: Measurement): string => `${m.device} ${m.model} ${m.precision}: ${m.ms} ms`;
  it.each(calibrationResiduals().map((r) => [label(r.measurement), r] as const))("%s is predicted within ±20 %%", (_, r) => {
    expect(Math.abs(r.residual)).toBeLessThanOrEqual(0.2);
  });
});

// ResNet-50 at 224 counted by hand from reference §2.4 (the zoo's granularity: BN and ReLU folded):
// L = 72 layers (53 convs incl. 4 downsamples, 16 adds, maxpool, avgpool, fc); MACs = 4.0892e9;
// weights = 25,557,032 params; activations read + written per image, summing in + out elements of
// every layer: stem 1,956,864, stage 1 14,852,096, stage 2 11,841,536, stage 3 8,329,216, stage 4
// 2,358,272, head 105,448 → 39,443,432 elements (e.g. stage 1 block 0: 401,408 + 401,408 +
// 1,003,520 + 1,003,520 downsample + 3 × 802,816 add = 5,218,304; blocks 1-2: 4,816,896 each).
// Per layer the roofline takes max(compute, memory), so for the whole model at batch b:
//   O + max(b·C, W + b·A) ≤ t(b) ≤ O + b·C + W + b·A,
// with O = L·overhead, C = 2·MACs/(peak·eff), W = weights·bpe/BW and A = activations·bpe/BW (int8: bpe = 1).
const R50 = { layers: 72, macs: 4.0892e9, params: 25_557_032, activations: 39_443_432 };

function bounds(d: DeviceProfile, b: number): [number, number] {
  const O = R50.layers * d.layerOverheadMs;
  const C = (2 * R50.macs * 1e3) / (d.peakFlops.int8 * efficiencyOf(d, "int8"));
  const W = (R50.params * 1e3) / d.memBytesPerSec;
  const A = (R50.activations * 1e3) / d.memBytesPerSec;
  return [O + Math.max(b * C, W + b * A), O + b * C + W + b * A];
}

describe("batching ResNet-50 (int8, 224)", () => {
  const r50 = zoo("resnet50");
  const perRequest = (d: DeviceProfile, b: number): number => modelTimeMs(r50, d, b, "int8") / b;

  it("the hand count above is the zoo model's", () => {
    expect(r50.layerCount).toBe(R50.layers);
    expect(r50.totalWeightBytes).toBe(R50.params * 4);
    let elements = 0;
    for (let i = 0; i < r50.layerCount; i++) elements += r50.inputElementsOf(i) + r50.outputElements[i]!;
    expect(elements).toBe(R50.activations);
  });

  it("on an A100 batch 32 cuts the per-request time several times: overhead-bound at batch 1", () => {
    // A100: overhead 6.4 MB / 1555 GB/s = 4.116 µs, O = 72 × 4.116 µs = 0.2963 ms;
    // C = 8.178e9 / (624e12 × 0.5) = 0.0262 ms; W = 0.0164 ms; A = 0.0254 ms.
    // t(1) ∈ [0.2963 + 0.0418, 0.2963 + 0.0680] = [0.338, 0.364] ms: 81-88 % overhead.
    // t(32)/32 ∈ [(0.2963 + 0.8388)/32, (0.2963 + 0.8388 + 0.0164 + 0.8117)/32] = [0.0355, 0.0614] ms.
    // So the ratio lies in [0.338/0.0614, 0.364/0.0355] = [5.5, 10.3].
    const a100 = device("a100");
    const [lo1, hi1] = bounds(a100, 1);
    const [lo32, hi32] = bounds(a100, 32);
    const t1 = perRequest(a100, 1);
    const t32 = perRequest(a100, 32);
    expect(t1).toBeGreaterThanOrEqual(lo1);
    expect(t1).toBeLessThanOrEqual(hi1);
    expect(t32).toBeGreaterThanOrEqual(lo32 / 32);
    expect(t32).toBeLessThanOrEqual(hi32 / 32);
    expect(t1 / t32).toBeGreaterThan(5);
    expect(t1 / t32).toBeLessThan(10.3);
  });

  it("on a Raspberry Pi 4 it does not: compute-bound at batch 1 already", () => {
    // Pi 4: O = 72 × 0.198 = 14.26 ms; C = 8.178e9 / (96e9 × 0.341) = 249.8 ms; W = 2.00 ms; A = 3.08 ms.
    // t(1) ∈ [14.26 + 249.8, 14.26 + 249.8 + 2.00 + 3.08] = [264.1, 269.2] ms: 95 % compute.
    // t(32)/32 ∈ [14.26/32 + 249.8, 14.26/32 + 249.8 + 2.00/32 + 3.08] = [250.3, 253.4] ms.
    // Batching only spreads the overhead and the weight reads: the ratio lies in [1.042, 1.076].
    const pi = device("raspberry-pi-4");
    const t1 = perRequest(pi, 1);
    const t32 = perRequest(pi, 32);
    const [lo1, hi1] = bounds(pi, 1);
    const [lo32, hi32] = bounds(pi, 32);
    expect(t1).toBeGreaterThanOrEqual(lo1);
    expect(t1).toBeLessThanOrEqual(hi1);
    expect(t32).toBeGreaterThanOrEqual(lo32 / 32);
    expect(t32).toBeLessThanOrEqual(hi32 / 32);
    expect(t1 / t32).toBeGreaterThan(1.04);
    expect(t1 / t32).toBeLessThan(1.08);
  });

  it("an A100 at batch 1 takes a few hundred microseconds (§4.6)", () => {
    expect(perRequest(device("a100"), 1)).toBeGreaterThan(0.1);
    expect(perRequest(device("a100"), 1)).toBeLessThan(1);
  });
});

describe("fitDevice", () => {
  it("recovers the overhead and per-precision efficiencies that generated the data", () => {
    // Synthetic "measurements" made by the compute model itself from known figures: the fit must
    // find those figures again, with zero residual.
    const truth: DeviceProfile = {
      ...device("jetson-agx-xavier"), layerOverheadMs: 0.03, efficiency: 0.7, efficiencyByPrecision: { fp32: 0.7, fp16: 0.4 },
    };
    const rows = CALIBRATION.filter((m) => m.device === "jetson-agx-xavier" && m.precision !== "int8")
      .map((m) => ({ ...m, ms: predictMs(m, truth) }));
    const fit = fitDevice(truth, rows, { maxOverheadMs: 0.05, overheadStepMs: 0.01 });
    expect(fit.layerOverheadMs).toBeCloseTo(0.03, 12);
    expect(fit.efficiency.fp32).toBeCloseTo(0.7, 6);
    expect(fit.efficiency.fp16).toBeCloseTo(0.4, 6);
    expect(fit.worst).toBeLessThan(1e-6);
  });

  it("stops at the efficiency bound and reports the worst residual it leaves", () => {
    // One measurement 10× faster than the model can reach at efficiency 1 and no overhead.
    const m = CALIBRATION.find((x) => x.device === "raspberry-pi-4" && x.model === "resnet18")!;
    const base = device("raspberry-pi-4");
    const atPeak = predictMs(m, { ...base, layerOverheadMs: 0, efficiencyByPrecision: { int8: 1 } });
    const fit = fitDevice(base, [{ ...m, ms: atPeak / 10 }], { maxOverheadMs: 0.01, overheadStepMs: 0.01 });
    expect(fit.layerOverheadMs).toBe(0);
    expect(fit.efficiency.int8).toBe(1);
    expect(fit.worst).toBeCloseTo(9, 9);
  });
});
