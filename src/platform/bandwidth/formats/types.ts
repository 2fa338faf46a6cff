// Shared types of the trace-file readers: the formats, their options, the parsed piecewise-constant
// series (rates in bit/s over integer-ns segment starts from the trace origin) and the error.
import { SplitsimError } from "../../../errors.js";

export type TraceFormat = "mahimahi" | "time-value" | "oboe" | "ucc" | "csv";
export const TRACE_FORMATS: readonly TraceFormat[] = ["mahimahi", "time-value", "oboe", "ucc", "csv"];

export interface TraceReadOptions {
  /** mahimahi bin width in ms (default 1, which reproduces mm-link exactly). */
  binMs?: number;
  /** ucc value column (default "DL_bitrate", kbit/s). */
  column?: string;
}

/** Structurally a TraceData (trace-data.ts) plus where it came from. */
export interface ParsedTrace {
  format: TraceFormat;
  /** Segment starts in integer ns from the trace origin (first = 0), strictly increasing. */
  startsNs: Float64Array;
  /** Rate of each segment in bit/s (>= 0). Segment i covers [startsNs[i], startsNs[i+1]) and the last one up to durationNs. */
  bps: Float64Array;
  /** The span the data covers, ns (the statistics window). */
  durationNs: number;
  /** The loop period the format defines, ns (mahimahi: last timestamp T; time-value/oboe: t(last) − t(first); ucc: duration; csv: last time). */
  periodNs: number;
  /** Data lines (rows for ucc, header excluded). */
  lines: number;
}

/** A trace file that cannot be read; `line` is the 1-based physical line, null for whole-file problems. */
export class TraceFormatError extends SplitsimError {
  override readonly name = "TraceFormatError";
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${message}`);
  }
}

/** The --format choices, for messages. */
export const FORMAT_CHOICES = `--format ${TRACE_FORMATS.join("|")}`;
