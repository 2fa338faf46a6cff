// Series-parallel decomposition of the zoo: every inception module and residual block is found as
// a parallel region with the architecture's branches (hand lists from the zoo builders' sources).
import { describe, expect, it } from "vitest";
import { articulationLayers, seriesParallel, type Block, type Series } from "../../../src/schedulers/planning/series-parallel.js";
import { Model } from "../../../src/workload/model.js";
import { ZOO_IDS, zooModel } from "../../../src/workload/zoo/index.js";

const zoo = (id: string): Model => new Model(zooModel(id)!);

/** A series as names without the module prefix; a nested region as { branches }, a super-block as { super }. */
type Shape = string | { branches: Shape[][] } | { super: string[] };
const shape = (m: Model, s: Series, prefix: string): Shape[] => s.map((b): Shape => {
  const name = (i: number): string => m.names[i]!.slice(prefix.length);
  if (b.kind === "layer") return name(b.layer);
  if (b.kind === "super") return { super: b.layers.map(name) };
  return { branches: b.branches.map((br) => shape(m, br, prefix)) };
});
const regions = (s: Series): Array<Extract<Block, { kind: "parallel" }>> =>
  s.flatMap((b) => (b.kind === "parallel" ? [b] : []));

/** Checks each top-level region against its module: interior = the module's layers but its join, then the branches. */
function expectModules(m: Model, modules: ReadonlyArray<[prefix: string, join: string, branches: Shape[][]]>): void {
  const found = regions(seriesParallel(m));
  expect(found).toHaveLength(modules.length);
  found.forEach((region, k) => {
    const [prefix, join, branches] = modules[k]!;
    expect(m.names[region.join!]).toBe(`${prefix}.${join}`);
    const moduleLayers = m.names.filter((n) => n.startsWith(`${prefix}.`) && n !== `${prefix}.${join}`);
    expect(region.layers.map((i) => m.names[i])).toEqual(moduleLayers);
    expect(region.branches.map((br) => shape(m, br, `${prefix}.`))).toEqual(branches);
  });
}

describe("GoogLeNet", () => {
  const m = zoo("googlenet");
  const FOUR = [["branch1"], ["branch2.0", "branch2.1"], ["branch3.0", "branch3.1"], ["branch4.0", "branch4.1"]];
  const MODULES = ["3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b"].map((x) => `inception${x}`);

  it("finds the 9 inception modules as parallel regions of 4 branches each, joined at their concat", () => {
    expectModules(m, MODULES.map((p) => [p, "concat", FOUR]));
  });

  it("its articulation layers are the stem, the pools between modules, each concat and the head", () => {
    const concat = (x: string): string => `inception${x}.concat`;
    expect(articulationLayers(m).map((i) => m.names[i])).toEqual([
      "conv1", "maxpool1", "conv2", "conv3", "maxpool2", concat("3a"), concat("3b"), "maxpool3",
      concat("4a"), concat("4b"), concat("4c"), concat("4d"), concat("4e"), "maxpool4", concat("5a"), concat("5b"),
      "avgpool", "fc",
    ]);
  });
});

describe("Inception-v3", () => {
  const m = zoo("inception-v3");
  const A = [["branch1x1"], ["branch5x5_1", "branch5x5_2"], ["branch3x3dbl_1", "branch3x3dbl_2", "branch3x3dbl_3"], ["avg_pool", "branch_pool"]];
  const B = [["branch3x3"], ["branch3x3dbl_1", "branch3x3dbl_2", "branch3x3dbl_3"], ["max_pool"]];
  const C = [
    ["branch1x1"], ["branch7x7_1", "branch7x7_2", "branch7x7_3"],
    ["branch7x7dbl_1", "branch7x7dbl_2", "branch7x7dbl_3", "branch7x7dbl_4", "branch7x7dbl_5"], ["avg_pool", "branch_pool"],
  ];
  const D = [["branch3x3_1", "branch3x3_2"], ["branch7x7x3_1", "branch7x7x3_2", "branch7x7x3_3", "branch7x7x3_4"], ["max_pool"]];
  // InceptionE's 3×3 and double-3×3 branches fork again into a 1×3 and a 3×1 conv.
  const E: Shape[][] = [
    ["branch1x1"],
    ["branch3x3_1", { branches: [["branch3x3_2a"], ["branch3x3_2b"]] }],
    ["branch3x3dbl_1", "branch3x3dbl_2", { branches: [["branch3x3dbl_3a"], ["branch3x3dbl_3b"]] }],
    ["avg_pool", "branch_pool"],
  ];

  it("finds the 11 Mixed blocks 5b–7c as parallel regions with 4, 3, 4 or 3 branches by type (A, B, C, D, E)", () => {
    expectModules(m, [
      ["Mixed_5b", "concat", A], ["Mixed_5c", "concat", A], ["Mixed_5d", "concat", A], ["Mixed_6a", "concat", B],
      ["Mixed_6b", "concat", C], ["Mixed_6c", "concat", C], ["Mixed_6d", "concat", C], ["Mixed_6e", "concat", C],
      ["Mixed_7a", "concat", D], ["Mixed_7b", "concat", E], ["Mixed_7c", "concat", E],
    ]);
  });

  it("the nested regions of Mixed_7b fork at the branch's last shared conv and join at the module's concat", () => {
    const region = regions(seriesParallel(m)).find((r) => m.names[r.join!] === "Mixed_7b.concat")!;
    const nested = region.branches.flatMap(regions);
    expect(nested.map((r) => [m.names[r.fork], m.names[r.join!]])).toEqual([
      ["Mixed_7b.branch3x3_1", "Mixed_7b.concat"],
      ["Mixed_7b.branch3x3dbl_2", "Mixed_7b.concat"],
    ]);
  });
});

