// Synthetic bandwidth traces for tests and what-if studies: constant, steps, and a two-state
// Gilbert–Elliott Markov chain (good/bad rates, exponential sojourns), and Rayleigh block fading
// (rayleigh.ts), seeded so that the same parameters and seed give the same trace.
import { createStream } from "../../core/random.js";
import { sec } from "../../core/time.js";
import { rayleigh, rayleighBlocks, rayleighProblems, type RayleighSpec } from "./rayleigh.js";
import type { TraceData } from "./trace-data.js";

export type SyntheticSpec =
  | { kind: "constant"; mbps: number; durationS: number }
  | { kind: "steps"; stepS: number; mbps: number[] }
  | { kind: "gilbert-elliott"; goodMbps: number; badMbps: number; meanGoodS: number; meanBadS: number; durationS: number; seed: number }
  | RayleighSpec;

const MBPS = 1e6;

/** Longest synthetic trace, s (116 days: times stay exact in ns doubles), and most segments one may hold. */
export const MAX_SYNTHETIC_S = 1e7;
export const MAX_SYNTHETIC_SEGMENTS = 10_000_000;

/**
 * What would make a synthetic trace meaningless or unbuildable, as [field, message] pairs: a
 * duration or step that is not > 0 or is too long, a Gilbert–Elliott chain whose mean sojourns would
 * need more than MAX_SYNTHETIC_SEGMENTS segments (each sojourn lasts at least 1 ms), a Rayleigh
 * trace with more blocks than that or a bad field of its own (rayleighProblems).
 */
export function syntheticProblems(spec: SyntheticSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const positive = (field: string, v: number, max = MAX_SYNTHETIC_S): void => {
    if (!(v > 0)) out.push([field, `must be > 0 s, got ${v}`]);
    else if (v > max) out.push([field, `must be at most ${max} s, got ${v}`]);
  };
  if (spec.kind === "steps") {
    positive("stepS", spec.stepS);
    if (spec.stepS * spec.mbps.length > MAX_SYNTHETIC_S) out.push(["stepS", `the steps last ${spec.stepS * spec.mbps.length} s, at most ${MAX_SYNTHETIC_S}`]);
    return out;
  }
  positive("durationS", spec.durationS);
  if (spec.kind === "gilbert-elliott") {
    positive("meanGoodS", spec.meanGoodS);
    positive("meanBadS", spec.meanBadS);
    const meanCycle = Math.max(spec.meanGoodS, 1e-3) + Math.max(spec.meanBadS, 1e-3);
    const segments = (2 * spec.durationS) / meanCycle;
    if (out.length === 0 && segments > MAX_SYNTHETIC_SEGMENTS) {
      out.push(["durationS", `would need about ${Math.round(segments)} segments (at most ${MAX_SYNTHETIC_SEGMENTS}): shorten durationS or lengthen meanGoodS / meanBadS`]);
    }
  }
  if (spec.kind === "rayleigh") {
    out.push(...rayleighProblems(spec));
    const blocks = out.length === 0 ? rayleighBlocks(spec).count : 0;
    if (blocks > MAX_SYNTHETIC_SEGMENTS) {
      out.push(["durationS", `would need ${blocks} coherence blocks (at most ${MAX_SYNTHETIC_SEGMENTS} segments): shorten durationS or lengthen coherenceMs`]);
    }
  }
  return out;
}

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
    case "rayleigh":
      return rayleigh(spec);
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
