// Built-in models (served by the zoo) against torchvision's totals and the per-layer tables of
// reference/models-devices.md §1.1, §2.2 and §2.4 (expected values typed from the reference).
import { describe, expect, it } from "vitest";
import { builtinModel, builtinModelNames } from "../../src/workload/builtin-models.js";
import type { Model } from "../../src/workload/model.js";
import { zooModel } from "../../src/workload/zoo/index.js";
import { builtin } from "./helpers.js";

const params = (m: Model, names?: string[]): number =>
  (names ?? m.names).reduce((a, n) => a + m.weightBytes[m.indexOf(n)]! / 4, 0);
const macs = (m: Model, names: string[]): number => names.reduce((a, n) => a + m.macs[m.indexOf(n)]!, 0);
const block = (p: string, downsample: boolean): string[] =>
  [`${p}.conv1`, `${p}.conv2`, `${p}.conv3`, ...(downsample ? [`${p}.downsample`] : [])];

describe("built-in models", () => {
  it("builtinModelNames lists vgg16 and resnet50, and each model's name is its built-in name", () => {
    expect(builtinModelNames()).toEqual(expect.arrayContaining(["resnet50", "vgg16"]));
    for (const name of builtinModelNames()) expect(builtinModel(name)?.name).toBe(name);
  });

  it("builtinModel returns undefined for unknown names, including path-like ones", () => {
    expect(builtinModel("alexnet-nope")).toBeUndefined();
    expect(builtinModel("../models/vgg16")).toBeUndefined();
  });

  it("a built-in model is the zoo model at its default input size", () => {
    for (const name of ["vgg16", "resnet50"]) expect(builtinModel(name)).toEqual(zooModel(name));
  });
});

describe("vgg16", () => {
  const m = builtin("vgg16");

  it("totals 15.4703 GMACs (to 0.01 %) and exactly 138,357,544 params", () => {
    expect(Math.abs(m.totalMacs / 15.4703e9 - 1)).toBeLessThan(1e-4);
    expect(params(m)).toBe(138_357_544);
  });

  it("is a 22-layer chain: 13 convs, 5 max-pools and the avgpool, fc6-fc8 on a 3x224x224 input", () => {
    expect(m.layerCount).toBe(22);
    expect(m.spec.input.shape).toEqual([3, 224, 224]);
    expect(m.kinds.filter((k) => k === "conv")).toHaveLength(13);
    expect(m.names.filter((n, i) => m.kinds[i] === "pool")).toEqual(["pool1", "pool2", "pool3", "pool4", "pool5", "avgpool"]);
    expect(m.names.slice(-4)).toEqual(["avgpool", "fc6", "fc7", "fc8"]);
    m.inputs.forEach((ins, i) => expect(Array.from(ins)).toEqual([i - 1]));
  });

  it("conv1_2 is 64x224x224 with 1,849.69 M MACs and 36,928 params", () => {
    const i = m.indexOf("conv1_2");
    expect(m.spec.layers[i]!.outputShape).toEqual([64, 224, 224]);
    expect(m.outputElements[i]).toBe(3_211_264);
    expect(m.macs[i]! / 1e6).toBeCloseTo(1849.69, 2);
    expect(params(m, ["conv1_2"])).toBe(36_928);
  });

  it("pool5 and avgpool output 25,088 elements and fc6 holds 102,764,544 params (102.76 M MACs)", () => {
    expect(m.outputElements[m.indexOf("pool5")]).toBe(25_088);
    expect(m.outputElements[m.indexOf("avgpool")]).toBe(25_088);
    expect(params(m, ["fc6"])).toBe(102_764_544);
    expect(m.macs[m.indexOf("fc6")]! / 1e6).toBeCloseTo(102.76, 2);
  });

  it("conv5_1 runs at 14x14 with 462.42 M MACs", () => {
    expect(m.spec.layers[m.indexOf("conv5_1")]!.outputShape).toEqual([512, 14, 14]);
    expect(m.macs[m.indexOf("conv5_1")]! / 1e6).toBeCloseTo(462.42, 2);
  });
});

describe("resnet50", () => {
  const m = builtin("resnet50");

  it("totals 4.0892 GMACs (to 0.01 %) and exactly 25,557,032 params", () => {
    expect(Math.abs(m.totalMacs / 4.0892e9 - 1)).toBeLessThan(1e-4);
    expect(params(m)).toBe(25_557_032);
  });

  it("the stem conv1 (BN folded) is 64x112x112 with 118.0 M MACs and 9,536 params", () => {
    const i = m.indexOf("conv1");
    expect(m.spec.layers[i]!.outputShape).toEqual([64, 112, 112]);
    expect(m.macs[i]! / 1e6).toBeCloseTo(118.0, 1);
    expect(params(m, ["conv1"])).toBe(9_536);
    expect(m.outputElements[m.indexOf("maxpool")]).toBe(200_704);
  });

  it("block layer1.0 sums to 231.2 M MACs and 75,008 params over its four convs", () => {
    expect(macs(m, block("layer1.0", true)) / 1e6).toBeCloseTo(231.2, 1);
    expect(params(m, block("layer1.0", true))).toBe(75_008);
  });

  it("block layer2.0 (stride on the 3x3) sums to 372.5 M MACs and 379,392 params", () => {
    expect(macs(m, block("layer2.0", true)) / 1e6).toBeCloseTo(372.5, 1);
    expect(params(m, block("layer2.0", true))).toBe(379_392);
    expect(m.macs[m.indexOf("layer2.0.conv1")]! / 1e6).toBeCloseTo(102.8, 1);
    expect(m.spec.layers[m.indexOf("layer2.0.conv2")]!.outputShape).toEqual([128, 28, 28]);
  });

  it("an identity block (layer3.1) has 218.4 M MACs and 1,117,184 params", () => {
    expect(macs(m, block("layer3.1", false)) / 1e6).toBeCloseTo(218.4, 1);
    expect(params(m, block("layer3.1", false))).toBe(1_117_184);
  });

  it("stage outputs are 256x56x56, 512x28x28, 1024x14x14 and 2048x7x7", () => {
    const shape = (n: string): number[] | null | undefined => m.spec.layers[m.indexOf(n)]?.outputShape;
    expect(shape("layer1.2.add")).toEqual([256, 56, 56]);
    expect(shape("layer2.3.add")).toEqual([512, 28, 28]);
    expect(shape("layer3.5.add")).toEqual([1024, 14, 14]);
    expect(shape("layer4.2.add")).toEqual([2048, 7, 7]);
    expect(m.outputElements[m.indexOf("avgpool")]).toBe(2_048);
    expect(m.finalOutputElements).toBe(1_000);
  });

  it("is a real DAG: each add reads its branch and the downsample or the previous block's output", () => {
    const ins = (n: string): string[] => Array.from(m.inputs[m.indexOf(n)]!, (j) => m.names[j]!);
    expect(ins("layer1.0.add")).toEqual(["layer1.0.conv3", "layer1.0.downsample"]);
    expect(ins("layer1.0.downsample")).toEqual(["maxpool"]);
    expect(ins("layer2.1.add")).toEqual(["layer2.1.conv3", "layer2.0.add"]);
    expect(m.kinds.filter((k) => k === "add")).toHaveLength(16);
    expect(m.names.filter((n) => n.endsWith(".downsample"))).toHaveLength(4);
  });
});
