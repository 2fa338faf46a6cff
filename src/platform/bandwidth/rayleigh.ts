// Rayleigh block fading: each coherence block carries B·log2(1 + γ̄·X) bit/s, with X = |h|² ~ Exp(1)
// drawn afresh per block from the seeded stream "rayleigh" (same spec and seed, same trace). The mean
// rate is B·e^{1/γ̄}·E₁(1/γ̄)/ln 2, which also gives the B that reaches a wanted mean.
import { createStream } from "../../core/random.js";
import { sec } from "../../core/time.js";
import { expE1 } from "./exp-integral.js";
import type { TraceData } from "./trace-data.js";

export interface RayleighSpec {
  kind: "rayleigh";
  /** Channel bandwidth B, MHz (rates then come out in Mbit/s). Give this or meanMbps. */
  bandwidthMhz?: number | undefined;
  /** Wanted mean rate, Mbit/s: B is chosen so that the model's mean is this. */
  meanMbps?: number | undefined;
  /** Mean SNR γ̄, dB. */
  snrDb: number;
  /** Length of a block over which the channel holds, ms. */
  coherenceMs: number;
  durationS: number;
  seed: number;
}

/** |snrDb| bound: past any radio link, and it keeps 10^{G/10} and the closed form finite. */
export const MAX_ABS_SNR_DB = 100;

export function snrLinear(snrDb: number): number {
  return 10 ** (snrDb / 10);
}

/**
 * Mean rate per unit bandwidth, (Mbit/s)/MHz: E[log2(1 + γ̄X)] = e^{1/γ̄}·E₁(1/γ̄)/ln 2 (integrate
 * ln(1 + γ̄x)·e^{−x} by parts, then substitute). The scaled e^x·E₁(x) stays finite at low SNR.
 */
export function meanSpectralEfficiency(snrDb: number): number {
  return expE1(1 / snrLinear(snrDb)) / Math.LN2;
}

/** B in MHz: the one given, or the one whose mean rate is meanMbps. */
export function rayleighBandwidthMhz(s: RayleighSpec): number {
  return s.bandwidthMhz ?? s.meanMbps! / meanSpectralEfficiency(s.snrDb);
}

/** Block length rounded to the ns (as every trace boundary is) and the number of blocks. */
export function rayleighBlocks(s: Pick<RayleighSpec, "coherenceMs" | "durationS">): { coherenceNs: number; count: number } {
  const coherenceNs = Math.round(s.coherenceMs * 1e6);
  return { coherenceNs, count: Math.ceil(sec(s.durationS) / coherenceNs) };
}

/**
 * Problems of the fields only this kind has, as [field, message] pairs (durationS's range and the
 * block count are checked with the other kinds' in synthetic.ts). Field names in the messages
 * are turned into flags by the CLI.
 */
export function rayleighProblems(s: RayleighSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const rate = (field: "bandwidthMhz" | "meanMbps", unit: string): void => {
    const v = s[field];
    if (v !== undefined && !(v > 0 && Number.isFinite(v))) out.push([field, `must be > 0 ${unit}, got ${v}`]);
  };
  if ((s.bandwidthMhz === undefined) === (s.meanMbps === undefined)) {
    out.push(["bandwidthMhz", s.bandwidthMhz === undefined ? "give bandwidthMhz or meanMbps (B is then chosen to reach that mean)" : "give bandwidthMhz or meanMbps, not both"]);
  }
  rate("bandwidthMhz", "MHz");
  rate("meanMbps", "Mbit/s");
  if (!(Math.abs(s.snrDb) <= MAX_ABS_SNR_DB)) out.push(["snrDb", `must be a number of dB in [-${MAX_ABS_SNR_DB}, ${MAX_ABS_SNR_DB}], got ${s.snrDb}`]);
  if (!(s.coherenceMs > 0)) out.push(["coherenceMs", `must be > 0 ms, got ${s.coherenceMs}`]);
  else if (Math.round(s.coherenceMs * 1e6) < 1) out.push(["coherenceMs", `must be at least 0.000001 ms (1 ns), got ${s.coherenceMs}`]);
  if (s.durationS > 0 && sec(s.durationS) < 1) out.push(["durationS", `must be at least 1 ns, got ${s.durationS} s`]);
  return out;
}

/**
 * Blocks start at 0, coherenceNs, 2·coherenceNs, …; the last is cut at durationS, which is also the
 * loop period. X = −ln(1 − u) is 0 only for u = 0 (chance 2^−53 a block), so a block's rate is
 * positive but may be tiny; the link's minMbps floors it like any trace's.
 */
export function rayleigh(s: RayleighSpec): TraceData {
  const { coherenceNs, count } = rayleighBlocks(s);
  const durationNs = sec(s.durationS);
  const rng = createStream(s.seed, "rayleigh");
  const hz = rayleighBandwidthMhz(s) * 1e6;
  const gain = snrLinear(s.snrDb);
  const startsNs = new Float64Array(count);
  const bps = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    startsNs[i] = i * coherenceNs;
    // log1p keeps the relative precision of a deep fade, where γ̄X is far below 1.
    bps[i] = (hz * Math.log1p(gain * rng.exponential(1))) / Math.LN2;
  }
  return { startsNs, bps, durationNs, periodNs: durationNs };
}
