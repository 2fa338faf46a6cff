// BPS's analytic model (halp-bps.md §2.4): the stage times, throughput and service latency of one
// configuration (cut, offload batch, local batch, local share α, codec, pipelining), and the
// enumeration `oracle` runs. Pure: every cost comes through BpsCosts, in integer-ns units.
import { ceilNs } from "../../core/time.js";

/** One BPS action: how requests are split between the two lanes and how the offload lane runs. */
export interface BpsConfig {
  /** Cut k: layers [0, k) on the device, [k, n) on the remote; 0 sends the raw input, n sends nothing. */
  readonly cut: number;
  /** Offload lane batch b (device part, transfer and remote part all at b). */
  readonly batch: number;
  /** Local-only lane batch b_L. */
  readonly localBatch: number;
  /** α ∈ [0, 1]: the share of requests run local-only (request-level "DP", not a tensor split). */
  readonly alpha: number;
  /** Codec of the cut's tensor; "off" sends it as the cost source counts it. */
  readonly codec: string;
  /** Whether the offload lane overlaps device, link and remote across consecutive batches. */
  readonly pipelined: boolean;
}

/** A codec at one cut and batch: ρ on the bytes per request, and its whole-batch times. */
export interface CodecCost {
  readonly ratio: number;
  /** Encode, on the device, for a batch of b, ns. */
  readonly encNs: number;
  /** Decode, on the remote, for a batch of b, ns. */
  readonly decNs: number;
  /** Accuracy drop of a request sent through it, percentage points (absent: 0). */
  readonly dropPct?: number;
}

/** Where the model's numbers come from: the simulator's own costs (bps-costs.ts) or hand numbers. */
export interface BpsCosts {
  /** n, the model's layers; cuts are 0..n. */
  readonly layers: number;
  /** Device time of layers [0, k) at batch b, ns (0 at k = 0). */
  deviceNs(k: number, batch: number): number;
  /** Remote time of layers [k, n) at batch b, ns (0 at k = n). */
  remoteNs(k: number, batch: number): number;
  /** Bytes sent per request at cut k without a codec (0 at k = n). */
  bytes(k: number): number;
  /** Uplink bandwidth, bytes/s. */
  readonly bandwidthBps: number;
  /** Uplink propagation latency δ, ns. */
  readonly latencyNs: number;
  /** The result's way back (transmission + propagation), ns; latency only, 0 when absent. */
  readonly returnNs?: number;
  /** The codec `name` at cut k and batch b; undefined when the source has no such codec. */
  codec?(name: string, k: number, batch: number): CodecCost | undefined;
}

/** Model options (each an uncertain choice of the reconstruction, see docs/decisions.md). */
export interface BpsModelOptions {
  /**
   * "transfer" (default): the link is busy for the transmission only, as in the simulator, so the
   * pipelined bound uses S2 − δ; "stage": it uses S2 itself, the formula as written in §2.4.
   */
  readonly linkBusy?: "transfer" | "stage";
  /**
   * Offered requests/s. When given, throughput is capped at it and latency adds the mean wait to
   * fill a batch: (b − 1) / (2 λ_lane) per lane.
   */
  readonly rate?: number;
  /**
   * The learner's reward weight of accuracy (points lost per request count as `accWeight` requests).
   * When given, bestBpsConfig ranks by the reward rate throughput × (1 − accWeight × loss per
   * request) instead of throughput alone, so oracle and the pinned `dp` choose by what the learner
   * is rewarded for. Deadline misses are not predicted (the model has no queueing).
   */
  readonly accWeight?: number;
}

export interface BpsEstimate {
  /** Offload lane, per batch of b: S1 = device(0..k, b) + enc, S2 = δ + transmission, S3 = dec + remote(k..n, b), ns. */
  readonly s1Ns: number;
  readonly s2Ns: number;
  readonly s3Ns: number;
  /** Local-only lane, per batch of b_L: device(0..n, b_L), ns. */
  readonly localNs: number;
  /** Bytes per request on the wire after the codec. */
  readonly bytesPerRequest: number;
  /** Busy ns per request (averaged over both lanes) of the device, the link and the remote. */
  readonly deviceNsPerRequest: number;
  readonly linkNsPerRequest: number;
  readonly remoteNsPerRequest: number;
  /** Requests/s the configuration sustains (capped at the offered rate when one was given). */
  readonly throughput: number;
  /** What bounds it: a resource, the unpipelined offload lane's cycle, or the offered rate. */
  readonly bottleneck: "device" | "link" | "remote" | "lane" | "rate";
  /** Mean latency over requests: lane service (+ batch fill when a rate was given), ns. */
  readonly latencyNs: number;
  /** Mean accuracy drop over requests (only offloaded ones pass the codec), percentage points. */
  readonly lossPctPerRequest: number;
}

