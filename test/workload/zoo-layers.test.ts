// Per-layer output shapes, MACs and params of zoo models against the tables of
// reference/models-devices.md §2.2-2.8 (MACs in millions as printed there; params exact).
import { describe, expect, it } from "vitest";
import { Model } from "../../src/workload/model.js";
import { zooModel } from "../../src/workload/zoo/index.js";

import { layer, zoo } from "./zoo-helpers.js";
/** MACs and params summed over a unit: a layer and every layer under its module path. */
const unit = (m: Model, u: string): { macs: number; params: number } => {
  const idx = m.names.map((_, i) => i).filter((i) => m.names[i] === u || m.names[i]!.startsWith(`${u}.`));
  if (idx.length === 0) throw new Error(`${m.name}: no layers under ${u}`);
  return { macs: idx.reduce((a, i) => a + m.macs[i]!, 0), params: idx.reduce((a, i) => a + m.weightBytes[i]! / 4, 0) };
};

type Row = readonly [name: string, shape: number[], mmacs: number, params: number];

/** Checks units (a layer plus everything under its module path) against table rows. */
function checkUnits(id: string, rows: readonly Row[], digits = 1): void {
  const m = zoo(id);
  it.each(rows)(`${id} %s is %j with %f M MACs and %i params`, (name, shape, mmacs, params) => {
    const u = unit(m, name);
    const out = m.names.includes(`${name}.add`) ? `${name}.add` : m.names.includes(`${name}.concat`) ? `${name}.concat` : null;
    // A unit's output is its add/concat, else its last layer (e.g. the projection of a non-residual block).
    const last = out ?? m.names.filter((n) => n === name || n.startsWith(`${name}.`)).at(-1)!;
    expect(layer(m, last).shape).toEqual(shape);
    expect(u.macs / 1e6).toBeCloseTo(mmacs, digits);
    expect(u.params).toBe(params);
  });
}

describe("vgg16 (§2.2)", () => {
  checkUnits("vgg16", [
    ["conv1_2", [64, 224, 224], 1849.69, 36_928],
    ["conv3_1", [256, 56, 56], 924.84, 295_168],
    ["conv5_3", [512, 14, 14], 462.42, 2_359_808],
    ["pool5", [512, 7, 7], 0, 0],
    ["fc7", [4096], 16.78, 16_781_312],
  ], 2);
});

describe("vgg19", () => {
  it("adds a fourth conv to stages 3-5: 16 convs, conv5_4 at 14×14 with 462.42 M MACs like conv5_3 of vgg16", () => {
    const m = zoo("vgg19");
    expect(m.kinds.filter((k) => k === "conv")).toHaveLength(16);
    expect(layer(m, "conv5_4").shape).toEqual([512, 14, 14]);
    expect(layer(m, "conv5_4").macs / 1e6).toBeCloseTo(462.42, 2);
  });
});

describe("alexnet (§2.3), named by torchvision module paths", () => {
  checkUnits("alexnet", [
    ["features.0", [64, 55, 55], 70.28, 23_296], // conv1
    ["features.2", [64, 27, 27], 0, 0], // pool1
    ["features.3", [192, 27, 27], 223.95, 307_392], // conv2
    ["features.5", [192, 13, 13], 0, 0], // pool2
    ["features.8", [256, 13, 13], 149.52, 884_992], // conv4
    ["features.12", [256, 6, 6], 0, 0], // pool5
    ["classifier.1", [4096], 37.75, 37_752_832], // fc6
  ], 2);
});

describe("resnet50 units (§2.4)", () => {
  checkUnits("resnet50", [
    ["conv1", [64, 112, 112], 118.0, 9_536],
    ["maxpool", [64, 56, 56], 0, 0],
    ["layer1.0", [256, 56, 56], 231.2, 75_008],
    ["layer1.1", [256, 56, 56], 218.4, 70_400],
    ["layer2.0", [512, 28, 28], 372.5, 379_392],
    ["layer3.0", [1024, 14, 14], 372.5, 1_512_448],
    ["layer3.5", [1024, 14, 14], 218.4, 1_117_184],
    ["layer4.0", [2048, 7, 7], 372.5, 6_039_552],
    ["layer4.2", [2048, 7, 7], 218.4, 4_462_592],
    ["fc", [1000], 2.0, 2_049_000],
  ]);
});

describe("resnet18 units (§2.4)", () => {
  checkUnits("resnet18", [
    ["layer1.0", [64, 56, 56], 231.2, 73_984],
    ["layer2.0", [128, 28, 28], 179.8, 230_144],
    ["layer3.1", [256, 14, 14], 231.2, 1_180_672],
    ["layer4.0", [512, 7, 7], 179.8, 3_673_088],
    ["fc", [1000], 0.5, 513_000],
  ]);
});

