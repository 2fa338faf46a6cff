// results.jsonl, the contract between `splitsim sweep`/`merge` and `splitsim compare`. One run per
// line, keys in this order:
//   { "key": <run key, 16 hex>, "point": { <swept path>: <value>, ..., "trace.<link>": <trace file,
//     relative to the scenario's folder> }, "scheduler": <instance name>, "seed": <n>,
//     "report": <the full RunReport as runScenario returns it> }
// or, for a failed run, "error": "<message>" instead of "report". A line is written whole, by one
// append from the main thread; a last line without its newline is a cut-off write and is dropped.
import { appendFileSync, existsSync, readFileSync, renameSync, truncateSync, writeFileSync } from "node:fs";
import { SplitsimError } from "../errors.js";

export interface ResultLine {
  key: string;
  point: Record<string, unknown>;
  scheduler: string;
  seed: number;
  report?: unknown;
  error?: string;
}

/** A line as read: its 1-based number, its exact text (without the newline) and its content. */
export interface ReadLine {
  line: number;
  text: string;
  entry: ResultLine;
}

export interface ReadResults {
  lines: ReadLine[];
  /** A last line cut off by a kill (no newline): its number, or null. */
  partialLine: number | null;
  /** Bytes up to the end of the last complete line. */
  completeBytes: number;
}

/** The line's text with its newline, keys in the contract's order. */
export function formatLine(l: ResultLine): string {
  const head = { key: l.key, point: l.point, scheduler: l.scheduler, seed: l.seed };
  return `${JSON.stringify(l.error === undefined ? { ...head, report: l.report } : { ...head, error: l.error })}\n`;
}

/** Reads every complete line; a corrupt one is an error naming the file and line. */
export function readResultLines(file: string): ReadResults {
  if (!existsSync(file)) return { lines: [], partialLine: null, completeBytes: 0 };
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(0x0a) + 1;
  const text = buf.subarray(0, end).toString("utf8");
  const rows = text.split("\n").slice(0, -1);
  const lines: ReadLine[] = [];
  rows.forEach((row, i) => {
    if (row.trim() === "") return;
    const entry = parseLine(row);
    if (typeof entry === "string") {
      throw new SplitsimError(`${file}:${i + 1}: corrupt line (${entry}); a sweep writes whole lines only, so the file was changed by hand or by another program: repair or delete that line`);
    }
    lines.push({ line: i + 1, text: row, entry });
  });
  return { lines, partialLine: end < buf.length ? rows.length + 1 : null, completeBytes: end };
}

/** The entry, or why the text is not a result line. */
function parseLine(row: string): ResultLine | string {
  let v: unknown;
  try {
    v = JSON.parse(row);
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "not a JSON object";
  const o = v as Record<string, unknown>;
  if (typeof o["key"] !== "string" || !/^[0-9a-f]{16}$/.test(o["key"])) return "no run key (16 hex digits)";
  if (o["point"] === null || typeof o["point"] !== "object" || Array.isArray(o["point"])) return "no point object";
  if (typeof o["scheduler"] !== "string" || o["scheduler"] === "") return "no scheduler";
  if (typeof o["seed"] !== "number" || !Number.isSafeInteger(o["seed"])) return "no seed";
  if ((o["report"] === undefined) === (o["error"] === undefined)) return "a run holds either a report or an error (exactly one)";
  if (o["error"] !== undefined && typeof o["error"] !== "string") return "the error is not a string";
  return o as unknown as ResultLine;
}

/** Cuts the file after its last complete line, so that the next append starts a line of its own. */
export function dropPartialLine(file: string, completeBytes: number): void {
  truncateSync(file, completeBytes);
}

export function appendLine(file: string, text: string): void {
  appendFileSync(file, text);
}

/** Replaces the file in one rename, so that a reader (or a kill) sees the old file or the new one. */
export function writeFileAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * One line per run: the report line when the run ever succeeded (a failure re-run later), else the
 * last error. Lines keep their exact text, so a rewrite never changes a result by re-encoding it.
 */
export function bestLines(lines: readonly ReadLine[]): Map<string, ReadLine> {
  const best = new Map<string, ReadLine>();
  for (const l of lines) {
    const seen = best.get(l.entry.key);
    if (seen === undefined || seen.entry.error !== undefined) best.set(l.entry.key, l);
  }
  return best;
}