const NS_PER_SEC = 1e9;

function check(config: BpsConfig, costs: BpsCosts): void {
  const n = costs.layers;
  const whole = (x: number): boolean => Number.isInteger(x) && x >= 1;
  if (!(Number.isInteger(config.cut) && config.cut >= 0 && config.cut <= n))
    throw new RangeError(`bps model: cut must be a whole number in 0..${n}, got ${config.cut}`);
  if (!whole(config.batch)) throw new RangeError(`bps model: batch must be a whole number >= 1, got ${config.batch}`);
  if (!whole(config.localBatch))
    throw new RangeError(`bps model: localBatch must be a whole number >= 1, got ${config.localBatch}`);
  if (!(config.alpha >= 0 && config.alpha <= 1)) throw new RangeError(`bps model: alpha must be in [0, 1], got ${config.alpha}`);
}

/** The codec's numbers at the config's cut and batch; "off", and a cut that sends nothing, cost none. */
function codecCost(config: BpsConfig, costs: BpsCosts): CodecCost {
  if (config.codec === "off" || config.cut === costs.layers) return { ratio: 1, encNs: 0, decNs: 0 };
  const c = costs.codec?.(config.codec, config.cut, config.batch);
  if (c === undefined) throw new RangeError(`bps model: no codec '${config.codec}' in the cost source`);
  return c;
}

/**
 * The configuration's stage times and throughput. With u the busy ns per request (over all
 * requests, α of them local-only at b_L, 1 − α offloaded at cut k and batch b), T = S2 − δ:
 *
 *   u_device = α · L(0..n, b_L) / b_L + (1 − α) · S1 / b     (the device serves both lanes)
 *   u_link   = (1 − α) · T / b        ("stage": (1 − α) · S2 / b)
 *   u_remote = (1 − α) · S3 / b
 *   pipelined:   X = 1 / max(u_device, u_link, u_remote)
 *   unpipelined: X = 1 / max(u_device, (1 − α) · (S1 + S2 + S3) / b)
 *
 * Derivation (§2.4's DP region): at λ requests/s the device runs αλ/b_L local batches of
 * L(0..n, b_L) ns and (1 − α)λ/b offload batches of S1 ns per second, so its load is λ·u_device;
 * the link and the remote see only the offloaded batches. Every load ≤ 1 ⇔ λ ≤ 1 / max u. At
 * α = 0 this is b / max(S1, T, S3) pipelined and b / (S1 + S2 + S3) not; at α = 1, b_L / L(0..n, b_L),
 * which a test checks by hand (and the issue's DP point: α 0.3, 7.8 ms per request, 128.2/s).
 * Unpipelined, the offload lane is one batch in flight (a server of cycle S1 + S2 + S3) while local batches use the device
 * in its idle gaps; for 0 < α < 1 that is an upper bound (a local batch may delay the next S1).
 */
