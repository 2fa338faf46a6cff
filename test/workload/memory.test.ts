// Device memory of a model part (src/workload/memory.ts): weights at the precision plus the peak of
// live tensors per item, checked by hand on a small DAG and on ResNet-50; the device figures and
// the validator of user devices.
import { describe, expect, it } from "vitest";
import { deviceFromSpec, deviceNames, getDevice, USABLE_MEMORY_FRACTION } from "../../src/workload/devices.js";
import { bytesAt, largestBatch, memoryNeed, peakActivationElements, usableMemoryBytes } from "../../src/workload/memory.js";
import { allLayers, builtin, modelOf } from "./helpers.js";

// input (4) -> a (10) -> b (6) ---> d (2, the result)
//                 \---> c (8) ---/
const DAG = modelOf({
  name: "dag",
  input: { shape: [4] },
  layers: [
    { name: "a", inputs: ["input"], outputShape: [10], macs: 40, weightBytes: 160 },
    { name: "b", inputs: ["a"], outputShape: [6], macs: 60, weightBytes: 240 },
    { name: "c", inputs: ["a"], outputShape: [8], macs: 80, weightBytes: 320 },
    { name: "d", inputs: ["b", "c"], outputShape: [2], macs: 28, weightBytes: 112 },
  ],
});

describe("peak live activations", () => {
  it("walks the whole DAG in file order", () => {
    // start: input 4. a: 4 + 10 = 14, input freed -> 10. b: 10 + 6 = 16 (a is still read by c).
    // c: 16 + 8 = 24, a freed -> 14. d: 14 + 2 = 16. Peak 24 elements.
    expect(peakActivationElements(DAG, [0, 1, 2, 3])).toBe(24);
  });

  it("counts inputs from outside the part as live from the start, outputs that leave it to the end", () => {
    // {c, d}: a (10) and b (6) come from outside: 16 at the start; c: 24, a freed -> 14; d: 16.
    expect(peakActivationElements(DAG, [2, 3])).toBe(24);
    // {a, b}: input 4; a: 14, input freed -> 10; b: 16, a (read by c, outside) and b (read by d) stay.
    expect(peakActivationElements(DAG, [0, 1])).toBe(16);
    // {d} alone: b + c + d = 16. The layer order given does not matter.
    expect(peakActivationElements(DAG, [3])).toBe(16);
    expect(peakActivationElements(DAG, [1, 0])).toBe(16);
  });

  it("weights scale with the precision's bytes per element; activations are per item", () => {
    const all = allLayers(DAG);
    expect(memoryNeed(DAG, all, "fp32")).toEqual({ weightBytes: 832, activationBytesPerItem: 96 });
    expect(memoryNeed(DAG, all, "fp16")).toEqual({ weightBytes: 416, activationBytesPerItem: 48 });
    expect(memoryNeed(DAG, all, "int8")).toEqual({ weightBytes: 208, activationBytesPerItem: 24 });
    expect(bytesAt({ weightBytes: 832, activationBytesPerItem: 96 }, 3)).toBe(832 + 288);
  });
});

