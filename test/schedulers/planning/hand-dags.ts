// Hand-drawn layer DAGs for the planning tests, written as ModelSpecs so every size is visible.
import type { LayerSpec, ModelSpec } from "../../../src/workload/model-spec.js";
import { Model } from "../../../src/workload/model.js";

/** A layer reading `inputs` ("input" = the raw input) with an output of `elements` values. */
export const layer = (name: string, inputs: string[], elements: number): LayerSpec => ({
  name, kind: "conv", inputs, outputShape: [elements], outputElements: elements, macs: 0, weightBytes: 0, timeMs: null,
});

export const dag = (name: string, inputElements: number, layers: LayerSpec[]): Model =>
  new Model({ name, input: { shape: [inputElements], elements: inputElements }, layers } satisfies ModelSpec);

/**
 * Six layers, one branch in the trunk and a side path from the raw input (elements in brackets):
 *
 *                  ┌─► 1 left [24] ──┐
 *   input ─► 0 stem [40]              3 join [30] ─┐
 *   [48] │         └─► 2 right [16] ─┘             5 head [5]
 *        └─────────► 4 side [10] ──────────────────┘
 *
 * stem's output is read by two layers (left, right), and so is the raw input (stem, side).
 */
export const sixLayers = (): Model =>
  dag("six", 48, [
    layer("stem", ["input"], 40),
    layer("left", ["stem"], 24),
    layer("right", ["stem"], 16),
    layer("join", ["left", "right"], 30),
    layer("side", ["input"], 10),
    layer("head", ["join", "side"], 5),
  ]);

/** A 0/1 mask of `n` layers with `layers` set. */
export const maskOf = (n: number, layers: readonly number[]): Uint8Array => {
  const m = new Uint8Array(n);
  for (const i of layers) m[i] = 1;
  return m;
};