export function bpsEstimate(config: BpsConfig, costs: BpsCosts, opts: BpsModelOptions = {}): BpsEstimate {
  check(config, costs);
  const { cut: k, batch: b, localBatch: bL, alpha } = config;
  const n = costs.layers;
  const codec = codecCost(config, costs);
  const sends = k < n;
  // ρ applies per request and the result is whole bytes (the ff example: 12,500/8 → 1,563),
  // rounded up with the same tolerance of float noise as durations.
  const bytesPerRequest = sends ? ceilNs(costs.bytes(k) * codec.ratio) : 0;
  const transmitNs = sends ? ceilNs((b * bytesPerRequest * NS_PER_SEC) / costs.bandwidthBps) : 0;
  const s1Ns = costs.deviceNs(k, b) + codec.encNs;
  const s2Ns = sends ? costs.latencyNs + transmitNs : 0;
  const s3Ns = sends ? codec.decNs + costs.remoteNs(k, b) : 0;
  const localNs = costs.deviceNs(n, bL);

  // A lane with no share contributes nothing (and 0 · Infinity must not become NaN).
  const off = 1 - alpha;
  const share = (w: number, x: number): number => (w === 0 ? 0 : w * x);
  const deviceNsPerRequest = share(alpha, localNs / bL) + share(off, s1Ns / b);
  const linkNsPerRequest = share(off, (opts.linkBusy === "stage" ? s2Ns : transmitNs) / b);
  const remoteNsPerRequest = share(off, s3Ns / b);
  const laneNsPerRequest = config.pipelined ? 0 : share(off, (s1Ns + s2Ns + s3Ns) / b);

  const bounds: [BpsEstimate["bottleneck"], number][] = config.pipelined
    ? [["device", deviceNsPerRequest], ["link", linkNsPerRequest], ["remote", remoteNsPerRequest]]
    : [["device", deviceNsPerRequest], ["lane", laneNsPerRequest]];
  let [bottleneck, worst] = bounds[0]!;
  for (const [name, u] of bounds) if (u > worst) [bottleneck, worst] = [name, u];
  let throughput = NS_PER_SEC / worst;
  const rate = opts.rate;
  if (rate !== undefined) {
    if (!(rate > 0)) throw new RangeError(`bps model: rate must be > 0 requests/s, got ${rate}`);
    if (rate < throughput) [throughput, bottleneck] = [rate, "rate"];
  }

  // Service latency per lane; with a rate, a request also waits on average for (batch − 1)/2
  // arrivals of its lane, λ_lane = share · λ, so the share cancels in the mean: (batch − 1)/(2λ).
  const offloadLatency = s1Ns + s2Ns + s3Ns + (sends ? costs.returnNs ?? 0 : 0);
  let latencyNs = share(alpha, localNs) + share(off, offloadLatency);
  if (rate !== undefined) {
    const fill = (alpha > 0 ? bL - 1 : 0) + (off > 0 ? b - 1 : 0);
    latencyNs += (fill * NS_PER_SEC) / (2 * rate);
  }
  const lossPctPerRequest = sends ? share(off, codec.dropPct ?? 0) : 0;
  return {
    s1Ns, s2Ns, s3Ns, localNs, bytesPerRequest,
    deviceNsPerRequest, linkNsPerRequest, remoteNsPerRequest, throughput, bottleneck, latencyNs, lossPctPerRequest,
  };
}

export interface BpsChoice {
  /** Index of the best configuration in the list. */
  readonly index: number;
  readonly config: BpsConfig;
  readonly estimate: BpsEstimate;
  /** Every configuration's estimate, in list order. */
  readonly estimates: readonly BpsEstimate[];
}

/** Throughputs within this relative distance are a tie (float noise of the α-weighted sums). */
const TIE = 1e-9;

/**
 * Scores every configuration and returns the best by throughput (net of the accuracy penalty with
 * `opts.accWeight`); ties go to the lower latency,
 * then to the earlier in the list. `oracle`'s core, given the next interval's true bandwidth in
 * `costs`; with `opts.rate`, every configuration that sustains the rate ties on throughput, so
 * the fastest of them wins.
 */
export function bestBpsConfig(configs: readonly BpsConfig[], costs: BpsCosts, opts: BpsModelOptions = {}): BpsChoice {
  if (configs.length === 0) throw new RangeError("bps model: no configurations to choose from");
  const estimates = configs.map((c) => bpsEstimate(c, costs, opts));
  const w = opts.accWeight;
  const value = (e: BpsEstimate): number => (w === undefined ? e.throughput : e.throughput * (1 - w * e.lossPctPerRequest));
  let index = 0;
  for (let i = 1; i < estimates.length; i++) {
    const e = estimates[i]!;
    const best = estimates[index]!;
    const [ve, vb] = [value(e), value(best)];
    const diff = ve - vb;
    const tie = ve === vb || Math.abs(diff) <= TIE * Math.max(Math.abs(ve), Math.abs(vb));
    if (tie ? e.latencyNs < best.latencyNs : diff > 0) index = i;
  }
  return { index, config: configs[index]!, estimate: estimates[index]!, estimates };
}
