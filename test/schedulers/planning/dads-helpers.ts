// Test helpers for DADS's cut tests: a model from a bare layer graph, a partition's T_e, T_t, T_c
// read straight from the layers' inputs (independent of the flow graph), and random DAGs.
import fc from "fast-check";
import type { DadsTimes } from "../../../src/schedulers/planning/dads-cut.js";
import type { ModelSpec } from "../../../src/workload/model-spec.js";
import { Model } from "../../../src/workload/model.js";

/** A model from [name, inputs] pairs; -1 reads the raw input. Only the graph matters here. */
export function dag(layers: ReadonlyArray<readonly number[]>): Model {
  const name = (j: number): string => (j === -1 ? "input" : `l${j}`);
  const spec: ModelSpec = {
    name: "dag",
    input: { shape: [1], elements: 1 },
    layers: layers.map((inputs, i) => ({
      name: name(i), kind: "op", inputs: inputs.map(name), outputShape: [1], outputElements: 1, macs: 0, weightBytes: 0, timeMs: null,
    })),
  };
  return new Model(spec);
}

/**
 * T_e, T_t, T_c of a partition straight from the layers' inputs, independent of the graph: a
 * tensor is sent once if a cloud layer reads it and it is the raw input or a device layer's output.
 */
export function partitionCost(model: Model, times: DadsTimes, up: ArrayLike<number>): { te: number; tt: number; tc: number } {
  let te = 0;
  let tc = 0;
  const sent = new Set<number>();
  for (let v = 0; v < model.layerCount; v++) {
    if (up[v]) te += times.device[v]!;
    else {
      tc += times.cloud[v]!;
      for (const j of model.inputs[v]!) if (j === -1 || up[j]) sent.add(j);
    }
  }
  let tt = 0;
  for (const j of sent) tt += j === -1 ? times.inputTransfer : times.transfer[j]!;
  return { te, tt, tc };
}

export const total = (c: { te: number; tt: number; tc: number }): number => c.te + c.tt + c.tc;
export const ones = (mask: Uint8Array): number[] => Array.from(mask.keys()).filter((v) => mask[v]);

// Layer i reads 1 to 3 distinct earlier tensors (-1 = raw input); times are positive integers,
// so every sum is exact and costs compare with ===.
export const dagArb = (maxLayers: number): fc.Arbitrary<{ model: Model; times: DadsTimes }> =>
  fc.integer({ min: 1, max: maxLayers }).chain((L) => {
    const layers = fc.tuple(...Array.from({ length: L }, (_, i) => fc.uniqueArray(fc.integer({ min: -1, max: i - 1 }), { minLength: 1, maxLength: Math.min(3, i + 1) })));
    const row = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: L, maxLength: L });
    return fc.record({ layers, device: row, cloud: row, transfer: row, inputTransfer: fc.integer({ min: 1, max: 100 }) })
      .map(({ layers: ls, ...times }) => ({ model: dag(ls), times }));
  });
