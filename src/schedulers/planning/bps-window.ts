// What BPS observes over one control interval (halp-bps.md §2.4's state and reward): arrivals,
// completions, deadline misses, accuracy lost, and the offload lane's measured stage times; and the
// 12-number state the learners read, scaled to O(1) so one network serves any model and link.
import type { Request } from "../../workload/request.js";
import type { BpsConfig, BpsEstimate } from "./bps-model.js";

/**
 * Counters of one interval (reset by `next`). Completions count for the configuration a request
 * was laned under only: work of the previous configuration draining after a switch would
 * otherwise credit the new one (a learner then learns to switch for the drain).
 */
export class BpsWindow {
  arrivals = 0;
  completions = 0;
  misses = 0;
  lossPct = 0;
  /** Offloaded completions, and their compute and transfer ns (S1 + S3 and S2 as measured). */
  offloaded = 0;
  offloadComputeNs = 0;
  offloadTransferNs = 0;

  arrived(): void {
    this.arrivals++;
  }

  completed(req: Request, epoch: number): void {
    if (req.outcome?.["epoch"] !== epoch) return;
    this.completions++;
    if (req.deadline >= 0 && req.completion > req.deadline) this.misses++;
    this.lossPct += req.outcome?.accuracyLossPct ?? 0;
    if (req.outcome?.["lane"] === "offload" && req.bytesSent > 0) {
      this.offloaded++;
      this.offloadComputeNs += req.computeNs;
      this.offloadTransferNs += req.transferNs;
    }
  }

  next(): void {
    this.arrivals = this.completions = this.misses = this.offloaded = 0;
    this.lossPct = this.offloadComputeNs = this.offloadTransferNs = 0;
  }
}

/** What the scheduler knows when it builds the state, besides the window. */
export interface StateInputs {
  readonly window: BpsWindow;
  readonly seconds: number;
  readonly bandwidthBps: number;
  /** Requests waiting at the device (held by BPS or queued), the uplink, the remote. */
  readonly queues: readonly [number, number, number];
  readonly config: BpsConfig;
  /** The model's figures for the current configuration (for S1 : S3 and batch scale). */
  readonly estimate: BpsEstimate;
  /** Requests/s that scale rates and throughput (the best configuration's at the nominal bandwidth). */
  readonly refRate: number;
  readonly layers: number;
  readonly codecIndex: number;
  readonly codecCount: number;
}

/** Reward of the interval (halp-bps.md §2.4): throughput − sloPenalty × misses/s − accWeight × points lost/s. */
export function bpsReward(w: BpsWindow, seconds: number, sloPenalty: number, accWeight: number): number {
  return (w.completions - sloPenalty * w.misses - accWeight * w.lossPct) / seconds;
}

/**
 * [bandwidth, arrival rate, queue device, queue link, queue remote, S1, S2, S3, throughput, k, α, codec].
 * Bandwidth as log2(1 + Mbit/s)/8; rates and throughput over refRate; queues log2(1 + q)/16;
 * stage times per request in units of 1/refRate (so 1 is "as long as the best configuration's
 * cycle"); S2 is the measured transfer time of the interval's offloaded requests, S1 and S3 split
 * their measured compute time in the model's S1 : S3 ratio (the only per-step figure it has);
 * with nothing offloaded, the model's figures. k over n, α, codec index over the codecs.
 */
export function bpsState(i: StateInputs, out: Float64Array): Float64Array {
  const w = i.window;
  const unit = 1e9 / i.refRate; // ns per request of the reference rate
  const b = Math.max(1, i.config.batch);
  let s1 = i.estimate.s1Ns / b;
  let s2 = i.estimate.s2Ns / b;
  let s3 = i.estimate.s3Ns / b;
  if (w.offloaded > 0) {
    const compute = w.offloadComputeNs / w.offloaded;
    const split = s1 + s3 > 0 ? s1 / (s1 + s3) : 0;
    s1 = compute * split;
    s3 = compute - s1;
    s2 = w.offloadTransferNs / w.offloaded;
  }
  const q = (x: number): number => Math.log2(1 + x) / 16;
  out[0] = Math.log2(1 + i.bandwidthBps * 8e-6) / 8;
  out[1] = w.arrivals / i.seconds / i.refRate;
  out[2] = q(i.queues[0]);
  out[3] = q(i.queues[1]);
  out[4] = q(i.queues[2]);
  out[5] = s1 / unit;
  out[6] = s2 / unit;
  out[7] = s3 / unit;
  out[8] = w.completions / i.seconds / i.refRate;
  out[9] = i.config.cut / Math.max(1, i.layers);
  out[10] = i.config.alpha;
  out[11] = i.codecCount > 1 ? i.codecIndex / (i.codecCount - 1) : 0;
  // A link in an outage makes S2 infinite: the learner gets a large finite number instead.
  for (let k = 0; k < 12; k++) out[k] = Number.isFinite(out[k]!) ? Math.min(out[k]!, STATE_CAP) : STATE_CAP;
  return out;
}

/** The largest value a state entry takes (a stage 16× the reference cycle is hopeless anyway). */
const STATE_CAP = 16;

/** Bin edges of the tabular learner (8 bandwidth × 8 rate × 4 queue bins = 256 states). */
const BW_EDGES_MBPS = [1, 2, 4, 8, 16, 32, 64];
const RATE_EDGES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2];
const QUEUE_EDGES = [1, 16, 256];

function bin(x: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return k;
}

/** The tabular bin of a state (bandwidth, rate over refRate, total queue). */
export function tabularBin(s: Float64Array): number {
  const mbps = 2 ** (s[0]! * 8) - 1;
  const queue = 2 ** (s[2]! * 16) - 1 + (2 ** (s[3]! * 16) - 1) + (2 ** (s[4]! * 16) - 1);
  return (bin(mbps, BW_EDGES_MBPS) * 8 + bin(s[1]!, RATE_EDGES)) * 4 + bin(queue, QUEUE_EDGES);
}

/** The bandit's bin: bandwidth only. */
export function banditBin(s: Float64Array): number {
  return bin(2 ** (s[0]! * 8) - 1, BW_EDGES_MBPS);
}

export const TABULAR_BINS = 256;
export const BANDIT_BINS = 8;
