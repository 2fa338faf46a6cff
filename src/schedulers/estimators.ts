// Bandwidth estimators a scheduler sees through its context: oracle (the true rate now), last
// (throughput of the last finished transfer), ewma, and harmonic (mean of the last k). Until
// a transfer has finished, the non-oracle estimators return the link's nominal (mean) rate.
import type { Time } from "../core/time.js";
import { NS_PER_SEC } from "../core/time.js";
import { NeverFinishesError, type BandwidthTrace } from "../platform/bandwidth/trace.js";
import type { TransferListener } from "../platform/link.js";

/** Which estimator a scheduler plans with (the scenario's `estimator`, or the scheduler's own option). */
export type EstimatorSpec =
  | { kind: "oracle" }
  | { kind: "last" }
  | { kind: "ewma"; alpha: number }
  | { kind: "harmonic"; window: number };

export interface BandwidthEstimator extends TransferListener {
  /** Estimated bytes/s at time `now`. */
  estimate(now: Time): number;
  /** Estimated ns to transmit `bytes` starting at `now` (latency not included); Infinity if never. */
  transmitNs(now: Time, bytes: number): Time;
}

/** ceil(bytes / rate) in ns at a constant estimated rate (bytes/s). */
function atRate(bytes: number, bps: number): Time {
  if (bytes <= 0) return 0;
  return bps > 0 ? Math.ceil((bytes * NS_PER_SEC) / bps) : Infinity;
}

export function createEstimator(spec: EstimatorSpec, trace: BandwidthTrace): BandwidthEstimator {
  const prior = trace.meanRate();
  switch (spec.kind) {
    case "oracle":
      // The oracle knows the trace, so a transfer's time is the exact integral, fades included.
      return {
        estimate: (now) => trace.rate(now),
        transmitNs: (now, bytes) => {
          try {
            return trace.finish(now, bytes) - now;
          } catch (e) {
            if (e instanceof NeverFinishesError) return Infinity;
            throw e;
          }
        },
        onTransfer: () => {},
      };
    case "last":
      return new EwmaEstimator(prior, 1);
    case "ewma":
      return new EwmaEstimator(prior, spec.alpha);
    case "harmonic":
      return new HarmonicEstimator(prior, spec.window);
  }
}

/** Observed throughput of a transfer; 0-byte or instantaneous transfers carry no information. */
function throughput(bytes: number, start: Time, end: Time): number {
  return end > start && bytes > 0 ? (bytes * NS_PER_SEC) / (end - start) : -1;
}

class EwmaEstimator implements BandwidthEstimator {
  constructor(private value: number, private readonly alpha: number) {}
  estimate(): number {
    return this.value;
  }
  transmitNs(_now: Time, bytes: number): Time {
    return atRate(bytes, this.value);
  }
  onTransfer(bytes: number, start: Time, end: Time): void {
    const x = throughput(bytes, start, end);
    if (x >= 0) this.value = this.alpha * x + (1 - this.alpha) * this.value;
  }
}

class HarmonicEstimator implements BandwidthEstimator {
  private readonly recent: Float64Array;
  private count = 0;
  private next = 0;
  constructor(private readonly prior: number, window: number) {
    this.recent = new Float64Array(window);
  }
  transmitNs(_now: Time, bytes: number): Time {
    return atRate(bytes, this.estimate());
  }
  estimate(): number {
    if (this.count === 0) return this.prior;
    let inv = 0;
    for (let i = 0; i < this.count; i++) inv += 1 / this.recent[i]!;
    return this.count / inv;
  }
  onTransfer(bytes: number, start: Time, end: Time): void {
    const x = throughput(bytes, start, end);
    if (x <= 0) return;
    this.recent[this.next] = x;
    this.next = (this.next + 1) % this.recent.length;
    this.count = Math.min(this.count + 1, this.recent.length);
  }
}

export function estimatorLabel(spec: EstimatorSpec): string {
  switch (spec.kind) {
    case "ewma":
      return `ewma(alpha=${spec.alpha})`;
    case "harmonic":
      return `harmonic(window=${spec.window})`;
    default:
      return spec.kind;
  }
}
