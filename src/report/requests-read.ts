// Reads the columns of a run's requests.csv (written by `splitsim run --out`) that the report draws
// from, into typed arrays indexed by row. Rows may be in finish order; ids say which request a row
// is. A dropped request has NaN completion and latency. Quoted cells (a drop reason with a comma)
// are read as CSV defines them.
import { readFileSync } from "node:fs";
import { SplitsimError } from "../errors.js";

export interface RequestColumns {
  count: number;
  id: Float64Array;
  arrivalMs: Float64Array;
  /** NaN for a dropped request. */
  completionMs: Float64Array;
  latencyMs: Float64Array;
  queueingMs: Float64Array;
  computeMs: Float64Array;
  transferMs: Float64Array;
  /** 1 when the request is in the warm-up (left out of the report's latency figures). */
  warmup: Uint8Array;
  dropped: Uint8Array;
}

const NUMERIC = ["id", "arrivalMs", "completionMs", "latencyMs", "queueingMs", "computeMs", "transferMs"] as const;
const FLAGS = ["warmup", "dropped"] as const;

export function readRequestsCsv(file: string): RequestColumns {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SplitsimError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); a 'splitsim run --out' folder has one per scheduler`);
  }
  return parseRequestsCsv(text, file);
}

export function parseRequestsCsv(text: string, file: string): RequestColumns {
  const lines = text.split("\n");
  const header = splitCsvLine(lines[0] ?? "");
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = [...NUMERIC, ...FLAGS].filter((c) => !index.has(c));
  if (missing.length > 0) throw new SplitsimError(`${file}: not a requests.csv of splitsim (no column ${missing.join(", ")})`);
  let n = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i]!.trim() !== "") n++;
  const cols = {
    count: n,
    id: new Float64Array(n), arrivalMs: new Float64Array(n), completionMs: new Float64Array(n), latencyMs: new Float64Array(n),
    queueingMs: new Float64Array(n), computeMs: new Float64Array(n), transferMs: new Float64Array(n),
    warmup: new Uint8Array(n), dropped: new Uint8Array(n),
  };
  const at = (c: string) => index.get(c)!;
  let row = 0;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    if (raw.trim() === "") continue;
    const cells = raw.includes('"') ? splitCsvLine(raw) : raw.split(",");
    for (const c of NUMERIC) {
      const cell = cells[at(c)] ?? "";
      const v = cell === "" ? NaN : Number(cell);
      // Only completion and latency may be empty (a dropped request); anything else is a broken file.
      if (Number.isNaN(v) && !((c === "completionMs" || c === "latencyMs") && cell === "")) {
        throw new SplitsimError(`${file}:${i + 1}: ${c} is not a number ('${cell}')`);
      }
      cols[c][row] = v;
    }
    for (const c of FLAGS) cols[c][row] = cells[at(c)] === "true" ? 1 : 0;
    row++;
  }
  return cols;
}

/** One CSV record (RFC 4180 quoting; no line breaks inside cells, which requests.csv never has). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cell);
      cell = "";
    } else cell += ch;
  }
  out.push(cell);
  return out;
}
