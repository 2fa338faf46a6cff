// Helpers shared by the readers: splitting text into numbered data lines, strict number parsing
// with file:line errors, and a builder that turns contiguous [start, end) pieces into a ParsedTrace.
import { TraceFormatError, type ParsedTrace, type TraceFormat } from "./types.js";

export interface DataLine {
  /** 1-based physical line number in the file. */
  no: number;
  text: string;
}

/**
 * The file's lines with their numbers. A trailing newline, CRLF endings and a UTF-8 BOM are
 * tolerated; blank lines are dropped unless `keepBlank` (mahimahi rejects them, like mm-link).
 */
export function splitLines(text: string, keepBlank = false): DataLine[] {
  const raw = text.replace(/^\uFEFF/, "").split("\n");
  if (raw.length > 0 && raw[raw.length - 1]!.trim() === "") raw.pop(); // the final newline
  const out: DataLine[] = [];
  raw.forEach((l, i) => {
    const t = l.endsWith("\r") ? l.slice(0, -1) : l;
    if (keepBlank || t.trim() !== "") out.push({ no: i + 1, text: t });
  });
  return out;
}

/** Throws the "empty file" error when there is no data line. */
export function requireLines(lines: readonly DataLine[], file: string): void {
  if (lines.length === 0) throw new TraceFormatError(file, null, "empty file (no data lines)");
}

// Plain decimal numbers only: Number() would also accept "", "0x10", "Infinity" and " 1 ".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/** A finite decimal number, or a TraceFormatError naming the field. */
export function parseNumber(s: string, file: string, line: number, what: string): number {
  const v = DECIMAL.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(v)) throw new TraceFormatError(file, line, `non-numeric ${what} "${s}"`);
  return v;
}

/** A rate that must be >= 0. */
export function parseRate(s: string, file: string, line: number, what: string): number {
  const v = parseNumber(s, file, line, what);
  if (v < 0) throw new TraceFormatError(file, line, `negative rate ${s}`);
  return v;
}

/** Splits on any run of whitespace (tabs or spaces) and checks the field count. */
export function fields(l: DataLine, file: string, count: number, sep: RegExp | string = /\s+/): string[] {
  const f = (typeof sep === "string" ? l.text.split(sep) : l.text.trim().split(sep)).map((x) => x.trim());
  if (f.length !== count) throw new TraceFormatError(file, l.no, `wrong column count: expected ${count}, got ${f.length}`);
  return f;
}

/**
 * Collects contiguous pieces [startNs, endNs) at a rate: empty pieces are dropped and a piece at
 * the same rate as the previous one extends it (fewer segments, same function of time).
 */
export class SegmentBuilder {
  private readonly starts: number[] = [];
  private readonly rates: number[] = [];
  private end = 0;

  add(startNs: number, endNs: number, bps: number): void {
    if (!(endNs > startNs)) return;
    const n = this.rates.length;
    if (n > 0 && this.rates[n - 1] === bps) {
      this.end = endNs;
      return;
    }
    this.starts.push(startNs);
    this.rates.push(bps);
    this.end = endNs;
  }

  /** The finished trace; throws when it carries nothing (all rates 0) or is too long for exact ns. */
  build(format: TraceFormat, file: string, durationNs: number, periodNs: number, lines: number): ParsedTrace {
    if (this.rates.length === 0 || !(durationNs > 0)) throw new TraceFormatError(file, null, "the trace spans no time (needs two distinct timestamps)");
    if (!Number.isSafeInteger(durationNs) || !Number.isSafeInteger(periodNs)) {
      throw new TraceFormatError(file, null, "the trace is too long to hold in integer nanoseconds");
    }
    if (this.starts[0] !== 0 || this.end !== durationNs) throw new Error(`internal: ${format} pieces do not cover [0, duration]`);
    if (!this.rates.some((r) => r > 0)) throw new TraceFormatError(file, null, "every rate is 0 (the trace carries nothing)");
    return { format, startsNs: Float64Array.from(this.starts), bps: Float64Array.from(this.rates), durationNs, periodNs, lines };
  }
}

/** Seconds (or ms with scale 1e6) to integer ns, rounded so that float text like 0.1 lands exactly.
 *  `+ 0` turns a -0 (a tiny negative time such as -5e-324 rounds to it) into 0: -0 is not a valid trace start. */
export function toNs(t: number, nsPerUnit: number): number {
  return Math.round(t * nsPerUnit) + 0;
}
