// Synthetic bandwidth traces for tests and what-if studies: constant, steps, and a two-state
// Gilbert–Elliott Markov chain (good/bad rates, exponential sojourns), seeded so that the same
// parameters and seed give the same trace.
import { createStream } from "../../core/random.js";
import { sec } from "../../core/time.js";
import type { TraceData } from "./trace-data.js";

export type SyntheticSpec =
  | { kind: "constant"; mbps: number; durationS: number }
  | { kind: "steps"; stepS: number; mbps: number[] }
  | { kind: "gilbert-elliott"; goodMbps: number; badMbps: number; meanGoodS: number; meanBadS: number; durationS: number; seed: number };

const MBPS = 1e6;

export function synthesize(spec: SyntheticSpec): TraceData {
  switch (spec.kind) {
    case "constant":
      return { startsNs: Float64Array.of(0), bps: Float64Array.of(spec.mbps * MBPS), durationNs: sec(spec.durationS), periodNs: sec(spec.durationS) };
    case "steps": {
      const n = spec.mbps.length;
      return {
        startsNs: Float64Array.from({ length: n }, (_, i) => sec(i * spec.stepS)),
        bps: Float64Array.from(spec.mbps, (m) => m * MBPS),
        durationNs: sec(n * spec.stepS),
        periodNs: sec(n * spec.stepS),
      };
    }
    case "gilbert-elliott":
      return gilbertElliott(spec);
  }
}

/**
 * Alternates good and bad states, starting in good, with exponential sojourns of the given means,
 * until durationS. Sojourn ends are rounded to the ms so that every format can hold the trace.
 */
function gilbertElliott(s: Extract<SyntheticSpec, { kind: "gilbert-elliott" }>): TraceData {
  const rng = createStream(s.seed, "gilbert-elliott");
  const end = sec(s.durationS);
  const starts: number[] = [];
  const rates: number[] = [];
  let t = 0;
  let good = true;
  while (t < end) {
    const sojourn = Math.max(1e6, Math.round(rng.exponential(good ? s.meanGoodS : s.meanBadS) * 1e3) * 1e6);
    starts.push(t);
    rates.push((good ? s.goodMbps : s.badMbps) * MBPS);
    t += sojourn;
    good = !good;
  }
  return { startsNs: Float64Array.from(starts), bps: Float64Array.from(rates), durationNs: end, periodNs: end };
}
