// What one bench case measures, as a child prints it (one JSON line) and the runner reads it.

export interface CaseResult {
  /** Case name as given on the command line (e.g. "hold-splitsim"). */
  case: string;
  /** The size the case ran at: pending events (hold) or requests (the others). */
  size: number;
  /** Events handled in the timed part. */
  events: number;
  /** Duration of the timed part, s (what events/s and requests/s divide by). */
  seconds: number;
  /** Requests (or customers) that went through, when the case has requests. */
  requests?: number;
  /** Wall time of a whole run as a user sees it (workload generation + simulation), s. */
  wallSeconds?: number;
  /** Peak resident set size of the child, MB (process.resourceUsage().maxRSS). */
  rssMB: number;
  /** Case-specific figures (mean sojourn, pending events, ...). */
  extra?: Record<string, number>;
  /** What ran, for the row's label (section 6: the CLI build the bin loaded, the SimPy and Python used). */
  label?: string;
  /** Why the case could not run on this machine (not a failure: its rows say so, the bench exits 0). */
  skipped?: string;
}

/** Peak RSS of this process so far, MB (maxRSS is in KiB on Linux). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
