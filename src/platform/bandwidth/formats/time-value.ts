// Two-column `t_s value_Mbps` traces (Pensieve FCC/Norway, Lumos5G), whitespace-separated (tabs or
// spaces). Pensieve's convention (sim/env.py): the value on line i holds over (t(i−1), t(i)], so the
// first value is unused; origin t(first); duration = loop period = t(last) − t(first). A repeated
// timestamp (Lumos5G 4G files have one) gives its value an empty interval (t, t]: it is skipped,
// exactly as Pensieve's simulator would never use it.
import { readTwoColumn } from "./two-column.js";
import type { ParsedTrace } from "./types.js";

export function readTimeValue(text: string, file: string): ParsedTrace {
  return readTwoColumn(text, file, { format: "time-value", nsPerTimeUnit: 1e9, bpsPerValueUnit: 1e6, hold: "backward" });
}
