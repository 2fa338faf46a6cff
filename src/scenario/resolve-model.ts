// Resolves a model reference of a scenario — a built-in name, `{ builtin, inputSize }`, a path to
// a model JSON file (relative to the scenario), or an inline object — to a ModelSpec, or problems.
import { builtinModel, builtinModelNames } from "../workload/builtin-models.js";
import { zooModel } from "../workload/zoo/index.js";
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
  if (ref !== null && typeof ref === "object" && "builtin" in ref) return zooWithOptions(ref as Record<string, unknown>, path, problems);
  const r = normaliseModel(ref);
  if ("problems" in r) {
    for (const p of r.problems) problems.push({ path: [...path, ...p.path], message: p.message });
    return null;
  }
  return r.model;
}

/** `{ builtin: resnet50, inputSize: 256 }`: a zoo model at another input size (named `resnet50-256`). */
function zooWithOptions(ref: Record<string, unknown>, path: Array<string | number>, problems: Problem[]): ModelSpec | null {
  const { builtin, inputSize, ...rest } = ref;
  for (const key of Object.keys(rest)) problems.push({ path: [...path, key], message: "unknown key (a built-in model takes builtin and inputSize)" });
  if (typeof builtin !== "string" || !builtinModelNames().includes(builtin)) {
    problems.push({ path: [...path, "builtin"], message: `must be a built-in model (${builtinModelNames().join(", ")})` });
    return null;
  }
  if (inputSize !== undefined && !(typeof inputSize === "number" && Number.isInteger(inputSize) && inputSize > 0)) {
    problems.push({ path: [...path, "inputSize"], message: "must be a whole number of pixels > 0" });
    return null;
  }
  try {
    return zooModel(builtin, inputSize === undefined ? {} : { inputSize }) ?? null;
  } catch (e) {
    problems.push({ path: [...path, "inputSize"], message: (e as Error).message });
    return null;
  }
}