describe("residual networks", () => {
  it("ResNet-50 has 16 residual blocks, each a conv path and a skip (a projection in each stage's first block)", () => {
    const m = zoo("resnet50");
    const blocks: Array<[string, string, Shape[][]]> = [];
    [3, 4, 6, 3].forEach((count, s) => {
      for (let i = 0; i < count; i++)
        blocks.push([`layer${s + 1}.${i}`, "add", [["conv1", "conv2", "conv3"], i === 0 ? ["downsample"] : []]]);
    });
    expectModules(m, blocks);
  });

  it("ResNet-50's articulation layers are the stem, each block's add, and the head", () => {
    const m = zoo("resnet50");
    const adds = [3, 4, 6, 3].flatMap((count, s) => Array.from({ length: count }, (_, i) => `layer${s + 1}.${i}.add`));
    expect(articulationLayers(m).map((i) => m.names[i])).toEqual(["conv1", "maxpool", ...adds, "avgpool", "fc"]);
  });

  it("MobileNet-v2 has 10 inverted residuals with an identity skip (1 + 2 + 3 + 2 + 2 over its stages)", () => {
    const m = zoo("mobilenet-v2");
    const found = regions(seriesParallel(m));
    expect(found).toHaveLength(10);
    for (const r of found) {
      expect(m.kinds[r.join!]).toBe("add");
      expect(r.branches).toHaveLength(2);
      expect(r.branches[1]).toEqual([]);
    }
  });
});

describe("chains and non-series-parallel models", () => {
  it("VGG-16 is a chain: every layer is an articulation layer", () => {
    const m = zoo("vgg16");
    expect(articulationLayers(m)).toEqual(Array.from({ length: m.layerCount }, (_, i) => i));
  });

  it("Tiny-YOLOv3's two heads, with route20 reading conv8 back, form one super-block from conv8 to detections", () => {
    // conv8 → pool9 … conv13 → {head 1; conv18 → upsample19 → route20 ← conv8} → detections:
    // the bridge conv8, conv13, route20, detections with conv13 → route20 as its cross edge.
    const m = zoo("tiny-yolov3");
    const names = (ids: readonly number[]): string[] => ids.map((i) => m.names[i]!);
    const s = seriesParallel(m);
    expect(s.map((b) => (b.kind === "layer" ? m.names[b.layer] : { kind: b.kind, fork: m.names[b.fork], layers: names(b.layers) }))).toEqual([
      "conv0", "pool1", "conv2", "pool3", "conv4", "pool5", "conv6", "pool7", "conv8",
      {
        kind: "super", fork: "conv8",
        layers: ["pool9", "conv10", "pool11", "conv12", "conv13", "conv14", "conv15", "yolo16", "conv18", "upsample19", "route20", "conv21", "conv22", "yolo23"],
      },
      "detections",
    ]);
  });

  it("in every zoo model, cutting right after an articulation layer sends exactly that layer's output", () => {
    for (const id of ZOO_IDS) {
      const m = zoo(id);
      for (const v of articulationLayers(m).filter((v) => v < m.layerCount - 1))
        expect(Array.from(m.prefixCuts()[v + 1]!.boundary), `${id} after ${m.names[v]}`).toEqual([v]);
    }
  });
});