describe("ResNet-50 at fp32", () => {
  const m = builtin("resnet50");
  const need = memoryNeed(m, allLayers(m), "fp32");

  it("weights + activations at batch 1 within 10 % of a hand calculation", () => {
    // Weights: torchvision's resnet50 has 25,557,032 parameters (BN folded into the convolutions
    // keeps the count of its scale and shift), × 4 bytes = 102,228,128 bytes.
    const weights = 25_557_032 * 4;
    // Activations: the zoo fuses conv + BN + ReLU, so a bottleneck block is conv1, conv2, conv3,
    // (downsample), add. In layer1 (256 × 56 × 56 = 802,816 elements out, 64 × 56 × 56 = 200,704
    // inside), at block 0's add three 802,816-element tensors are live: conv3's output, the
    // downsample's output and the sum; at blocks 1 and 2's add, the block input x (kept for the
    // skip), conv3's output and the sum. Before that, conv1 (64 × 112 × 112 = 802,816) plus the
    // input (3 × 224 × 224 = 150,528) is 953,344, and later stages have half the elements per block
    // or less. Peak: 3 × 802,816 = 2,408,448 elements = 9,633,792 bytes at fp32.
    const activations = 3 * 256 * 56 * 56 * 4;
    const hand = weights + activations; // 111,861,920 bytes
    expect(Math.abs(bytesAt(need, 1) - hand) / hand).toBeLessThan(0.1);
    expect(bytesAt(need, 1)).toBe(hand); // the walk finds exactly the same tensors
  });

  it("batch 64 needs 718.8 MB: it fits the 2 GiB usable on a 4 GB Jetson Nano; the largest batch is 212", () => {
    const nano = getDevice("jetson-nano")!;
    // 102,228,128 + 64 × 9,633,792 = 718,790,816 bytes ≤ 0.5 × 4 GiB = 2,147,483,648.
    expect(bytesAt(need, 64)).toBe(718_790_816);
    expect(usableMemoryBytes(nano)).toBe(2 ** 31);
    // floor((2,147,483,648 − 102,228,128) / 9,633,792) = floor(212.3) = 212.
    expect(largestBatch(need, usableMemoryBytes(nano))).toBe(212);
    // Four servers hold four batches: floor(2,045,255,520 / (4 × 9,633,792)) = 53.
    expect(largestBatch(need, usableMemoryBytes(nano), 4)).toBe(53);
  });

  it("largestBatch: 0 when batch 1 does not fit, Infinity without a limit", () => {
    expect(largestBatch(need, 100e6)).toBe(0);
    expect(largestBatch(need, Infinity)).toBe(Infinity);
  });
});

describe("device memory figures", () => {
  it("every built-in device has a capacity and a usable share in (0, 1]", () => {
    for (const name of deviceNames()) {
      const d = getDevice(name)!;
      expect(d.memoryBytes, name).toBeGreaterThan(0);
      expect(d.usableMemoryFraction, name).toBe(USABLE_MEMORY_FRACTION[d.class]);
    }
    expect(getDevice("jetson-nano")!.memoryBytes).toBe(4 * 2 ** 30);
    expect(getDevice("t4")!.memoryBytes).toBe(16 * 2 ** 30);
    expect(getDevice("a100")!.memoryBytes).toBe(40 * 2 ** 30);
  });

  const BOARD = {
    name: "b", class: "end", peakFlops: { fp32: 1e9, fp16: 1e9, int8: 1e9 }, efficiency: 1, memBytesPerSec: 1e9, layerOverheadMs: 0,
  };

  it("a user device may give both fields, or neither (no memory limit)", () => {
    const r = deviceFromSpec({ ...BOARD, memoryBytes: 2e9, usableMemoryFraction: 0.25 });
    expect("device" in r && usableMemoryBytes(r.device)).toBe(0.5e9);
    const only = deviceFromSpec({ ...BOARD, memoryBytes: 2e9 });
    expect("device" in only && usableMemoryBytes(only.device)).toBe(2e9 * USABLE_MEMORY_FRACTION.end);
    const none = deviceFromSpec(BOARD);
    expect("device" in none && usableMemoryBytes(none.device)).toBe(Infinity);
  });

  it("refuses a capacity that is not positive and a fraction outside (0, 1], naming the field", () => {
    for (const [field, v] of [["memoryBytes", 0], ["memoryBytes", -4e9], ["usableMemoryFraction", 0], ["usableMemoryFraction", 1.5]] as const) {
      const r = deviceFromSpec({ ...BOARD, [field]: v });
      expect("problems" in r && r.problems.map((p) => p.path.join("."))).toEqual([field]);
    }
    expect("device" in deviceFromSpec({ ...BOARD, usableMemoryFraction: 1 })).toBe(true);
  });
});
