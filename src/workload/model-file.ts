// Model files (JSON) -> ModelSpec. Reports every problem at once, each with its path, so a user
// fixes a file in one pass; a returned ModelSpec is topologically ordered with unique names.
import { z } from "zod";
import { INPUT, type LayerSpec, type ModelSpec } from "./model-spec.js";

export interface ModelProblem {
  path: Array<string | number>;
  message: string;
}

export type NormaliseResult = { model: ModelSpec } | { problems: ModelProblem[] };

const positiveInt = z.int({ error: "must be a positive integer" }).positive({ error: "must be a positive integer" });
const shapeSchema = z.array(positiveInt).min(1, { error: "must list at least one dimension" });

const fileSchema = z.strictObject({
  name: z.string().min(1, { error: "must not be empty" }),
  description: z.string().optional(),
  input: z.strictObject({ shape: shapeSchema }),
  layers: z.array(z.unknown()).min(1, { error: "a model needs at least one layer" }),
});

const layerSchema = z.strictObject({
  name: z.string().min(1, { error: "must not be empty" }),
  kind: z.string().min(1, { error: "must not be empty" }).optional(),
  inputs: z.array(z.string()).min(1, { error: "must name at least one input (or be omitted)" }).optional(),
  outputShape: shapeSchema.optional(),
  outputBytes: positiveInt.multipleOf(4, { error: "must be a multiple of 4 (bytes of an fp32 tensor)" }).optional(),
  macs: z.number().nonnegative({ error: "must be a non-negative number" }),
  weightBytes: z.number().nonnegative({ error: "must be a non-negative number" }).optional(),
  params: z.int({ error: "must be a non-negative integer" }).nonnegative({ error: "must be a non-negative integer" }).optional(),
  // Checked by hand below: a zod union would only say "invalid input" for a malformed table.
  timeMs: z.unknown().optional(),
});

type Times = Record<string, Record<string, number>>;

export function normaliseModel(raw: unknown): NormaliseResult {
  const problems: ModelProblem[] = [];
  const top = fileSchema.safeParse(raw);
  if (!top.success) for (const issue of top.error.issues) problems.push(fromZod(issue, []));
  const rawLayers = isRecord(raw) && Array.isArray(raw["layers"]) ? (raw["layers"] as unknown[]) : [];

  const names = rawLayers.map((l) => (isRecord(l) && typeof l["name"] === "string" ? l["name"] : undefined));
  const layers: LayerSpec[] = [];
  rawLayers.forEach((rl, i) => {
    // Chain shorthand: an omitted `inputs` is the previous layer, or the model input for the first.
    const layer = checkLayer(rl, i, i === 0 ? INPUT : names[i - 1], problems);
    if (layer) layers.push(layer);
  });
  checkGraph(rawLayers, names, problems);

  if (problems.length > 0 || !top.success) return { problems: byLayer(problems) };
  const shape = top.data.input.shape;
  return { model: { name: top.data.name, input: { shape, elements: product(shape) }, layers } };
}

/** Field-level checks of one layer; returns the normalised layer when it has no such problem. */
function checkLayer(raw: unknown, i: number, previous: string | undefined, problems: ModelProblem[]): LayerSpec | null {
  const at = ["layers", i];
  const before = problems.length;
  const parsed = layerSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(fromZod(issue, at));
  if (!isRecord(raw)) return null;
  const has = (k: string): boolean => raw[k] !== undefined;
  if (has("outputShape") === has("outputBytes"))
    problems.push({ path: at, message: has("outputShape") ? "give only one of outputShape and outputBytes" : "give outputShape or outputBytes" });
  if (has("weightBytes") && has("params")) problems.push({ path: at, message: "give only one of weightBytes and params" });
  const timeMs = normaliseTimes(raw["timeMs"], [...at, "timeMs"], problems);
  if (!parsed.success || problems.length > before || previous === undefined) return null;

  const d = parsed.data;
  const outputShape = d.outputShape ?? null;
  return {
    name: d.name,
    kind: d.kind ?? "layer",
    inputs: d.inputs ?? [previous],
    outputShape,
    outputElements: outputShape ? product(outputShape) : (d.outputBytes ?? 0) / 4,
    macs: d.macs,
    weightBytes: d.weightBytes ?? (d.params ?? 0) * 4,
    timeMs,
  };
}

/** Names unique, `input` reserved, every input an earlier layer or `input` (a topological list). */
function checkGraph(rawLayers: unknown[], names: ReadonlyArray<string | undefined>, problems: ModelProblem[]): void {
  const firstAt = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === undefined) return;
    if (name === INPUT) problems.push({ path: ["layers", i, "name"], message: `"${INPUT}" is reserved for the model input` });
    const seen = firstAt.get(name);
    if (seen !== undefined) problems.push({ path: ["layers", i, "name"], message: `duplicate layer name "${name}" (also layer ${seen})` });
    else firstAt.set(name, i);
  });
  rawLayers.forEach((l, i) => {
    const inputs = isRecord(l) ? l["inputs"] : undefined;
    if (!Array.isArray(inputs)) return; // omitted: chain shorthand, always valid
    inputs.forEach((ref: unknown, k) => {
      if (typeof ref !== "string" || ref === INPUT) return;
      const j = firstAt.get(ref);
      if (j !== undefined && j < i) return;
      const path = ["layers", i, "inputs", k];
      if (j !== undefined)
        problems.push({ path, message: `input "${ref}" is layer ${j}, which does not come before this one (list layers in topological order)` });
      else problems.push({ path, message: `unknown input "${ref}"${didYouMean(ref, [INPUT, ...names.slice(0, i)])}` });
    });
  });
}

function normaliseTimes(raw: unknown, path: Array<string | number>, problems: ModelProblem[]): Times | null {
  if (raw === undefined) return null;
  if (isMs(raw)) return { "*": { "1": raw } };
  if (!isRecord(raw)) {
    problems.push({ path, message: 'must be milliseconds, { "<device>": ms } or { "<device>": { "<batch>": ms } }' });
    return null;
  }
  const out: Times = {};
  for (const [device, v] of Object.entries(raw)) {
    if (isMs(v)) out[device] = { "1": v };
    else if (isRecord(v) && Object.keys(v).length > 0) {
      const table: Record<string, number> = {};
      for (const [batch, t] of Object.entries(v)) {
        if (!/^[1-9][0-9]*$/.test(batch)) problems.push({ path: [...path, device, batch], message: "batch sizes are positive integers, e.g. \"1\" or \"8\"" });
        else if (!isMs(t)) problems.push({ path: [...path, device, batch], message: "must be a non-negative number of milliseconds" });
        else table[batch] = t;
      }
      out[device] = table;
    } else problems.push({ path: [...path, device], message: 'must be milliseconds or a non-empty { "<batch>": ms } table' });
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** File-level problems first, then layer by layer (stable, so each layer keeps its field order). */
function byLayer(problems: ModelProblem[]): ModelProblem[] {
  const key = (p: ModelProblem): number => (p.path[0] === "layers" && typeof p.path[1] === "number" ? p.path[1] : -1);
  return [...problems].sort((a, b) => key(a) - key(b));
}

function didYouMean(name: string, candidates: ReadonlyArray<string | undefined>): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === undefined) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean "${best}"?` : "";
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function fromZod(issue: z.core.$ZodIssue, prefix: Array<string | number>): ModelProblem {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
  return { path, message: issue.message };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isMs(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
