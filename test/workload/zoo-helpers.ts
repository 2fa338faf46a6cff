// Shared helpers of the zoo tests: a zoo model as a runtime Model, and one layer's figures.
import { Model } from "../../src/workload/model.js";
import { zooModel } from "../../src/workload/zoo/index.js";

export const zoo = (id: string, inputSize?: number): Model => {
  const spec = zooModel(id, inputSize === undefined ? {} : { inputSize });
  if (!spec) throw new Error(`no zoo model ${id}`);
  return new Model(spec);
};

export const layer = (m: Model, name: string): { shape: number[] | null; elements: number; macs: number } => {
  const i = m.indexOf(name);
  if (i < 0) throw new Error(`${m.name}: no layer ${name}`);
  return { shape: m.spec.layers[i]!.outputShape, elements: m.outputElements[i]!, macs: m.macs[i]! };
};
