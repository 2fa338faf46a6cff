// Time-weighted summary statistics of a parsed trace (the conventions of shared/traces/README.md):
// mean = Σ rate·dur / Σ dur over [0, duration]; the q-th percentile is the smallest rate v whose
// share of time at ≤ v is at least q. `inspectTrace` reads mahimahi in 1-s bins unless told.
import { readTrace, type ParsedTrace, type TraceFormat, type TraceReadOptions } from "./formats/index.js";

export interface TraceStats {
  durationS: number;
  meanMbps: number;
  medianMbps: number;
  p5Mbps: number;
  p95Mbps: number;
}

export interface TraceInspection extends TraceStats {
  file: string;
  format: TraceFormat;
  loopPeriodS: number;
  lines: number;
}

// Relative slack when comparing cumulative time with q·total: many real traces put a percentile
// exactly on a boundary between two rates (the rule then takes the lower one). Durations are
// integer ns, so the cumulative sums are exact; the slack absorbs the rounding of q·total.
const TOLERANCE = 1e-9;

export function traceStats(t: ParsedTrace): TraceStats {
  const n = t.bps.length;
  const dur = new Float64Array(n);
  let total = 0;
  let area = 0;
  for (let i = 0; i < n; i++) {
    const end = i + 1 < n ? t.startsNs[i + 1]! : t.durationNs;
    dur[i] = end - t.startsNs[i]!;
    total += dur[i]!;
    area += t.bps[i]! * dur[i]!;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t.bps[a]! - t.bps[b]!);
  const percentile = (q: number): number => {
    let cum = 0;
    for (const i of order) {
      cum += dur[i]!;
      if (cum >= q * total - TOLERANCE * total) return t.bps[i]!;
    }
    return t.bps[order[n - 1]!]!;
  };
  return {
    durationS: t.durationNs / 1e9,
    meanMbps: area / total / 1e6,
    medianMbps: percentile(0.5) / 1e6,
    p5Mbps: percentile(0.05) / 1e6,
    p95Mbps: percentile(0.95) / 1e6,
  };
}

/** Reads and summarises one trace file's text (mahimahi: 1000-ms bins unless opts.binMs). */
export function inspectTrace(text: string, file: string, format: TraceFormat | "auto", opts: TraceReadOptions = {}): TraceInspection {
  const r = readTrace(text, file, format, { ...opts, binMs: opts.binMs ?? 1000 });
  return { file, format: r.format, loopPeriodS: r.trace.periodNs / 1e9, lines: r.trace.lines, ...traceStats(r.trace) };
}
