// A model file's early exits -> ExitSpec[]. Each head is checked like a small layer list that
// starts from its `after` layer, and every problem is reported at its path (exits.<e>....).
import { z } from "zod";
import { INPUT, type ExitSpec, type LayerSpec } from "./model-spec.js";
import { checkLayerRefs } from "./layer-refs.js";
import { checkGeometries, checkLayer, didYouMean, fromZod, isRecord, type ModelProblem, type Path } from "./model-layer.js";

/** Top-1 accuracy in percent: (0, 100]. */
export const accuracySchema = z
  .number({ error: "must be a top-1 accuracy in percent, in (0, 100]" })
  .gt(0, { error: "must be a top-1 accuracy in percent, in (0, 100]" })
  .lte(100, { error: "must be a top-1 accuracy in percent, in (0, 100]" });

const exitSchema = z.strictObject({
  name: z.string().min(1, { error: "must not be empty" }),
  after: z.string().min(1, { error: "must name a layer" }),
  layers: z.array(z.unknown()).min(1, { error: "an exit head needs at least one layer" }),
  accuracy: accuracySchema,
});

/** What the exits are checked against: the main model's layers, as the file lists them. */
export interface MainLayers {
  /** Layer names in file order (undefined where a layer has no valid name). */
  names: ReadonlyArray<string | undefined>;
  /** First index of each name. */
  index: ReadonlyMap<string, number>;
  /** Output shapes of the layers that parsed (null: given only as bytes). */
  shapes: ReadonlyMap<string, readonly number[] | null>;
}

/**
 * The `exits` list, or undefined when absent or when it has problems (recorded). Rules: `after`
 * names a main layer other than the last (the last is the final exit); exits come in the order of
 * their `after` layers; head layers have their own names and read `after` or earlier head layers.
 */
export function normaliseExits(raw: unknown, main: MainLayers, problems: ModelProblem[]): ExitSpec[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ path: ["exits"], message: "must be a non-empty list of exits (omit it when the model has none)" });
    return undefined;
  }
  const before = problems.length;
  const exits: ExitSpec[] = [];
  const seen = new Map<string, number>();
  let lastAfter = -1;
  raw.forEach((re, e) => {
    const at: Path = ["exits", e];
    const parsed = exitSchema.safeParse(re);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(fromZod(issue, at));
    const r = isRecord(re) ? re : {};
    const name = typeof r["name"] === "string" ? r["name"] : undefined;
    if (name !== undefined && seen.has(name)) problems.push({ path: [...at, "name"], message: `duplicate exit name "${name}" (also exit ${seen.get(name)})` });
    else if (name !== undefined) seen.set(name, e);
    const after = typeof r["after"] === "string" ? r["after"] : undefined;
    const afterIndex = after === undefined ? -1 : checkAfter(after, [...at, "after"], main, lastAfter, problems);
    if (afterIndex >= 0) lastAfter = afterIndex;
    const layers = Array.isArray(r["layers"]) ? checkHead(r["layers"], at, after, main, problems) : null;
    if (parsed.success && layers !== null) exits.push({ name: parsed.data.name, after: parsed.data.after, layers, accuracy: parsed.data.accuracy });
  });
  return problems.length > before ? undefined : exits;
}

/** The index of layer `after`, or -1 with a problem. */
function checkAfter(after: string, path: Path, main: MainLayers, lastAfter: number, problems: ModelProblem[]): number {
  const i = main.index.get(after);
  if (after === INPUT) problems.push({ path, message: "an exit reads a layer's output, not the model input" });
  else if (i === undefined) problems.push({ path, message: `unknown layer "${after}"${didYouMean(after, main.names)}` });
  else if (i === main.names.length - 1) problems.push({ path, message: `"${after}" is the last layer, whose output is the final exit; an early exit comes before it` });
  else if (i < lastAfter)
    problems.push({ path, message: `exits are listed in the order of their after layers: "${after}" (layer ${i}) comes before "${main.names[lastAfter]}" (layer ${lastAfter}) of an earlier exit` });
  else return i;
  return -1;
}

/** The head's layers (chain shorthand from `after`), its names and references, and its geometry. */
function checkHead(raw: unknown[], at: Path, after: string | undefined, main: MainLayers, problems: ModelProblem[]): LayerSpec[] | null {
  const before = problems.length;
  const names = raw.map((l) => (isRecord(l) && typeof l["name"] === "string" ? l["name"] : undefined));
  const layerAt = (j: number): Path => [...at, "layers", j];
  const layers = raw.map((rl, j) => checkLayer(rl, layerAt(j), j === 0 ? after : names[j - 1], problems));
  const reads = `a head reads only its exit's after layer${after === undefined ? "" : ` "${after}"`} or earlier head layers`;
  checkLayerRefs(raw, names, {
    at: layerAt,
    label: "head layer",
    source: after,
    taken: (name) => (main.index.has(name) ? `"${name}" is layer ${main.index.get(name)} of the main model; a head layer needs its own name` : null),
    outside: (ref) => (ref === INPUT || main.index.has(ref) ? reads : null),
    order: reads,
  }, problems);
  if (after !== undefined && main.shapes.has(after))
    checkGeometries(layers, new Map([[after, main.shapes.get(after) ?? null]]), layerAt, problems);
  if (problems.length > before || layers.some((l) => l === null)) return null;
  return layers as LayerSpec[];
}
