// Built-in models: the model zoo (src/workload/zoo/) at each model's default input size. Each call
// builds the model afresh: no module-level cache, so runs stay independent.
import type { ModelSpec } from "./model-spec.js";
import { ZOO_IDS, zooModel } from "./zoo/index.js";

/** Names of the built-in models, in the zoo's order. */
export function builtinModelNames(): string[] {
  return [...ZOO_IDS];
}

/** The built-in model `name` at its default input size, or undefined if there is none. */
export function builtinModel(name: string): ModelSpec | undefined {
  return zooModel(name);
}
