// BPS's control loop pieces: the learner per flow (state, reward, ε after learnS, weights in and
// out), the pinned modes' static choices (halp-bps.md §2.4's table), the next interval's true
// bandwidth for `oracle`, and the decision log that goes into report.policy and a CSV.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { OptionsError } from "../../errors.js";
import type { BpsOpts } from "../bps-options.js";
import type { BpsFlow } from "../bps.js";
import type { SchedulerContext } from "../context.js";
import { configLabel } from "./bps-actions.js";
import { makeLearner, type Learner } from "./bps-learners.js";
import { bestBpsConfig, bpsEstimate, type BpsConfig, type BpsCosts } from "./bps-model.js";
import { BANDIT_BINS, bpsReward, bpsState, banditBin, TABULAR_BINS, tabularBin } from "./bps-window.js";

/**
 * Mean bytes/s the uplink will carry over the next `intervalNs` from now, by the oracle estimator's
 * exact trace integral: the bytes whose transmission takes the interval (bisection on transferNs).
 */
export function nextIntervalBps(ctx: SchedulerContext, link: number, intervalNs: number): number {
  if (link < 0) return 0;
  const latency = ctx.topology.links[link]!.latencyNs;
  const takes = (bytes: number): number => ctx.transferNs(link, bytes) - latency;
  let lo = 0;
  let hi = Math.max(1, (ctx.bandwidthBps(link) * intervalNs) / 1e9);
  for (let i = 0; i < 60 && takes(hi) <= intervalNs; i++) hi *= 2;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (takes(mid) <= intervalNs) lo = mid;
    else hi = mid;
  }
  return (lo * 1e9) / intervalNs;
}

const unique = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/**
 * A pinned mode's configuration at the nominal bandwidth, from the list's batch sizes: local-only
 * (α 1, the best b_L), remote-only (cut 0, the best b, pipelined), neurosurgeon (§2.4: the cut of
 * least single-request latency, b 1, one request at a time), dp (the best of the whole list).
 * "Best" is bps-model's: the highest throughput (net of the accuracy penalty when `accWeight` is
 * given, as the learner's reward is), then (at an offered rate) the lowest latency.
 */
export function pinnedChoice(mode: string, actions: readonly BpsConfig[], costs: BpsCosts, rate: number | undefined, n: number, accWeight?: number): BpsConfig {
  const opts = { ...(rate === undefined ? {} : { rate }), ...(accWeight === undefined ? {} : { accWeight }) };
  const base = { codec: "off", pipelined: true };
  switch (mode) {
    case "local":
      return bestBpsConfig(unique(actions.map((a) => a.localBatch)).map((b) => ({ ...base, cut: n, batch: b, localBatch: b, alpha: 1 })), costs, opts).config;
    case "remote":
      return bestBpsConfig(unique(actions.map((a) => a.batch)).map((b) => ({ ...base, cut: 0, batch: b, localBatch: b, alpha: 0 })), costs, opts).config;
    case "neurosurgeon": {
      const cuts = Array.from({ length: n + 1 }, (_, k): BpsConfig => ({ cut: k, batch: 1, localBatch: 1, alpha: 0, codec: "off", pipelined: false }));
      let best = 0;
      let bestNs = Infinity;
      cuts.forEach((c, k) => {
        const ns = bpsEstimate(c, costs).latencyNs;
        if (ns < bestNs) [best, bestNs] = [k, ns];
      });
      return cuts[best]!;
    }
    default:
      return bestBpsConfig(actions, costs, opts).config;
  }
}

export interface DecisionRow {
  tMs: number;
  flow: number;
  action: number;
  config: string;
  reward: number;
  epsilon: number;
  throughputPerSec: number;
}

/** One row per flow and interval; `switches` counts configuration changes. */
export class BpsDecisionLog {
  readonly rows: DecisionRow[] = [];
  switches = 0;
  private readonly last: string[] = [];

  add(nowNs: number, f: BpsFlow, action: number, reward: number, epsilon: number, seconds: number): void {
    const config = configLabel(action >= 0 ? f.actions[action]! : f.lanes.current);
    if (this.last[f.index] !== undefined && this.last[f.index] !== config) this.switches++;
    this.last[f.index] = config;
    const r3 = (x: number): number => Math.round(x * 1000) / 1000;
    this.rows.push({ tMs: nowNs / 1e6, flow: f.index, action, config, reward: r3(reward), epsilon: r3(epsilon), throughputPerSec: r3(f.window.completions / seconds) });
  }
}


interface FlowLearning {
  readonly learner: Learner;
  prev: Float64Array | null;
  prevAction: number;
  /** Intervals the current action has been kept. */
  kept: number;
}

/** The learners of a run, one per flow (flows have their own action lists). */
export class BpsLearning {
  private readonly byFlow: FlowLearning[] = [];
  private readonly learnNs: number;
  private frozen = false;
  private readonly loaded: unknown[] | null;

  constructor(private readonly opts: BpsOpts) {
    this.learnNs = (opts.learnS ?? (opts.epsilonIntervals * opts.controlMs) / 1000) * 1e9;
    this.loaded = opts.weightsIn === undefined ? null : readWeights(opts.weightsIn);
  }

