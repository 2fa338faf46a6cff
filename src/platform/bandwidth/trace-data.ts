// TraceData: a piecewise-constant bandwidth series as plain arrays, what every reader, generator
// and writer exchanges. Rates are in bit/s here (the units of the source files); the simulator's
// BandwidthTrace works in bytes/s.

export interface TraceData {
  /** Segment starts in integer ns from the trace origin (first = 0), strictly increasing. */
  startsNs: Float64Array;
  /** Rate of each segment in bit/s; segment i covers [startsNs[i], startsNs[i+1]) (the last: to durationNs). */
  bps: Float64Array;
  /** The span the data covers, ns. */
  durationNs: number;
  /** The period the trace loops with, ns. */
  periodNs: number;
}

/** Applies a scale factor and an optional floor (both in the trace's own units, bit/s). */
export function scaleTrace(t: TraceData, scale: number, floorBps: number): TraceData {
  return { ...t, bps: t.bps.map((r) => Math.max(r * scale, floorBps)) };
}
