// DAG structure of the branching zoo models and their prefix cuts: a tensor that feeds several
// downstream layers crosses the cut once (reference §2.4 and §2.6 for the element counts).
import { describe, expect, it } from "vitest";
import { Model } from "../../src/workload/model.js";
import { ZOO_IDS, zooModel } from "../../src/workload/zoo/index.js";

const zoo = (id: string): Model => {
  const spec = zooModel(id);
  if (!spec) throw new Error(`no zoo model ${id}`);
  return new Model(spec);
};
const inputsOf = (m: Model, name: string): string[] =>
  Array.from(m.inputs[m.indexOf(name)]!, (j) => (j < 0 ? "input" : m.names[j]!));
const boundaryNames = (m: Model, label: string): string[] => {
  const cut = m.prefixCuts().find((c) => c.label === label);
  if (!cut) throw new Error(`${m.name}: no cut ${label}`);
  return Array.from(cut.boundary, (t) => (t < 0 ? "input" : m.names[t]!));
};
const boundaryElements = (m: Model, label: string): number => m.prefixCuts().find((c) => c.label === label)!.boundaryElements;

describe("every zoo model is a valid topological DAG", () => {
  it.each([...ZOO_IDS])("%s: inputs name earlier layers, names are unique, only the last layer is unread", (id) => {
    const m = zoo(id); // the Model constructor rejects unknown or later inputs and duplicate names
    const unread = m.names.filter((_, i) => m.consumers[i]!.length === 0);
    expect(unread).toEqual([m.names[m.layerCount - 1]]);
    expect(Array.from(m.inputConsumers)).toEqual([0]);
  });
});

describe("resnet50 prefix cuts", () => {
  const m = zoo("resnet50");

  it("after layer1.0.conv1: maxpool (still read by the downstream downsample) and conv1, 2 × 200,704", () => {
    expect(boundaryNames(m, "layer1.0.conv1")).toEqual(["maxpool", "layer1.0.conv1"]);
    expect(boundaryElements(m, "layer1.0.conv1")).toBe(401_408);
  });

  it("after layer1.0.conv3: maxpool once plus conv3's 256×56×56 = 200,704 + 802,816", () => {
    expect(boundaryNames(m, "layer1.0.conv3")).toEqual(["maxpool", "layer1.0.conv3"]);
    expect(boundaryElements(m, "layer1.0.conv3")).toBe(1_003_520);
  });

  it("inside an identity block the block input crosses once though conv1 and the add both read it", () => {
    // layer2.1 reads layer2.0.add with its conv1 and its add; a cut before conv1 sends it once: 512×28×28.
    expect(boundaryNames(m, "layer2.0.add")).toEqual(["layer2.0.add"]);
    expect(boundaryElements(m, "layer2.0.add")).toBe(401_408);
    expect(boundaryNames(m, "layer2.1.conv2")).toEqual(["layer2.0.add", "layer2.1.conv2"]);
    expect(boundaryElements(m, "layer2.1.conv2")).toBe(401_408 + 100_352);
  });
});

describe("googlenet structure and prefix cuts", () => {
  const m = zoo("googlenet");

  it("an inception block reads its input with four branches and concatenates their ends", () => {
    const readers = Array.from(m.consumers[m.indexOf("maxpool2")]!, (j) => m.names[j]);
    expect(readers).toEqual(["inception3a.branch1", "inception3a.branch2.0", "inception3a.branch3.0", "inception3a.branch4.0"]);
    expect(inputsOf(m, "inception3a.concat")).toEqual(
      ["inception3a.branch1", "inception3a.branch2.1", "inception3a.branch3.1", "inception3a.branch4.1"],
    );
    expect(m.kinds.filter((k) => k === "concat")).toHaveLength(9);
  });

  it("a cut after inception3a.branch1 sends the block input (192×28×28) once and branch1 (64×28×28)", () => {
    expect(boundaryNames(m, "inception3a.branch1")).toEqual(["maxpool2", "inception3a.branch1"]);
    expect(boundaryElements(m, "inception3a.branch1")).toBe(150_528 + 50_176);
  });

  it("after inception3a.branch2.0: the block input once, branch1 and the 96-channel reduce", () => {
    expect(boundaryNames(m, "inception3a.branch2.0")).toEqual(["maxpool2", "inception3a.branch1", "inception3a.branch2.0"]);
    expect(boundaryElements(m, "inception3a.branch2.0")).toBe(150_528 + 50_176 + 75_264);
  });

  it("after the branch-4 pool the block input is no longer needed: 64 + 128 + 32 + 192 channels at 28²", () => {
    expect(boundaryNames(m, "inception3a.branch4.0")).toEqual(
      ["inception3a.branch1", "inception3a.branch2.1", "inception3a.branch3.1", "inception3a.branch4.0"],
    );
    expect(boundaryElements(m, "inception3a.branch4.0")).toBe((64 + 128 + 32 + 192) * 784);
  });

  it("after a block's concat only the concat crosses (3a: 256×28×28)", () => {
    expect(boundaryNames(m, "inception3a.concat")).toEqual(["inception3a.concat"]);
    expect(boundaryElements(m, "inception3a.concat")).toBe(200_704);
  });

  it("no prefix cut lists a tensor twice", () => {
    for (const c of m.prefixCuts()) expect(new Set(c.boundary).size).toBe(c.boundary.length);
  });
});

describe("tiny-yolov3 routes", () => {
  const m = zoo("tiny-yolov3");

  it("route -4 reads conv13 directly; route -1, 8 concatenates the upsample with conv8", () => {
    expect(inputsOf(m, "conv18")).toEqual(["conv13"]);
    expect(inputsOf(m, "route20")).toEqual(["upsample19", "conv8"]);
    expect(inputsOf(m, "detections")).toEqual(["yolo16", "yolo23"]);
  });

  it("a cut after conv13 sends conv13 (256×13×13) once though conv14 and conv18 both read it", () => {
    expect(boundaryNames(m, "conv13")).toEqual(["conv8", "conv13"]);
    expect(boundaryElements(m, "conv13")).toBe(173_056 + 43_264);
  });
});
