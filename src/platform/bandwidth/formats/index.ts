// Trace-file readers: pure functions of the file text (no I/O) giving a ParsedTrace in bit/s over
// integer-ns segments, for every format splitsim reads; `auto` detects the format from the content.
import { readCsv } from "./csv.js";
import { detectFormat } from "./detect.js";
import { readMahimahi } from "./mahimahi.js";
import { readOboe } from "./oboe.js";
import { readTimeValue } from "./time-value.js";
import { readUcc } from "./ucc.js";
import type { ParsedTrace, TraceFormat, TraceReadOptions } from "./types.js";

export { detectFormat } from "./detect.js";
export { TRACE_FORMATS, TraceFormatError } from "./types.js";
export type { ParsedTrace, TraceFormat, TraceReadOptions } from "./types.js";

export function readTrace(
  text: string,
  file: string,
  format: TraceFormat | "auto",
  opts: TraceReadOptions = {},
): { trace: ParsedTrace; format: TraceFormat; detected: boolean } {
  const detected = format === "auto";
  const f = format === "auto" ? detectFormat(text, file) : format;
  return { trace: readAs(text, file, f, opts), format: f, detected };
}

function readAs(text: string, file: string, format: TraceFormat, opts: TraceReadOptions): ParsedTrace {
  switch (format) {
    case "mahimahi":
      return readMahimahi(text, file, opts.binMs);
    case "time-value":
      return readTimeValue(text, file);
    case "oboe":
      return readOboe(text, file);
    case "ucc":
      return readUcc(text, file, opts.column);
    case "csv":
      return readCsv(text, file);
  }
}