describe("mobilenet-v2 blocks (§2.5)", () => {
  checkUnits("mobilenet-v2", [
    ["features.0", [32, 112, 112], 10.8, 928],
    ["features.1", [16, 112, 112], 10.0, 896],
    ["features.2", [24, 56, 56], 29.2, 5_136],
    ["features.3", [24, 56, 56], 25.7, 8_832],
    ["features.7", [64, 14, 14], 7.6, 21_056],
    ["features.13", [96, 14, 14], 22.7, 118_272],
    ["features.14", [160, 7, 7], 15.6, 155_264],
    ["features.17", [320, 7, 7], 23.0, 473_920],
    ["features.18", [1280, 7, 7], 20.1, 412_160],
    ["classifier.1", [1000], 1.3, 1_281_000],
  ]);

  it("52 convs, 17 of them depthwise (groups = channels) with 20.7 M MACs between them (§2.5 note)", () => {
    const m = zoo("mobilenet-v2");
    expect(m.kinds.filter((k) => k === "conv")).toHaveLength(52);
    // A depthwise conv's params are 9·C + 2·C (BN), so it is the only conv with params = 11 × channels.
    const dw = m.names.map((_, i) => i).filter((i) => m.kinds[i] === "conv" && m.weightBytes[i]! / 4 === 11 * m.spec.layers[i]!.outputShape![0]!);
    expect(dw).toHaveLength(17);
    expect(dw.reduce((a, i) => a + m.macs[i]!, 0) / 1e6).toBeCloseTo(20.7, 1);
  });

  it("the residual add appears only where stride is 1 and C_in = C_out: 10 of the 17 blocks", () => {
    const m = zoo("mobilenet-v2");
    expect(m.names.filter((n) => n.endsWith(".add"))).toEqual(
      [3, 5, 6, 8, 9, 10, 12, 13, 15, 16].map((f) => `features.${f}.add`),
    );
  });
});

describe("googlenet inception outputs (§2.6)", () => {
  checkUnits("googlenet", [
    ["maxpool1", [64, 56, 56], 0, 0], // ceil_mode: floor mode would give 55
    ["conv3", [192, 56, 56], 346.8, 110_976],
    ["inception3a", [256, 28, 28], 121.6, 155_872],
    ["inception3b", [480, 28, 28], 265.7, 340_224],
    ["maxpool3", [480, 14, 14], 0, 0], // ceil_mode: 28 → 14 (floor gives 13)
    ["inception4a", [512, 14, 14], 71.2, 364_512],
    ["inception4d", [528, 14, 14], 112.1, 573_312],
    ["inception4e", [832, 14, 14], 157.2, 803_840],
    ["maxpool4", [832, 7, 7], 0, 0],
    ["inception5b", [1024, 7, 7], 65.9, 1_347_040],
  ]);

  it("the \"5x5\" branch is torchvision's 3×3: inception3a.branch3.1 is 16→32 3×3 at 28², 3,612,672 MACs", () => {
    // 32 · 16 · 3 · 3 · 28 · 28: 512 · 9 = 4,608, · 784 = 3,612,672 (a 5×5 would be 10,035,200).
    expect(layer(zoo("googlenet"), "inception3a.branch3.1").macs).toBe(3_612_672);
  });
});

describe("inception-v3 units (§2.7)", () => {
  checkUnits("inception-v3", [
    ["Conv2d_1a_3x3", [32, 149, 149], 19.2, 928],
    ["Conv2d_4a_3x3", [192, 71, 71], 696.9, 138_624],
    ["maxpool2", [192, 35, 35], 0, 0],
    ["Mixed_5b", [256, 35, 35], 312.3, 255_904],
    ["Mixed_5d", [288, 35, 35], 348.1, 285_152],
    ["Mixed_6a", [768, 17, 17], 401.9, 1_153_280],
    ["Mixed_6b", [768, 17, 17], 374.1, 1_297_408],
    ["Mixed_6e", [768, 17, 17], 617.9, 2_141_952],
    ["Mixed_7a", [1280, 8, 8], 291.0, 1_698_304],
    ["Mixed_7b", [2048, 8, 8], 322.4, 5_044_608],
    ["Mixed_7c", [2048, 8, 8], 388.5, 6_076_800],
  ]);
});

describe("tiny-yolov3 (§2.8)", () => {
  checkUnits("tiny-yolov3", [
    ["conv0", [16, 416, 416], 74.76, 464],
    ["pool9", [256, 13, 13], 0, 0],
    ["pool11", [512, 13, 13], 0, 0], // darknet's 2×2 stride-1 pool keeps 13×13
    ["conv12", [1024, 13, 13], 797.44, 4_720_640],
    ["conv15", [255, 13, 13], 22.06, 130_815], // linear head with bias
    ["conv18", [128, 13, 13], 5.54, 33_024],
    ["upsample19", [128, 26, 26], 0, 0],
    ["route20", [384, 26, 26], 0, 0],
    ["conv21", [256, 26, 26], 598.08, 885_248],
    ["conv22", [255, 26, 26], 44.13, 65_535],
  ], 2);

  it("the heads output 43,095 and 172,380 elements, and the model's result is both (215,475)", () => {
    const m = zoo("tiny-yolov3");
    expect(layer(m, "yolo16").elements).toBe(43_095);
    expect(layer(m, "yolo23").elements).toBe(172_380);
    expect(m.finalOutputElements).toBe(43_095 + 172_380);
  });
});
