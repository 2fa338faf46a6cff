// Names and references of a layer list, checked the same way for a model's layers and for an exit
// head's: names unique (and not taken elsewhere), and every input either the list's source (the
// model input, or the layer an exit leaves from) or an earlier layer of the list.
import { INPUT } from "./model-spec.js";
import { didYouMean, isRecord, type ModelProblem, type Path } from "./model-layer.js";

export interface RefRules {
  /** Where layer i is in the file. */
  at(i: number): Path;
  /** What the list's layers are called in messages ("layer", "head layer"). */
  label: string;
  /** The tensor every layer may read besides earlier layers of the list (undefined: none known). */
  source: string | undefined;
  /** Why a layer name may not be used although the list has no other layer of that name, or null. */
  taken(name: string): string | null;
  /** Why an existing tensor outside the list may not be read, or null when it is not one. */
  outside(ref: string): string | null;
  /** How layers must be ordered, said when one reads a later one. */
  order: string;
}

/** Adds the problems of `raw`'s names and inputs; returns the first index of each name. */
export function checkLayerRefs(raw: readonly unknown[], names: ReadonlyArray<string | undefined>, rules: RefRules, problems: ModelProblem[]): Map<string, number> {
  const firstAt = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === undefined) return;
    const path = [...rules.at(i), "name"];
    const taken = name === INPUT ? `"${INPUT}" is reserved for the model input` : rules.taken(name);
    const seen = firstAt.get(name);
    if (taken !== null) problems.push({ path, message: taken });
    else if (seen !== undefined) problems.push({ path, message: `duplicate ${rules.label} name "${name}" (also ${rules.label} ${seen})` });
    else firstAt.set(name, i);
  });
  raw.forEach((l, i) => {
    const inputs = isRecord(l) ? l["inputs"] : undefined;
    if (!Array.isArray(inputs)) return; // omitted: chain shorthand, always valid
    inputs.forEach((ref: unknown, k) => {
      if (typeof ref !== "string" || ref === rules.source) return;
      const j = firstAt.get(ref);
      if (j !== undefined && j < i) return;
      const path = [...rules.at(i), "inputs", k];
      const outside = j === undefined ? rules.outside(ref) : null;
      if (j !== undefined) problems.push({ path, message: `input "${ref}" is ${rules.label} ${j}, which does not come before this one (${rules.order})` });
      else if (outside !== null) problems.push({ path, message: `input "${ref}": ${outside}` });
      else problems.push({ path, message: `unknown input "${ref}"${didYouMean(ref, [rules.source, ...names.slice(0, i)])}` });
    });
  });
  return firstAt;
}
