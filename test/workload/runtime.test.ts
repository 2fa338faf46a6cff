// Runtime profiles: which layers share a kernel under eager, compiled and mobile-cpu (kernel counts
// derived by hand from the fusion rules of src/workload/runtime.ts), and what fusion, a cut inside a
// fused kernel and Winograd cost in the compute model (hand calculations on a synthetic device).
import { describe, expect, it } from "vitest";
import { computeTimeNs, layerTimeMs } from "../../src/workload/compute-model.js";
import type { DeviceProfile } from "../../src/workload/devices.js";
import { kernelPlan, WINOGRAD_SAVING } from "../../src/workload/runtime.js";
import { allLayers, builtin, modelOf } from "./helpers.js";

describe("kernel counts of the zoo", () => {
  it("eager: one kernel per layer", () => {
    for (const name of ["resnet50", "googlenet", "vgg16", "mobilenet-v2", "tiny-yolov3"]) {
      const m = builtin(name);
      expect(kernelPlan(m, "eager").kernels).toBe(m.layerCount);
    }
  });

  it("ResNet-50 compiled: 56 kernels, derived by hand", () => {
    // The zoo's ResNet-50 has 72 layers: conv1, maxpool, 16 bottlenecks, avgpool, fc. A bottleneck
    // is conv1, conv2, conv3 (+ a downsample conv in the first block of each of the 4 stages) and
    // an add: 16 × 3 + 4 = 52 convs, 53 with the stem; 16 adds. Rules: convs, pools and the fc are
    // kernels; an add joins the kernel of its last producer when that producer feeds only the add.
    // Identity blocks (12): the add reads conv3 (the later one) and the block input; conv3 feeds only
    // the add -> fused. Projection blocks (4): the add reads conv3 and the downsample, built after
    // conv3; the downsample feeds only the add -> fused. All 16 adds fuse: 72 - 16 = 56 kernels
    // (53 convs + maxpool + avgpool + fc).
    const m = builtin("resnet50");
    expect(m.layerCount).toBe(72);
    const plan = kernelPlan(m, "compiled");
    expect(plan.kernels).toBe(56);
    expect(m.names[plan.host[m.indexOf("layer1.0.add")]!]).toBe("layer1.0.downsample");
    expect(m.names[plan.host[m.indexOf("layer1.1.add")]!]).toBe("layer1.1.conv3");
  });

  it("GoogLeNet compiled: the 9 concatenations run in no kernel (written in place)", () => {
    // 9 inception modules × (6 convs + 1 pool + 1 concat) = 72, stem conv1/maxpool1/conv2/conv3/
    // maxpool2 = 5, maxpool3, maxpool4, avgpool, fc = 4: 81 layers; compiled drops the 9 concats.
    const m = builtin("googlenet");
    expect(m.layerCount).toBe(81);
    const plan = kernelPlan(m, "compiled");
    expect(plan.kernels).toBe(72);
    expect(plan.host[m.indexOf("inception3a.concat")]).toBe(-1);
    expect(kernelPlan(m, "mobile-cpu").kernels).toBe(81); // an operator per layer (no views in GoogLeNet)
  });

  it("pointwise chains fuse into their conv; an add whose last producer feeds another layer does not", () => {
    const m = modelOf({ name: "chain", input: { shape: [4, 8, 8] }, layers: [
      { name: "c1", kind: "conv", outputShape: [4, 8, 8], macs: 100, params: 10 },
      { name: "bn", kind: "bn", outputShape: [4, 8, 8], macs: 0, params: 8 },
      { name: "act", kind: "relu", outputShape: [4, 8, 8], macs: 0, params: 0 },
      { name: "c2", kind: "conv", outputShape: [4, 8, 8], macs: 100, params: 10, inputs: ["act"] },
      { name: "sum", kind: "add", outputShape: [4, 8, 8], macs: 0, params: 0, inputs: ["act", "c2"] },
      { name: "tap", kind: "conv", outputShape: [4, 8, 8], macs: 100, params: 10, inputs: ["c2"] },
      { name: "flat", kind: "reshape", outputShape: [256], macs: 0, params: 0, inputs: ["sum"] },
    ] });
    const plan = kernelPlan(m, "compiled");
    // bn and act join c1; sum's last producer c2 also feeds tap -> sum is its own kernel; flat is a view.
    expect(Array.from(plan.host)).toEqual([0, 0, 0, 3, 4, 5, -1]);
    expect(plan.kernels).toBe(4);
    expect(Array.from(kernelPlan(m, "mobile-cpu").host)).toEqual([0, 1, 2, 3, 4, 5, -1]);
  });
});

