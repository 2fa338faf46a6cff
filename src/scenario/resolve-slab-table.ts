// Resolves the scenario's `slabTable`: a CSV of measured slab times (model, layer, device, rows,
// ms; src/workload/slab-table.ts) read relative to the scenario, each row checked against the
// scenario's models (the layer must exist, the rows fit its height) and devices.
import { closestName } from "../closest-name.js";
import { getDevice } from "../workload/devices.js";
import type { ModelSpec } from "../workload/model-spec.js";
import { parseSlabTable, type SlabRow } from "../workload/slab-table.js";
import type { Problem, Reader } from "./problems.js";

export function resolveSlabTable(
  file: string, models: Readonly<Record<string, ModelSpec>>, devices: Readonly<Record<string, unknown>>, read: Reader, problems: Problem[],
): SlabRow[] {
  const at = ["slabTable"];
  const text = read(file);
  if (text === null) {
    problems.push({ path: at, message: `file not found: ${file}` });
    return [];
  }
  const r = parseSlabTable(text);
  if ("problems" in r) {
    for (const p of r.problems) problems.push({ path: at, message: `${file}:${p.line}: ${p.message}` });
    return [];
  }
  const before = problems.length;
  r.rows.forEach((row, i) => {
    const where = `${file}: row ${i + 1}`;
    const model = models[row.model];
    if (model === undefined) {
      problems.push({ path: at, message: `${where}: no model named '${row.model}' in the scenario (models: ${Object.keys(models).join(", ")})` });
      return;
    }
    const layer = model.layers.find((l) => l.name === row.layer);
    if (layer === undefined) {
      const hint = closestName(row.layer, model.layers.map((l) => l.name));
      problems.push({ path: at, message: `${where}: ${row.model} has no layer '${row.layer}'${hint === null ? "" : ` (did you mean '${hint}'?)`}` });
      return;
    }
    const shape = layer.outputShape;
    const height = shape !== null && shape.length >= 3 ? shape[shape.length - 2]! : 1;
    if (row.rows > height) problems.push({ path: at, message: `${where}: ${row.layer} has ${height} output rows, not ${row.rows}` });
    if (devices[row.device] === undefined && getDevice(row.device) === undefined)
      problems.push({ path: at, message: `${where}: unknown device '${row.device}' (a built-in or one of the scenario's devices)` });
  });
  return problems.length > before ? [] : r.rows;
}
