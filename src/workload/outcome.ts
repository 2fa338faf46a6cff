// RequestOutcome: what a scheduler decided for one request beyond its plan — the exit it took, a
// cache hit, bits per boundary tensor, a mode — written by the scheduler, read by the report and by
// requests.csv (the columns its factory declares). Values are plain, so a row is easy to print.

/** A cell of requests.csv: a number, text, a flag, or a list of numbers (written joined by ";"). */
export type OutcomeValue = string | number | boolean | readonly number[];

export interface RequestOutcome {
  /** The early exit taken (its name), when the request left the model before its last layer. */
  exit?: string;
  /** The request was answered from a cache (no offloading). */
  cacheHit?: boolean;
  /** Bits per element of each boundary tensor, in the boundary's order. */
  bitsPerTensor?: readonly number[];
  /** A policy's mode for this request (e.g. "local", "offload", "partition"). */
  mode?: string;
  /**
   * Estimated accuracy loss in percentage points, replacing the plan's (an early exit or a cache
   * answer loses accuracy that the plan's cut and bits do not show).
   */
  accuracyLossPct?: number;
  /** The label the policy answered with or assumed (e.g. a cache's label). */
  label?: string;
  /** Any other column the scheduler's factory declares in `requestColumns`. */
  [column: string]: OutcomeValue | undefined;
}

/** The text of an outcome value in a CSV cell ("" when absent). */
export function outcomeCell(v: OutcomeValue | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "object") return v.join(";");
  return String(v);
}
