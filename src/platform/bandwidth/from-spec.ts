// Builds a BandwidthTrace from a scenario's resolved bandwidth (constant or inline profile).
// Mbit/s are 10^6 bits/s, so 1 Mbit/s = 125,000 bytes/s.
import { sec } from "../../core/time.js";
import type { Bandwidth } from "../../scenario/types.js";
import { BandwidthTrace } from "./trace.js";

export const BYTES_PER_SEC_PER_MBPS = 125_000;

export function traceFromSpec(bw: Bandwidth): BandwidthTrace {
  if (bw.kind === "constant") return BandwidthTrace.constant(bw.mbps * BYTES_PER_SEC_PER_MBPS);
  const starts = bw.points.map(([t]) => sec(t));
  const rates = bw.points.map(([, mbps]) => mbps * BYTES_PER_SEC_PER_MBPS);
  if (!bw.loop) return new BandwidthTrace(starts, rates);
  const periodS = bw.periodS ?? bw.points[bw.points.length - 1]![0];
  return new BandwidthTrace(starts, rates, { periodNs: sec(periodS) });
}
