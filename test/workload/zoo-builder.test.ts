// The zoo's shape-propagating builder: PyTorch/darknet output-size rules, grouped and dilated
// convs, BN and bias params, and the shape checks of add/concat. Expected values by hand.
import { describe, expect, it } from "vitest";
import { ModelBuilder, outSize } from "../../src/workload/zoo/builder.js";

describe("outSize", () => {
  it("floor mode: floor((h + 2p − d(k−1) − 1)/s) + 1", () => {
    expect(outSize(224, 7, 2, 3)).toBe(112); // floor(223/2) + 1
    expect(outSize(112, 3, 2, 0)).toBe(55); // floor(109/2) + 1
    expect(outSize(10, 3, 1, 2, 2)).toBe(10); // dilation 2: floor((10 + 4 − 4 − 1)/1) + 1
  });

  it("ceil mode rounds up but drops a window that would start in the right padding", () => {
    expect(outSize(112, 3, 2, 0, 1, true)).toBe(56); // ceil(109/2) + 1
    expect(outSize(14, 2, 2, 0, 1, true)).toBe(7);
    // h 5, k 2, s 2, p 1: windows start at −1, 1, 3; a fourth at 5 would lie in the padding.
    expect(outSize(5, 2, 2, 1, 1, true)).toBe(3);
  });
});

describe("ModelBuilder", () => {
  it("a depthwise 3×3 conv on 32×8×8: 32·9·64 = 18,432 MACs, 288 weights + 32 bias", () => {
    const b = new ModelBuilder("t", [32, 8, 8]);
    b.conv("dw", "input", 32, 3, { padding: 1, groups: 32 });
    const [l] = b.build().layers;
    expect(l).toMatchObject({ kind: "conv", inputs: ["input"], outputShape: [32, 8, 8], outputElements: 2048, macs: 18_432 });
    expect(l!.weightBytes).toBe(320 * 4);
  });

  it("BN instead of bias adds γ, β: 1×1 16→8 with BN has 128 + 16 params; rectangular kernels and padding", () => {
    const b = new ModelBuilder("t", [16, 17, 17]);
    b.conv("a", "input", 8, 1, { bias: false, bn: true });
    b.conv("b", "a", 8, [1, 7], { padding: [0, 3], bias: false });
    const [a, c] = b.build().layers;
    expect(a!.weightBytes / 4).toBe(144);
    expect(c).toMatchObject({ outputShape: [8, 17, 17], macs: 8 * 8 * 7 * 289, weightBytes: 8 * 8 * 7 * 4 });
  });

  it("darknet pools pad k−1 in total: 13 → 7 at stride 2 (PyTorch floor mode: 6), 13 → 13 at stride 1", () => {
    const b = new ModelBuilder("t", [4, 13, 13]);
    b.pool("p2", "input", 2, { stride: 2, darknet: true });
    b.pool("p1", "input", 2, { stride: 1, darknet: true });
    b.pool("torch", "input", 2);
    expect(b.build().layers.map((l) => l.outputShape)).toEqual([[4, 7, 7], [4, 13, 13], [4, 6, 6]]);
  });

  it("fc flattens its input; concat sums the axis; upsample and adaptive pool set the size", () => {
    const b = new ModelBuilder("t", [2, 4, 4]);
    b.conv("c", "input", 3, 1);
    b.concat("cat", ["input", "c"]);
    b.upsample("up", "cat", 2);
    b.adaptiveAvgPool("gap", "up", 1);
    b.fc("fc", "cat", 10);
    const s = b.build();
    expect(s.layers.map((l) => l.outputShape)).toEqual([[3, 4, 4], [5, 4, 4], [5, 8, 8], [5, 1, 1], [10]]);
    expect(s.layers[4]).toMatchObject({ inputs: ["cat"], macs: 80 * 10, weightBytes: (800 + 10) * 4 });
    expect(s.input).toEqual({ shape: [2, 4, 4], elements: 32 });
  });

  it("rejects mismatched adds and concats, unknown tensors, duplicate names and empty outputs", () => {
    const b = new ModelBuilder("t", [2, 4, 4]);
    b.conv("c", "input", 3, 1);
    expect(() => b.add("a", ["input", "c"])).toThrow(/different shapes/);
    b.pool("p", "input", 2);
    expect(() => b.concat("k", ["input", "p"])).toThrow(/incompatible/);
    expect(() => b.conv("d", "nope", 3, 1)).toThrow(/unknown tensor nope/);
    expect(() => b.conv("c", "input", 3, 1)).toThrow(/duplicate layer c/);
    expect(() => b.conv("big", "input", 3, 7)).toThrow(/big would output 3×-2×-2/);
    expect(() => b.conv("g", "input", 3, 1, { groups: 2 })).toThrow(/groups/);
  });
});