  get epsilon(): number {
    return this.byFlow[0]?.learner.epsilon ?? 1;
  }

  /** A new flow: its learner (weights loaded when given) picks the first configuration. */
  attach(f: BpsFlow, ctx: SchedulerContext): void {
    const o = this.opts;
    if (o.heads === "factored" && (o.learner !== "dqn" || f.dims === null)) {
      throw new OptionsError("bps", [{ path: "heads", message: "factored heads need learner dqn and actions as a grid (one head per knob), not a list" }]);
    }
    const learner = makeLearner(o.learner, {
      ...(o.heads === "factored" ? { heads: f.dims! } : {}),
      actions: f.actions.length, rng: ctx.rng(`bps/learner/${f.index}`), epsIntervals: Math.max(1, Math.round(o.epsilonIntervals / o.hold)), updatesPerStep: o.updatesPerInterval, gamma: o.gamma,
      ...(o.learner === "tabular" ? { binOf: tabularBin, bins: TABULAR_BINS } : o.learner === "bandit" ? { binOf: banditBin, bins: BANDIT_BINS } : {}),
    });
    const w = this.loaded?.[f.index];
    if (this.loaded !== null) {
      if (w === undefined) throw new OptionsError("bps", [{ path: "weightsIn", message: `the file holds weights for ${this.loaded.length} flow(s); flow ${f.index} (${f.model.name}) has none` }]);
      try {
        learner.load(w);
      } catch (e) {
        throw new OptionsError("bps", [{ path: "weightsIn", message: `${(e as Error).message} (file ${resolve(this.opts.weightsIn!)}; write it with weightsOut from a run of the same scenario and actions)` }]);
      }
    }
    this.byFlow[f.index] = { learner, prev: null, prevAction: 0, kept: 0 };
    this.freezeIfDone(ctx);
    const s = this.state(f, ctx, 1);
    this.choose(f, learner.act(s), s, ctx);
  }

  /**
   * End of an interval: every `hold` intervals, learn from the last one and choose the next
   * configuration. The intervals before the last of a hold are the switch's transient (the previous
   * configuration's work draining), so they neither teach nor count as the action's reward.
   */
  step(f: BpsFlow, ctx: SchedulerContext, seconds: number): { action: number; reward: number } {
    const l = this.byFlow[f.index]!;
    const reward = bpsReward(f.window, seconds, this.opts.sloPenalty, this.opts.accWeight);
    if (++l.kept < this.opts.hold) return { action: l.prevAction, reward };
    l.kept = 0;
    const s = this.state(f, ctx, seconds);
    // The learner sees the reward in units of the reference rate (one scale fits every model), times
    // 1 − γ so that a steady reward r gives Q ≈ r rather than r / (1 − γ).
    if (l.prev !== null) l.learner.observe(l.prev, l.prevAction, (reward / f.refRate) * (1 - this.opts.gamma), s);
    this.freezeIfDone(ctx);
    const action = l.learner.act(s);
    l.prev = s;
    l.prevAction = action;
    return { action, reward };
  }

  save(path: string | undefined): void {
    if (path === undefined) return;
    const ws = this.byFlow.map((l) => l.learner.toJSON());
    writeFileSync(path, JSON.stringify(ws.length === 1 ? ws[0] : ws) + "\n");
  }

  private choose(f: BpsFlow, action: number, s: Float64Array, ctx: SchedulerContext): void {
    const l = this.byFlow[f.index]!;
    l.prev = s;
    l.prevAction = action;
    f.action = action;
    const c = f.actions[action]!;
    f.lanes.reconfigure(c, f.plans.get(c.cut, c.codec), ctx);
  }

  private freezeIfDone(ctx: SchedulerContext): void {
    if (this.frozen || ctx.now < this.learnNs) return;
    this.frozen = true;
    for (const l of this.byFlow) l?.learner.freezeEpsilon(this.opts.evalEpsilon);
  }

  private state(f: BpsFlow, ctx: SchedulerContext, seconds: number): Float64Array {
    const r = f.route;
    const bandwidthBps = r.uplink >= 0 ? ctx.bandwidthBps(r.uplink) : 0;
    const config = f.lanes.current;
    return bpsState({
      window: f.window, seconds, bandwidthBps, config, refRate: f.refRate, layers: f.model.layerCount,
      queues: [ctx.queueLength(r.origin) + f.lanes.held, r.uplink >= 0 ? ctx.linkQueueLength(r.uplink) : 0, r.target >= 0 ? ctx.queueLength(r.target) : 0],
      estimate: bpsEstimate(config, { ...f.costs, bandwidthBps }),
      codecIndex: f.codecNames.indexOf(config.codec), codecCount: f.codecNames.length,
    }, new Float64Array(12));
  }
}

/** The weights file as a list per flow (one flow's object alone is a list of one). */
function readWeights(path: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new OptionsError("bps", [{ path: "weightsIn", message: `cannot read ${resolve(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new OptionsError("bps", [{ path: "weightsIn", message: `${resolve(path)} is not JSON: ${(e as Error).message}` }]);
  }
  return Array.isArray(data) ? data : [data];
}
