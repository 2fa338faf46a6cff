// Builds a link's BandwidthTrace from the scenario's resolved bandwidth (constant, inline profile,
// or a trace's data) and the trace offset of this (scenario, seed). Mbit/s are 10^6 bit/s, so
// 1 Mbit/s = 125,000 bytes/s.
import { sec, type Time } from "../../core/time.js";
import type { Bandwidth } from "../platform-spec.js";
import { BandwidthTrace } from "./trace.js";

export const BYTES_PER_SEC_PER_MBPS = 125_000;

export function traceFromSpec(bw: Bandwidth, offsetNs: Time = 0): BandwidthTrace {
  switch (bw.kind) {
    case "constant":
      return BandwidthTrace.constant(bw.mbps * BYTES_PER_SEC_PER_MBPS);
    case "profile": {
      const starts = bw.points.map(([t]) => sec(t));
      const rates = bw.points.map(([, mbps]) => mbps * BYTES_PER_SEC_PER_MBPS);
      if (!bw.loop) return new BandwidthTrace(starts, rates);
      const periodS = bw.periodS ?? bw.points[bw.points.length - 1]![0];
      return new BandwidthTrace(starts, rates, { periodNs: sec(periodS) });
    }
    case "trace":
      return new BandwidthTrace(bw.data.startsNs, bw.data.bps.map((b) => b / 8), {
        ...(bw.loop ? { periodNs: bw.data.periodNs } : {}),
        offsetNs,
      });
  }
}
