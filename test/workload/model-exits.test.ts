// Early exits on the runtime Model: zoo exits carry the cited BYOT and BranchyNet accuracies, heads are small
// Models costed by hand (avgpool + fc), and the main model's layers and totals are untouched.
import { describe, expect, it } from "vitest";
import { Model } from "../../src/workload/model.js";
import { zooModel } from "../../src/workload/zoo/index.js";
import { modelOf } from "./helpers.js";
import { zoo } from "./zoo-helpers.js";

const accuracies = (m: Model): number[] => m.exits.map((e) => e.accuracy);

describe("zoo exits: accuracies of BYOT (Zhang et al., ICCV 2019) Table 1, CIFAR-100", () => {
  it("resnet50: classifiers 1/4–3/4 at 68.23, 74.21, 75.23 %; the final one at 80.56 %", () => {
    const m = zoo("resnet50");
    expect(accuracies(m)).toEqual([68.23, 74.21, 75.23]);
    expect(m.accuracy).toBe(80.56);
  });

  it("resnet18: 67.85, 74.57, 78.23 %; final 78.64 %", () => {
    expect(accuracies(zoo("resnet18"))).toEqual([67.85, 74.57, 78.23]);
    expect(zoo("resnet18").accuracy).toBe(78.64);
  });

  it("resnet101: 69.45, 77.29, 81.17 %; final 81.23 %", () => {
    expect(accuracies(zoo("resnet101"))).toEqual([69.45, 77.29, 81.17]);
    expect(zoo("resnet101").accuracy).toBe(81.23);
  });

  it("the exits read the last block of layer1, layer2 and layer3 (the paper's stage ends)", () => {
    const m = zoo("resnet50");
    expect(m.exits.map((e) => m.names[e.afterIndex])).toEqual(["layer1.2.add", "layer2.3.add", "layer3.5.add"]);
    expect(m.exits.map((e) => e.name)).toEqual(["exit1", "exit2", "exit3"]);
  });

  it("alexnet: BranchyNet's B-AlexNet (CIFAR-10, the authors' notebook): exit 1 at conv2 75.29 %, final 77.76 %", () => {
    // Exit 1's threshold above ln 10 sends every sample there (exit fractions {100, 0, 0}): 75.29 %;
    // the main path of the same network: 77.76 %. Exit 1 reads conv2, the zoo's features.3.
    const m = zoo("alexnet");
    expect(accuracies(m)).toEqual([75.29]);
    expect(m.accuracy).toBe(77.76);
    expect(m.exits.map((e) => m.names[e.afterIndex])).toEqual(["features.3"]);
  });

  it("models without a published per-exit table have no exits, no accuracy, and no such keys in the spec", () => {
    for (const id of ["vgg16", "mobilenet-v2", "googlenet"]) {
      const spec = zooModel(id)!;
      expect("exits" in spec || "accuracy" in spec, id).toBe(false);
      const m = new Model(spec);
      expect([m.exits.length, m.accuracy]).toEqual([0, undefined]);
    }
  });
});

describe("exit heads as Models", () => {
  const m = zoo("resnet50");

  it("resnet50 exit1 reads layer1's 256×56×56 output: avgpool (0 MACs) + fc 256·1000 = 256,000 MACs, (256,000 + 1,000)·4 weight bytes", () => {
    const head = m.exits[0]!.head;
    expect(head.name).toBe("resnet50/exit1");
    expect(head.inputElements).toBe(256 * 56 * 56);
    expect(head.names).toEqual(["exit1.avgpool", "exit1.fc"]);
    expect(Array.from(head.macs)).toEqual([0, 256_000]);
    expect(head.totalMacs).toBe(256_000);
    expect(head.totalWeightBytes).toBe(1_028_000);
    expect(head.finalOutputElements).toBe(1000);
    expect(Array.from(head.inputs[0]!)).toEqual([-1]);
  });

  it("exit3 reads 1024×14×14: fc 1024·1000 = 1,024,000 MACs", () => {
    expect(m.exits[2]!.head.totalMacs).toBe(1_024_000);
  });

  it("heads are not layers of the main model: 72 layers, 4.089 GMACs as before", () => {
    expect(m.layerCount).toBe(72);
    expect(m.indexOf("exit1.fc")).toBe(-1);
    expect(m.totalMacs / 1e9).toBeCloseTo(4.0892, 4);
  });

  it("geometry per layer: conv1 is 7×7 stride 2; an add has none", () => {
    expect(m.geometry[m.indexOf("conv1")]).toMatchObject({ kernel: [7, 7], stride: [2, 2] });
    expect(m.geometry[m.indexOf("layer1.0.add")]).toBeUndefined();
    expect(m.geometry).toHaveLength(m.layerCount);
  });

  it("a file exit after a layer given only in bytes: the head's input is that many elements, flat", () => {
    const f = modelOf({
      name: "f", input: { shape: [4] }, accuracy: 90,
      layers: [{ name: "a", outputBytes: 64, macs: 0 }, { name: "b", outputShape: [2], macs: 32 }],
      exits: [{ name: "e", after: "a", accuracy: 40, layers: [{ name: "e.fc", outputShape: [2], macs: 32 }] }],
    });
    const head = f.exits[0]!.head;
    expect([head.spec.input, head.inputElements, f.exits[0]!.afterIndex, f.accuracy]).toEqual([{ shape: [16], elements: 16 }, 16, 0, 90]);
  });

  it("a hand-built spec whose exit reads an unknown layer is refused", () => {
    const spec = zooModel("resnet18")!;
    expect(() => new Model({ ...spec, exits: [{ ...spec.exits![0]!, after: "nope" }] })).toThrow(/exit exit1 reads "nope"/);
  });
});
