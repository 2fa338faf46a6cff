// Resolves a model reference of a scenario — a built-in name, a path to a model JSON file
// (relative to the scenario), or an inline object — to a ModelSpec, or to problems with paths.
import { builtinModel, builtinModelNames } from "../workload/builtin-models.js";
import { normaliseModel } from "../workload/model-file.js";
import type { ModelSpec } from "../workload/model-spec.js";
import type { Problem, Reader } from "./problems.js";

export function resolveModel(ref: unknown, path: Array<string | number>, read: Reader, problems: Problem[]): ModelSpec | null {
  if (typeof ref === "string") {
    const builtin = builtinModel(ref);
    if (builtin !== undefined) return builtin;
    if (!/\.json$|[\\/]/.test(ref)) {
      problems.push({ path, message: `unknown model '${ref}' (built-in: ${builtinModelNames().join(", ")}; or give a path to a .json model file)` });
      return null;
    }
    const text = read(ref);
    if (text === null) {
      problems.push({ path, message: `model file not found: ${ref}` });
      return null;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      problems.push({ path, message: `model file ${ref} is not valid JSON: ${(e as Error).message}` });
      return null;
    }
    const r = normaliseModel(raw);
    if ("problems" in r) {
      for (const p of r.problems) problems.push({ path, message: `in ${ref}: ${p.path.join(".")}: ${p.message}` });
      return null;
    }
    return r.model;
  }
  const r = normaliseModel(ref);
  if ("problems" in r) {
    for (const p of r.problems) problems.push({ path: [...path, ...p.path], message: p.message });
    return null;
  }
  return r.model;
}
