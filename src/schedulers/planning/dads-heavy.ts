// DADS's heavy-load partition (Hu et al., INFOCOM 2019, DSH): the DSL min-cut run on re-weighted
// times (device × α, transfer × 1, cloud × γ), each resulting cut scored by its *unscaled*
// bottleneck max{T_e, T_t, T_c}, the best kept while a box search over (α, γ) narrows. The paper
// leaves the grid bounds, the shrink factor K and the stop threshold ε open; ours are below and in
// docs/schedulers/dads.md.
import type { Model } from "../../workload/model.js";
import { RAW_INPUT } from "../../workload/model.js";
import { dadsCut, type DadsCut, type DadsTimes } from "./dads-cut.js";

/** The three pipeline stages of a frame under a partition: its bottleneck bounds the throughput. */
export function bottleneckOf(c: Pick<DadsCut, "deviceTime" | "transferTime" | "cloudTime">): number {
  return Math.max(c.deviceTime, c.transferTime, c.cloudTime);
}

/** T_e, T_t, T_c of a predecessor-closed mask under (unscaled) times; value = their sum. */
export function scoreCut(model: Model, upstream: Uint8Array, times: DadsTimes): DadsCut {
  const boundary = model.boundaryOf(upstream);
  let deviceTime = 0;
  let cloudTime = 0;
  let transferTime = 0;
  for (let v = 0; v < model.layerCount; v++) {
    if (upstream[v]) deviceTime += times.device[v]!;
    else cloudTime += times.cloud[v]!;
  }
  for (const t of boundary) transferTime += t === RAW_INPUT ? times.inputTransfer : times.transfer[t]!;
  return { upstream, boundary, value: deviceTime + transferTime + cloudTime, deviceTime, transferTime, cloudTime };
}

/**
 * The search, in log2 coordinates a = log2 α, c = log2 γ (the paper steps α and γ linearly by 1
 * from 0; with ns times its bounds reach 10^6 and a linear grid of any affordable size would skip
 * the region around α = γ = 1, so we step their exponents instead). Round 0 tries every (a, c) on
 * the grid a, c ∈ {−B, −B + δ0, …, B} plus α = 0 or γ = 0 (a stage made free), where B bounds
 * how far one stage's total can outweigh another's smallest part and δ0 = ⌈B / 4⌉; then the box
 * shrinks to [a* ± δ] × [c* ± δ] with step δ / K, until a round after the first improves the
 * bottleneck by less than a fraction ε of itself, δ falls below minStep, or maxRounds rounds ran.
 */
export interface HeavySearchOptions {
  /** K: the step shrinks by this factor per round (default 2). */
  readonly shrink?: number;
  /** ε: stop when a round improves the bottleneck by less than this fraction (default 0.001). */
  readonly epsilon?: number;
  /** Stop once the step in log2 α is below this (default 1/16: α within 4.4 %). */
  readonly minStep?: number;
  /** Rounds after the first, at most (default 8). */
  readonly maxRounds?: number;
}

export const DSH_DEFAULTS = { shrink: 2, epsilon: 1e-3, minStep: 1 / 16, maxRounds: 8 } as const;

export interface HeavyCut {
  /** The best cut found, scored with the unscaled times. */
  readonly cut: DadsCut;
  readonly bottleneck: number;
  /** The weights that produced it (1, 1 = DSL's cut). */
  readonly alpha: number;
  readonly gamma: number;
  /** Min-cuts solved (distinct weight pairs). */
  readonly evaluations: number;
}

/**
 * DSH. Includes α = γ = 1, DSL's own cut, so its bottleneck is never above DSL's, and DSL's
 * cut minimises T_e + T_t + T_c, which is at most 3 × the optimal bottleneck: DSH is within 3 ×
 * too (the paper's approximation ratio). Ties keep the earlier cut (α = γ = 1 first), so the
 * answer is deterministic.
 */
export function dshCut(model: Model, times: DadsTimes, opts: HeavySearchOptions = {}): HeavyCut {
  const { shrink, epsilon, minStep, maxRounds } = { ...DSH_DEFAULTS, ...opts };
  if (!(shrink > 1)) throw new RangeError(`dsh: shrink K must be > 1, got ${shrink}`);
  const L = model.layerCount;
  const scaled = { device: new Float64Array(L), cloud: new Float64Array(L), transfer: times.transfer, inputTransfer: times.inputTransfer };
  const seen = new Set<string>();
  let best: HeavyCut | null = null;
  let evaluations = 0;
  const tryWeights = (alpha: number, gamma: number): void => {
    const key = `${alpha}/${gamma}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (let v = 0; v < L; v++) {
      scaled.device[v] = scaleTime(times.device[v]!, alpha);
      scaled.cloud[v] = scaleTime(times.cloud[v]!, gamma);
    }
    evaluations++;
    const cut = scoreCut(model, dadsCut(model, scaled).upstream, times);
    const bottleneck = bottleneckOf(cut);
    if (best === null || bottleneck < best.bottleneck) best = { cut, bottleneck, alpha, gamma, evaluations: 0 };
  };
  tryWeights(1, 1);
  const B = exponentBound(times);
  let step = Math.max(1, Math.ceil(B / 4));
  let centreA = 0;
  let centreC = 0;
  // Round 0: the whole box, and the axes where one stage costs nothing.
  for (let a = -B; a <= B; a += step) {
    tryWeights(2 ** a, 0);
    tryWeights(0, 2 ** a);
    for (let c = -B; c <= B; c += step) tryWeights(2 ** a, 2 ** c);
  }
  tryWeights(0, 0);
  for (let round = 0; round < maxRounds && step / shrink >= minStep; round++) {
    const before = best!.bottleneck;
    if (best!.alpha > 0) centreA = Math.log2(best!.alpha);
    if (best!.gamma > 0) centreC = Math.log2(best!.gamma);
    const next = step / shrink;
    for (let a = centreA - step; a <= centreA + step + 1e-9; a += next)
      for (let c = centreC - step; c <= centreC + step + 1e-9; c += next) tryWeights(2 ** a, 2 ** c);
    step = next;
    if (before - best!.bottleneck < epsilon * before && round > 0) break;
  }
  return { ...best!, evaluations };
}

/** A weight of 0 frees a stage; an infinite time (a pin) stays infinite whatever the weight. */
function scaleTime(t: number, w: number): number {
  return t === Infinity ? Infinity : t * w;
}

/**
 * B = ⌈log2 of (the largest stage total ÷ the smallest positive per-item time)⌉, at least 1: beyond
 * 2^B one weighted stage outweighs everything the others could save, so the cut stops changing.
 */
function exponentBound(times: DadsTimes): number {
  let total = 0;
  let smallest = Infinity;
  const visit = (xs: ArrayLike<number>): void => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      const t = xs[i]!;
      if (t === Infinity) continue;
      sum += t;
      if (t > 0 && t < smallest) smallest = t;
    }
    total = Math.max(total, sum);
  };
  visit(times.device);
  visit(times.cloud);
  visit(times.transfer);
  visit([times.inputTransfer]);
  if (!(smallest < Infinity) || total <= smallest) return 1;
  return Math.max(1, Math.min(64, Math.ceil(Math.log2(total / smallest))));
}
