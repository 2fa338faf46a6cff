// Resolves the scenario's `accuracy` section: per model, a loss table from a JSON file (relative
// to the scenario) or inline, checked against that model's layer names.
import { parseAccuracyTable, type AccuracyTable } from "../workload/accuracy.js";
import type { ModelSpec } from "../workload/model-spec.js";
import type { Problem, Reader } from "./problems.js";

export function resolveAccuracy(
  section: Readonly<Record<string, unknown>>,
  models: Readonly<Record<string, ModelSpec>>,
  read: Reader,
  problems: Problem[],
): Record<string, AccuracyTable> {
  const out: Record<string, AccuracyTable> = {};
  for (const [name, ref] of Object.entries(section)) {
    const at = ["accuracy", name];
    const model = models[name];
    if (model === undefined) {
      problems.push({ path: at, message: `no model named '${name}' is used by the scenario (models: ${Object.keys(models).join(", ")})` });
      continue;
    }
    let raw: unknown = ref;
    if (typeof ref === "string") {
      const text = read(ref);
      if (text === null) {
        problems.push({ path: at, message: `file not found: ${ref}` });
        continue;
      }
      try {
        raw = JSON.parse(text);
      } catch (e) {
        problems.push({ path: at, message: `${ref} is not valid JSON: ${(e as Error).message}` });
        continue;
      }
    }
    const r = parseAccuracyTable(raw, model.layers.map((l) => l.name));
    if ("problems" in r) {
      for (const p of r.problems) problems.push({ path: typeof ref === "string" ? at : [...at, ...p.path], message: typeof ref === "string" ? `in ${ref}: ${p.path.join(".")}: ${p.message}` : p.message });
    } else out[name] = r.table;
  }
  return out;
}
