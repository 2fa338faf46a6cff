// Zoo totals against reference/models-devices.md §1.1 (torchvision `_ops` = GMACs, `num_params`;
// darknet recount for Tiny-YOLOv3), ResNet-34 by hand, the input-size parameter and the zoo API.
import { describe, expect, it } from "vitest";
import { builtinModel, builtinModelNames } from "../../src/workload/builtin-models.js";
import { Model } from "../../src/workload/model.js";
import { ZOO_IDS, zooDefaults, zooModel } from "../../src/workload/zoo/index.js";

import { layer, zoo } from "./zoo-helpers.js";
const totalParams = (m: Model): number => m.totalWeightBytes / 4;

// [id, published GMACs (`_ops`), the reference's own recount in GMACs, exact params] (§1.1).
// Inception-v3: 23,834,568 is the inference path (27,161,264 published − 3,326,696 AuxLogits).
const TOTALS: ReadonlyArray<readonly [string, number, number, number]> = [
  ["alexnet", 0.714, 0.7142, 61_100_840],
  ["vgg16", 15.47, 15.4703, 138_357_544],
  ["vgg19", 19.632, 19.6321, 143_667_240],
  ["resnet18", 1.814, 1.8141, 11_689_512],
  ["resnet50", 4.089, 4.0892, 25_557_032],
  ["resnet101", 7.801, 7.8014, 44_549_160],
  ["mobilenet-v2", 0.301, 0.3008, 3_504_872],
  ["googlenet", 1.498, 1.4984, 6_624_904],
  ["inception-v3", 5.713, 5.7132, 23_834_568],
  ["tiny-yolov3", 2.7825, 2.7825, 8_852_366],
];

describe("zoo totals (reference §1.1)", () => {
  it.each(TOTALS)("%s: %f GMACs within 0.5 %, the recount to its printed digits, exact params", (id, ops, recount, params) => {
    const m = zoo(id);
    expect(Math.abs(m.totalMacs / 1e9 / ops - 1)).toBeLessThan(0.005);
    expect(Math.abs(m.totalMacs / 1e9 - recount)).toBeLessThan(5e-5);
    expect(totalParams(m)).toBe(params);
  });

  it("every zoo id has a total to check (ResNet-34 separately, below)", () => {
    expect([...TOTALS.map((t) => t[0]), "resnet34"].sort()).toEqual([...ZOO_IDS].sort());
  });

  it("darknet's 5.56 Bn FLOPs for YOLOv3-tiny is 2 × the MACs (§1.1)", () => {
    expect((2 * zoo("tiny-yolov3").totalMacs) / 1e9).toBeCloseTo(5.56, 1);
  });
});

describe("resnet34 (no reference row: derived by hand)", () => {
  // torchvision resnet34 = stem + basic blocks [3,4,6,3] at widths 64/128/256/512 on 56²/28²/14²/7².
  // Every conv has BN (γ, β: +2·C params) and no bias.
  // stem conv1 7×7 3→64 at 112²: 9,408 weights → 9,536 params; 9,408 × 12,544 = 118,013,952 MACs.
  // Identity block at width c on H×W: two 3×3 c→c convs = 18c² + 4c params, 18c²·HW MACs.
  //   c=64 (56²): 73,984 params, 231,211,008 MACs; likewise 295,424 / 1,180,672 / 4,720,640 params
  //   at c=128/256/512, each again 231,211,008 MACs (c doubles, HW quarters).
  // First block of stages 2-4 (c/2 → c, stride 2): conv1 9·(c/2)·c, conv2 9c², downsample 1×1 (c/2)·c,
  //   each +2c BN: 230,144 / 919,040 / 3,673,088 params; MACs (4.5c² + 9c² + 0.5c²)·HW = 179,830,784.
  // Stages: 1: 3 identity = 221,952 params, 693,633,024 MACs
  //         2: 230,144 + 3 × 295,424 = 1,116,416 params; 179,830,784 + 3 × 231,211,008 = 873,463,808 MACs
  //         3: 919,040 + 5 × 1,180,672 = 6,822,400; 179,830,784 + 5 × 231,211,008 = 1,335,885,824
  //         4: 3,673,088 + 2 × 4,720,640 = 13,114,368; 179,830,784 + 2 × 231,211,008 = 642,252,800
  // fc 512→1000: 513,000 params, 512,000 MACs.
  // Total params 9,536 + 221,952 + 1,116,416 + 6,822,400 + 13,114,368 + 513,000 = 21,797,672;
  // total MACs 118,013,952 + 693,633,024 + 873,463,808 + 1,335,885,824 + 642,252,800 + 512,000 = 3,663,761,408.
  const m = zoo("resnet34");

  it("has 21,797,672 params and 3,663,761,408 MACs", () => {
    expect(totalParams(m)).toBe(21_797_672);
    expect(m.totalMacs).toBe(3_663_761_408);
  });

  it("has 16 blocks, 3 downsample projections and 36 convs (1 + 2 × 16 + 3)", () => {
    expect(m.names.filter((n) => n.endsWith(".add"))).toHaveLength(16);
    expect(m.names.filter((n) => n.endsWith(".downsample"))).toEqual(["layer2.0.downsample", "layer3.0.downsample", "layer4.0.downsample"]);
    expect(m.kinds.filter((k) => k === "conv")).toHaveLength(36);
    expect(layer(m, "layer3.5.add").shape).toEqual([256, 14, 14]);
  });
});

