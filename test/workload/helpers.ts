// Test helpers for workload tests: build a Model from raw model-file JSON or a built-in name.
import { builtinModel } from "../../src/workload/builtin-models.js";
import { normaliseModel } from "../../src/workload/model-file.js";
import type { ModelSpec } from "../../src/workload/model-spec.js";
import { Model } from "../../src/workload/model.js";

export function specOf(raw: unknown): ModelSpec {
  const r = normaliseModel(raw);
  if ("problems" in r) throw new Error(`test model invalid: ${JSON.stringify(r.problems)}`);
  return r.model;
}

export function modelOf(raw: unknown): Model {
  return new Model(specOf(raw));
}

export function builtin(name: string): Model {
  const spec = builtinModel(name);
  if (!spec) throw new Error(`no built-in model ${name}`);
  return new Model(spec);
}

export function allLayers(m: Model): number[] {
  return Array.from({ length: m.layerCount }, (_, i) => i);
}
