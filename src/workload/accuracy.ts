// Accuracy loss of sending a cut's boundary at b bits: a measured table per model (per cut, or one
// row for every cut), falling back to the default curve of quantization.ts. Each row must be
// non-increasing in bits (more bits never lose more accuracy); a bit width a row does not give
// takes the value of the next lower width it does give (the pessimistic choice).
import { accuracyLossPct as defaultLossPct, isWireBits, WIRE_BITS } from "./quantization.js";

/** bits -> loss in percentage points. */
export type LossRow = Readonly<Record<string, number>>;

export interface AccuracyTable {
  /** Loss for every cut without its own row. */
  default: LossRow | null;
  /** Cut label (the last layer run upstream) -> row. */
  cuts: Readonly<Record<string, LossRow>>;
}

export interface AccuracyProblem {
  path: Array<string | number>;
  message: string;
}

/** Validates a table given as JSON: `{ "default"?: { "8": 0.1, ... }, "cuts"?: { "<layer>": { ... } } }`. */
export function parseAccuracyTable(raw: unknown, layerNames: readonly string[]): { table: AccuracyTable } | { problems: AccuracyProblem[] } {
  const problems: AccuracyProblem[] = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { problems: [{ path: [], message: "an accuracy table is an object with default and/or cuts" }] };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (key !== "default" && key !== "cuts") problems.push({ path: [key], message: "unknown key (expected default or cuts)" });
  const def = obj["default"] === undefined ? null : checkRow(obj["default"], ["default"], problems);
  const cuts: Record<string, LossRow> = {};
  const rawCuts = obj["cuts"] ?? {};
  if (rawCuts === null || typeof rawCuts !== "object" || Array.isArray(rawCuts)) problems.push({ path: ["cuts"], message: "must map cut names to rows" });
  else {
    for (const [cut, row] of Object.entries(rawCuts)) {
      if (cut !== "input" && !layerNames.includes(cut)) problems.push({ path: ["cuts", cut], message: `the model has no layer '${cut}'` });
      const r = checkRow(row, ["cuts", cut], problems);
      if (r !== null) cuts[cut] = r;
    }
  }
  return problems.length > 0 ? { problems } : { table: { default: def, cuts } };
}

function checkRow(raw: unknown, path: Array<string | number>, problems: AccuracyProblem[]): LossRow | null {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path, message: "a row maps bits to the accuracy lost, in percentage points" });
    return null;
  }
  const row: Record<string, number> = {};
  for (const [bits, loss] of Object.entries(raw)) {
    if (!isWireBits(Number(bits))) problems.push({ path: [...path, bits], message: `bits must be one of ${WIRE_BITS.join(", ")}` });
    else if (typeof loss !== "number" || !(loss >= 0 && loss <= 100)) problems.push({ path: [...path, bits], message: "must be a loss between 0 and 100 points" });
    else row[bits] = loss;
  }
  const given = Object.keys(row).map(Number).sort((a, b) => a - b);
  for (let i = 1; i < given.length; i++) {
    if (row[given[i]!]! > row[given[i - 1]!]!) {
      problems.push({ path: [...path, String(given[i])], message: `more bits may not lose more accuracy (${given[i]} bits: ${row[given[i]!]}, ${given[i - 1]} bits: ${row[given[i - 1]!]})` });
    }
  }
  return row;
}

/** Loss for (cut, bits) under `table` (or the default curve when there is no table or row). */
export function lookupLossPct(table: AccuracyTable | null, cut: string, bits: number): number {
  const row = table === null ? null : (table.cuts[cut] ?? table.default);
  if (row !== null) {
    let best = -1;
    for (const key of Object.keys(row)) {
      const b = Number(key);
      if (b <= bits && b > best) best = b;
    }
    if (best >= 0) return row[String(best)]!;
    // Fewer bits than the row knows: the default curve, but never below the row's own worst
    // value, so the result stays non-increasing in bits.
    const lowest = Math.min(...Object.keys(row).map(Number));
    if (Number.isFinite(lowest)) return Math.max(defaultLossPct(bits), row[String(lowest)]!);
  }
  return defaultLossPct(bits);
}