// A synthetic device: every cost below is a short hand calculation.
const dev: DeviceProfile = {
  name: "testdev", class: "edge", peakFlops: { fp32: 1e12, fp16: 2e12, int8: 4e12 }, efficiency: 0.5,
  memBytesPerSec: 1e10, layerOverheadMs: 0.01, description: "synthetic", runtime: "compiled",
};

describe("fused kernels in the compute model", () => {
  // conv: 1e9 MACs (compute 2e9 / 0.5e12 = 4 ms), 1e6 params; add reads conv's output and the raw
  // input, 1e6 elements each (fp32: 4 MB each).
  const m = modelOf({ name: "res", input: { shape: [1000, 1000] }, layers: [
    { name: "conv", kind: "conv", outputShape: [1000, 1000], macs: 1e9, params: 1e6 },
    { name: "add", kind: "add", outputShape: [1000, 1000], macs: 0, params: 0, inputs: ["conv", "input"] },
  ] });

  it("a fused add pays no kernel cost and reads only the operand its kernel did not produce", () => {
    // fused add: the shortcut, 4e6 B / 1e10 B/s = 0.4 ms; no overhead.
    expect(layerTimeMs(m, 1, dev, 1, "fp32")).toBeCloseTo(0.4, 12);
    expect(computeTimeNs(m, [0, 1], dev, 1, "fp32")).toBe(4_410_000); // 0.01 + 4 + 0.4 ms
  });

  it("a cut between a kernel and what fuses into it makes the add a kernel of its own", () => {
    // alone: 0.01 + (4e6 + 4e6 in + 4e6 out) / 1e10 = 0.01 + 1.2 ms
    expect(computeTimeNs(m, [1], dev, 1, "fp32")).toBe(1_210_000);
    // eager: the add is always a kernel of its own
    expect(computeTimeNs(m, [0, 1], { ...dev, runtime: "eager" }, 1, "fp32")).toBe(4_010_000 + 1_210_000);
  });

  it("a slab of a fused layer pays no fixed part; of a kernel, the whole kernel cost", () => {
    // conv half: 0.01 + 0.5·4; fused add half: 0.5·0.4
    expect(computeTimeNs(m, [0, 1], dev, 1, "fp32", 0.5)).toBe(2_210_000);
  });
});

describe("Winograd on compiled 3×3 stride-1 convolutions", () => {
  const conv = (k: number, stride: number) => ({
    name: `c${k}s${stride}`, kind: "conv", outputShape: [64, 56, 56], macs: 1e9, params: 1e4,
    geometry: { kernel: [k, k], stride: [stride, stride], padding: [(k - 1) / 2, (k - 1) / 2], dilation: [1, 1], groups: 1 },
  });
  const m = modelOf({ name: "w", input: { shape: [64, 56, 56] }, layers: [conv(3, 1)] });
  const strided = modelOf({ name: "s", input: { shape: [64, 112, 112] }, layers: [conv(3, 2)] });
  const oneByOne = modelOf({ name: "o", input: { shape: [64, 56, 56] }, layers: [conv(1, 1)] });

  it("fp32: 2.25× fewer multiplies (compute-bound: 0.01 + 4/2.25 ms)", () => {
    expect(WINOGRAD_SAVING).toBe(2.25);
    expect(layerTimeMs(m, 0, dev, 1, "fp32")).toBeCloseTo(0.01 + 4 / 2.25, 12);
  });

  it("not at fp16, not strided, not 1×1, not on an end device or under mobile-cpu; eager GPUs use it too (cuDNN)", () => {
    expect(layerTimeMs(m, 0, dev, 1, "fp16")).toBeCloseTo(0.01 + 2, 12);
    expect(layerTimeMs(strided, 0, dev, 1, "fp32")).toBeCloseTo(4.01, 12);
    expect(layerTimeMs(oneByOne, 0, dev, 1, "fp32")).toBeCloseTo(4.01, 12);
    expect(layerTimeMs(m, 0, { ...dev, class: "end" }, 1, "fp32")).toBeCloseTo(4.01, 12);
    expect(layerTimeMs(m, 0, { ...dev, runtime: "mobile-cpu" }, 1, "fp32")).toBeCloseTo(4.01, 12);
    expect(layerTimeMs(m, 0, { ...dev, runtime: "eager" }, 1, "fp32")).toBeCloseTo(0.01 + 4 / 2.25, 12);
  });

  it("the kernel plan of a model is built once per runtime", () => {
    const r = builtin("resnet18");
    expect(r.kernels("compiled")).toBe(r.kernels("compiled"));
    expect(computeTimeNs(r, allLayers(r), { ...dev, runtime: "compiled" }, 1, "fp32")).toBeGreaterThan(0);
  });
});
