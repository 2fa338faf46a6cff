// Conv/pool geometry of the zoo models: present on every conv and pool (and only there), and it
// reproduces each output shape by PyTorch's size rule, written out again here; plus hand cases.
import { describe, expect, it } from "vitest";
import { adaptivePoolGeometry, inputSpan } from "../../src/workload/layer-geometry.js";
import type { LayerGeometry, LayerSpec, ModelSpec } from "../../src/workload/model-spec.js";
import { ZOO_IDS, zooModel } from "../../src/workload/zoo/index.js";

/** PyTorch (conv.py / pooling.h): floor((in + 2p + e − d(k−1) − 1)/s) + 1; ceil_mode rounds up but never starts a window in the end padding. */
function torchSize(n: number, k: number, s: number, p: number, d: number, ceil: boolean, e: number): number {
  const span = n + 2 * p + e - d * (k - 1) - 1;
  let out = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (out - 1) * s >= n + p) out -= 1;
  return out;
}

const expected = (g: LayerGeometry, inShape: readonly number[]): number[] =>
  [0, 1].map((a) => torchSize(inShape[a + 1]!, g.kernel[a]!, g.stride[a]!, g.padding[a]!, g.dilation[a]!, g.ceilMode ?? false, g.extraPadEnd?.[a] ?? 0));

/** Every layer of the model and of its exit heads, with the shape of the tensor it reads. */
function layersWithInput(spec: ModelSpec): Array<{ layer: LayerSpec; inShape: readonly number[] | null }> {
  const shapes = new Map<string, readonly number[] | null>([["input", spec.input.shape]]);
  const out: Array<{ layer: LayerSpec; inShape: readonly number[] | null }> = [];
  const walk = (layers: readonly LayerSpec[]): void => {
    for (const layer of layers) {
      out.push({ layer, inShape: shapes.get(layer.inputs[0]!) ?? null });
      shapes.set(layer.name, layer.outputShape);
    }
  };
  walk(spec.layers);
  for (const e of spec.exits ?? []) walk(e.layers);
  return out;
}

const SIZES: ReadonlyArray<[string, number | undefined]> = [
  ...ZOO_IDS.map((id): [string, number | undefined] => [id, undefined]),
  ...ZOO_IDS.map((id): [string, number | undefined] => [id, 256]),
];

describe("zoo geometry reproduces every conv and pool output shape", () => {
  it.each(SIZES)("%s at input %s: kernel, stride, padding, dilation give each conv/pool its output size", (id, size) => {
    const spec = zooModel(id, size === undefined ? {} : { inputSize: size })!;
    let checked = 0;
    for (const { layer, inShape } of layersWithInput(spec)) {
      const g = layer.geometry;
      if (layer.kind !== "conv" && layer.kind !== "pool") {
        expect("geometry" in layer, `${layer.name} has no geometry`).toBe(false);
        continue;
      }
      expect(g, `${layer.name} has a geometry`).toBeDefined();
      expect(layer.outputShape!.slice(1), layer.name).toEqual(expected(g!, inShape!));
      if (layer.kind === "conv") expect(inShape![0]! % g!.groups!).toBe(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("zoo geometry by hand", () => {
  const geometryOf = (id: string, name: string): LayerGeometry | undefined =>
    zooModel(id)!.layers.find((l) => l.name === name)!.geometry;

  it("resnet50 conv1 is 7×7 stride 2 padding 3, dense; its avgpool is an adaptive 7×7 window at stride 7", () => {
    expect(geometryOf("resnet50", "conv1")).toEqual({ kernel: [7, 7], stride: [2, 2], padding: [3, 3], dilation: [1, 1], groups: 1 });
    expect(geometryOf("resnet50", "avgpool")).toEqual({ kernel: [7, 7], stride: [7, 7], padding: [0, 0], dilation: [1, 1], adaptive: true });
  });

  it("mobilenet-v2's second block's depthwise conv has 16·6 = 96 groups and stride 2", () => {
    expect(geometryOf("mobilenet-v2", "features.2.conv.1")).toMatchObject({ kernel: [3, 3], stride: [2, 2], padding: [1, 1], groups: 96 });
  });

  it("inception-v3's 1×7 conv keeps its rectangular kernel and padding (0, 3)", () => {
    expect(geometryOf("inception-v3", "Mixed_6b.branch7x7_2")).toMatchObject({ kernel: [1, 7], padding: [0, 3] });
  });

  it("googlenet's max-pools record ceil mode; vgg16's pools do not", () => {
    expect(geometryOf("googlenet", "maxpool1")).toEqual({ kernel: [3, 3], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: true });
    expect(geometryOf("vgg16", "pool1")).toEqual({ kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1] });
  });

  it("tiny-yolov3's stride-1 pool pads one row and column at the end only: 13 + 1 − 2 + 1 = 13", () => {
    expect(geometryOf("tiny-yolov3", "pool11")).toEqual({ kernel: [2, 2], stride: [1, 1], padding: [0, 0], dilation: [1, 1], extraPadEnd: [1, 1] });
  });

  it("vgg16 at 256: pool5 is 8×8, so the adaptive pool to 7 records stride ⌊8/7⌋ = 1 and kernel 8 − 6·1 = 2", () => {
    const avgpool = zooModel("vgg16", { inputSize: 256 })!.layers.find((l) => l.name === "avgpool")!;
    expect(avgpool.geometry).toMatchObject({ kernel: [2, 2], stride: [1, 1], adaptive: true });
  });
});

describe("adaptive pools and halos", () => {
  it("each fixed window of an adaptive pool (out ≤ in) contains PyTorch's window [⌊i·in/out⌋, ⌈(i+1)·in/out⌉)", () => {
    for (let n = 1; n <= 24; n++) {
      for (let o = 1; o <= n; o++) {
        const g = adaptivePoolGeometry(n, n, o, o);
        expect(torchSize(n, g.kernel[0], g.stride[0], 0, 1, false, 0)).toBe(o);
        for (let i = 0; i < o; i++) {
          const [a, b] = [Math.floor((i * n) / o), Math.ceil(((i + 1) * n) / o)];
          expect(i * g.stride[0]).toBeLessThanOrEqual(a);
          expect(i * g.stride[0] + g.kernel[0]).toBeGreaterThanOrEqual(b);
        }
      }
    }
  });

  it("a 3×3 stride-2 padding-1 conv on 56 rows: outputs 0–13 read rows 0–27, outputs 14–27 read rows 27–55", () => {
    const g: LayerGeometry = { kernel: [3, 3], stride: [2, 2], padding: [1, 1], dilation: [1, 1] };
    expect(inputSpan(g, 0, 56, 28, 0, 14)).toEqual([0, 28]); // start 0·2 − 1 → 0; end 13·2 − 1 + 2 + 1 = 28
    expect(inputSpan(g, 0, 56, 28, 14, 28)).toEqual([27, 56]); // start 14·2 − 1 = 27; end 27·2 − 1 + 3 = 56
  });

  it("an adaptive pool from 8 to 7 rows: outputs 3–4 read rows ⌊24/7⌋ = 3 to ⌈40/7⌉ = 6", () => {
    const g = adaptivePoolGeometry(8, 8, 7, 7);
    expect(inputSpan(g, 0, 8, 7, 3, 5)).toEqual([3, 6]);
  });
});
