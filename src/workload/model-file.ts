// Model files (JSON) -> ModelSpec. Reports every problem at once, each with its path, so a user
// fixes a file in one pass; a returned ModelSpec is topologically ordered with unique names.
import { z } from "zod";
import { accuracySchema, normaliseExits } from "./model-exits.js";
import { checkLayerRefs } from "./layer-refs.js";
import { checkGeometries, checkLayer, fromZod, isRecord, product, shapeSchema, type ModelProblem } from "./model-layer.js";
import { INPUT, type LayerSpec, type ModelSpec } from "./model-spec.js";

export type { ModelProblem } from "./model-layer.js";

export type NormaliseResult = { model: ModelSpec } | { problems: ModelProblem[] };

const fileSchema = z.strictObject({
  name: z.string().min(1, { error: "must not be empty" }),
  description: z.string().optional(),
  input: z.strictObject({ shape: shapeSchema }),
  layers: z.array(z.unknown()).min(1, { error: "a model needs at least one layer" }),
  // Checked in model-exits.ts, which reports each exit's problems at its own path.
  exits: z.unknown().optional(),
  accuracy: accuracySchema.optional(),
});

export function normaliseModel(raw: unknown): NormaliseResult {
  const problems: ModelProblem[] = [];
  const top = fileSchema.safeParse(raw);
  if (!top.success) for (const issue of top.error.issues) problems.push(fromZod(issue, []));
  const rawLayers = isRecord(raw) && Array.isArray(raw["layers"]) ? (raw["layers"] as unknown[]) : [];

  const names = rawLayers.map((l) => (isRecord(l) && typeof l["name"] === "string" ? l["name"] : undefined));
  // Chain shorthand: an omitted `inputs` is the previous layer, or the model input for the first.
  const parsed = rawLayers.map((rl, i) => checkLayer(rl, ["layers", i], i === 0 ? INPUT : names[i - 1], problems));
  const index = checkGraph(rawLayers, names, problems);
  const inputShape = top.success ? top.data.input.shape : null;
  const shapes = new Map<string, readonly number[] | null>([[INPUT, inputShape]]);
  checkGeometries(parsed, shapes, (i) => ["layers", i], problems);
  const exits = normaliseExits(isRecord(raw) ? raw["exits"] : undefined, { names, index, shapes }, problems);

  if (problems.length > 0 || !top.success || inputShape === null) return { problems: byLayer(problems) };
  const layers = parsed.filter((l): l is LayerSpec => l !== null);
  const accuracy = top.data.accuracy;
  return {
    model: {
      name: top.data.name, input: { shape: inputShape, elements: product(inputShape) }, layers,
      // Absent rather than undefined or []: a model without them hashes as it did before they existed.
      ...(exits ? { exits } : {}),
      ...(accuracy !== undefined ? { accuracy } : {}),
    },
  };
}

/**
 * Names unique, `input` reserved, every input an earlier layer or `input` (a topological list).
 * Returns the first index of each name.
 */
function checkGraph(rawLayers: unknown[], names: ReadonlyArray<string | undefined>, problems: ModelProblem[]): Map<string, number> {
  return checkLayerRefs(rawLayers, names, {
    at: (i) => ["layers", i],
    label: "layer",
    source: INPUT,
    taken: () => null,
    outside: () => null,
    order: "list layers in topological order",
  }, problems);
}

/** File-level problems first, then layer by layer, then the exits (stable, so each keeps its field order). */
function byLayer(problems: ModelProblem[]): ModelProblem[] {
  const key = (p: ModelProblem): number =>
    p.path[0] === "layers" && typeof p.path[1] === "number" ? p.path[1] : p.path[0] === "exits" ? Number.MAX_SAFE_INTEGER : -1;
  return [...problems].sort((a, b) => key(a) - key(b));
}
