// Measured slab times (HALP §1.5): ms for `rows` output rows of a model layer on a device, at
// batch 1, from a CSV file `model,layer,device,rows,ms`. GPUs are far from linear in the rows of a
// thin slab (a fixed launch and a tail of idle cores), which a measured table captures and the
// roofline's "overhead + share of the rest" only approximates. Between measured row counts the
// time is interpolated linearly; below the thinnest measured slab it is that slab's time (a thinner
// slab is no cheaper); above the thickest it grows in proportion to the rows. A batch of b costs b
// times a slab (no batching gain is assumed for measured times, as for a model file's times).

/** One measured slab. */
export interface SlabRow {
  model: string;
  layer: string;
  device: string;
  rows: number;
  ms: number;
}

/** Looks up slab times; built once per run from the scenario's rows. */
export class SlabTable {
  private readonly points = new Map<string, Array<[rows: number, ms: number]>>();

  constructor(rows: readonly SlabRow[]) {
    for (const r of rows) {
      const key = SlabTable.key(r.model, r.layer, r.device);
      const list = this.points.get(key) ?? [];
      list.push([r.rows, r.ms]);
      this.points.set(key, list);
    }
    for (const list of this.points.values()) list.sort((a, b) => a[0] - b[0]);
  }

  private static key(model: string, layer: string, device: string): string {
    return `${model}\u0000${layer}\u0000${device}`;
  }

  /** Whether the table measures this layer on this device at all. */
  has(model: string, layer: string, device: string): boolean {
    return this.points.has(SlabTable.key(model, layer, device));
  }

  /** ms of `rows` rows at batch 1, or null when the table does not measure this layer on this device. */
  ms(model: string, layer: string, device: string, rows: number): number | null {
    const list = this.points.get(SlabTable.key(model, layer, device));
    if (list === undefined) return null;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    if (rows <= first[0]) return first[1];
    if (rows >= last[0]) return (last[1] * rows) / last[0];
    let k = 1;
    while (list[k]![0] < rows) k++;
    const [r1, t1] = list[k - 1]!;
    const [r2, t2] = list[k]!;
    return t1 + ((t2 - t1) * (rows - r1)) / (r2 - r1);
  }
}

/** A problem in the file: its line (1-based) and what is wrong. */
export interface SlabTableProblem {
  line: number;
  message: string;
}

const HEADER = ["model", "layer", "device", "rows", "ms"];

/** Parses the CSV text; every bad line is reported, not only the first. */
export function parseSlabTable(text: string): { rows: SlabRow[] } | { problems: SlabTableProblem[] } {
  const lines = text.split(/\r?\n/);
  const problems: SlabTableProblem[] = [];
  const head = (lines[0] ?? "").split(",").map((c) => c.trim());
  if (head.join(",") !== HEADER.join(",")) return { problems: [{ line: 1, message: `the header must be '${HEADER.join(",")}', got '${lines[0] ?? ""}'` }] };
  const rows: SlabRow[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === "" || raw.startsWith("#")) continue;
    const cells = raw.split(",").map((c) => c.trim());
    if (cells.length !== 5) {
      problems.push({ line: i + 1, message: `expected 5 values (${HEADER.join(", ")}), got ${cells.length}` });
      continue;
    }
    const [model, layer, device, rowsText, msText] = cells as [string, string, string, string, string];
    const r = Number(rowsText);
    const ms = Number(msText);
    if (!(Number.isInteger(r) && r >= 1)) problems.push({ line: i + 1, message: `rows must be a whole number >= 1, got '${rowsText}'` });
    else if (!(Number.isFinite(ms) && ms > 0)) problems.push({ line: i + 1, message: `ms must be a number > 0, got '${msText}'` });
    else if (seen.has(`${model},${layer},${device},${r}`)) problems.push({ line: i + 1, message: `${model} ${layer} on ${device} at ${r} rows is given twice` });
    else {
      seen.add(`${model},${layer},${device},${r}`);
      rows.push({ model, layer, device, rows: r, ms });
    }
  }
  return problems.length > 0 ? { problems } : { rows };
}
