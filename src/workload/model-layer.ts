// One layer of a model file -> LayerSpec, with every field-level problem at its path; shared by
// the main layer list (model-file.ts) and the early-exit heads (model-exits.ts).
import { z } from "zod";
import { geometryMismatch, normaliseGeometry } from "./layer-geometry.js";
import type { LayerSpec } from "./model-spec.js";

export interface ModelProblem {
  path: Array<string | number>;
  message: string;
}

export type Path = Array<string | number>;

const positiveInt = z.int({ error: "must be a positive integer" }).positive({ error: "must be a positive integer" });
export const shapeSchema = z.array(positiveInt).min(1, { error: "must list at least one dimension" });

const layerSchema = z.strictObject({
  name: z.string().min(1, { error: "must not be empty" }),
  kind: z.string().min(1, { error: "must not be empty" }).optional(),
  inputs: z.array(z.string()).min(1, { error: "must name at least one input (or be omitted)" }).optional(),
  outputShape: shapeSchema.optional(),
  outputBytes: positiveInt.multipleOf(4, { error: "must be a multiple of 4 (bytes of an fp32 tensor)" }).optional(),
  macs: z.number().nonnegative({ error: "must be a non-negative number" }),
  weightBytes: z.number().nonnegative({ error: "must be a non-negative number" }).optional(),
  params: z.int({ error: "must be a non-negative integer" }).nonnegative({ error: "must be a non-negative integer" }).optional(),
  // Checked by hand: a zod union would only say "invalid input" for a malformed table or pair.
  timeMs: z.unknown().optional(),
  geometry: z.unknown().optional(),
});

type Times = Record<string, Record<string, number>>;

/**
 * Field-level checks of one layer at path `at`; returns the normalised layer when it has no such
 * problem. `previous` is what an omitted `inputs` means (chain shorthand); undefined if unknown.
 */
export function checkLayer(raw: unknown, at: Path, previous: string | undefined, problems: ModelProblem[]): LayerSpec | null {
  const before = problems.length;
  const parsed = layerSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(fromZod(issue, at));
  if (!isRecord(raw)) return null;
  const has = (k: string): boolean => raw[k] !== undefined;
  if (has("outputShape") === has("outputBytes"))
    problems.push({ path: at, message: has("outputShape") ? "give only one of outputShape and outputBytes" : "give outputShape or outputBytes" });
  if (has("weightBytes") && has("params")) problems.push({ path: at, message: "give only one of weightBytes and params" });
  const timeMs = normaliseTimes(raw["timeMs"], [...at, "timeMs"], problems);
  const geometry = normaliseGeometry(raw["geometry"], [...at, "geometry"], problems);
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
    ...(geometry ? { geometry } : {}),
  };
}

function normaliseTimes(raw: unknown, path: Path, problems: ModelProblem[]): Times | null {
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

/** `; did you mean "x"?` for the closest candidate within a few edits, else "". */
export function didYouMean(name: string, candidates: ReadonlyArray<string | undefined>): string {
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

export function fromZod(issue: z.core.$ZodIssue, prefix: Path): ModelProblem {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
  return { path, message: issue.message };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isMs(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0;
}

export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Each layer's geometry against its input and output shapes, where both are known. `shapes` holds
 * the tensors the layers may read (name -> shape, null if given only as bytes); it gains each layer.
 */
export function checkGeometries(
  layers: ReadonlyArray<LayerSpec | null>, shapes: Map<string, readonly number[] | null>, at: (i: number) => Path, problems: ModelProblem[],
): void {
  layers.forEach((l, i) => {
    if (l === null) return;
    const g = l.geometry;
    if (g !== undefined && l.inputs.length !== 1)
      problems.push({ path: [...at(i), "geometry"], message: `describes a layer with one input; this one reads ${l.inputs.length}` });
    else if (g !== undefined) {
      const inShape = shapes.get(l.inputs[0]!);
      const why = inShape && l.outputShape ? geometryMismatch(g, inShape, l.outputShape) : null;
      if (why !== null) problems.push({ path: [...at(i), "geometry"], message: why });
    }
    shapes.set(l.name, l.outputShape);
  });
}