describe("input size", () => {
  it("resnet50 at 256×256 has 5.34 GMACs (reference §4.3) and is named resnet50-256", () => {
    const m = zoo("resnet50", 256);
    expect(m.totalMacs / 1e9).toBeCloseTo(5.34, 2);
    expect(m.name).toBe("resnet50-256");
    expect(m.spec.input.shape).toEqual([3, 256, 256]);
    expect(layer(m, "conv1").shape).toEqual([64, 128, 128]); // floor((256 + 6 − 7)/2) + 1
    expect(layer(m, "layer4.2.add").shape).toEqual([2048, 8, 8]);
    expect(totalParams(m)).toBe(25_557_032); // weights do not depend on the resolution
  });

  it("defaults: 224, but 299 for inception-v3 and 416 for tiny-yolov3", () => {
    for (const id of ZOO_IDS) {
      const s = id === "inception-v3" ? 299 : id === "tiny-yolov3" ? 416 : 224;
      expect(zooDefaults(id)?.inputSize).toBe(s);
      expect(zooModel(id)?.input).toEqual({ shape: [3, s, s], elements: 3 * s * s });
      expect(zooModel(id, { inputSize: s })?.name).toBe(id);
    }
  });

  it("rejects sizes that are not positive integers, and ones too small for the architecture", () => {
    expect(() => zooModel("vgg16", { inputSize: 0 })).toThrow(/positive integer/);
    expect(() => zooModel("vgg16", { inputSize: 100.5 })).toThrow(/positive integer/);
    // AlexNet at 32: conv1 7×7, pool 3×3, pool 1×1, then the 3×3/2 pool5 would output 0×0.
    expect(() => zooModel("alexnet", { inputSize: 32 })).toThrow(/features\.12.*too small/);
  });
});

describe("zoo API and built-in models", () => {
  it("ZOO_IDS lists the eleven models and builtinModelNames serves them", () => {
    expect([...ZOO_IDS]).toEqual([
      "alexnet", "vgg16", "vgg19", "resnet18", "resnet34", "resnet50", "resnet101",
      "mobilenet-v2", "googlenet", "inception-v3", "tiny-yolov3",
    ]);
    expect(builtinModelNames()).toEqual([...ZOO_IDS]);
    for (const id of ZOO_IDS) expect(builtinModel(id)).toEqual(zooModel(id));
  });

  it("unknown ids give undefined, including Object.prototype keys and path-like names", () => {
    for (const id of ["resnet", "toString", "constructor", "../vgg16", "VGG16"]) {
      expect(zooModel(id)).toBeUndefined();
      expect(zooDefaults(id)).toBeUndefined();
      expect(builtinModel(id)).toBeUndefined();
    }
  });

  it("every call builds a fresh model: changing one does not change the next", () => {
    const a = zooModel("alexnet")!;
    a.layers[0]!.macs = 1;
    a.layers[0]!.outputShape![0] = 1;
    expect(zooModel("alexnet")!.layers[0]!.macs).toBe(70_276_800); // 64·3·11²·55², §2.3: 70.28 M
    expect(zooModel("alexnet")!.layers[0]!.outputShape).toEqual([64, 55, 55]);
  });

  it("descriptions name the source definition", () => {
    expect(zooDefaults("googlenet")?.description).toMatch(/torchvision/);
    expect(zooDefaults("tiny-yolov3")?.description).toMatch(/darknet/);
  });

  it("every layer's kind is one of conv, fc, pool, add, concat, upsample, yolo", () => {
    const kinds = new Set(ZOO_IDS.flatMap((id) => zooModel(id)!.layers.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(["add", "concat", "conv", "fc", "pool", "upsample", "yolo"]);
  });
});
