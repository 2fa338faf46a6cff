// Oboe traces: `t_ms value_kbps`, space-separated, two lines per video chunk (start and end, same
// value). Each value holds from its timestamp until the next line's (a chunk's rate also covers the
// idle gap after it); the last value is unused; origin t(first); duration = period = t(last) − t(first).
import { readTwoColumn } from "./two-column.js";
import type { ParsedTrace } from "./types.js";

export function readOboe(text: string, file: string): ParsedTrace {
  return readTwoColumn(text, file, { format: "oboe", nsPerTimeUnit: 1e6, bpsPerValueUnit: 1e3, hold: "forward" });
}
