// bps (Hou et al., IEEE TCC 2024, as reconstructed in halp-bps.md §2): continuous inference on a
// device with a remote helper. A configuration — cut k, offload batch b, local batch b_L, the share
// α run local-only, a codec for the cut tensor, pipelining — is chosen every control interval by a
// learner (DQN by default), by `oracle` from the analytic model with the next interval's true
// bandwidth, or pinned to one mode's best static choice. Requests wait in their lane until a batch
// fills or times out; the wait counts in their latency.
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Request } from "../workload/request.js";
import type { QueueView } from "../platform/views.js";
import type { Work } from "../workload/work.js";
import { BPS_OPTION_LINES, BpsOptions, type BpsOpts } from "./bps-options.js";
import { needsUplink } from "./needs.js";
import { parseOptions } from "./options.js";
import { bpsActionGrid } from "./planning/bps-actions.js";
import { BpsCodecs } from "./planning/bps-codecs.js";
import { bpsCosts } from "./planning/bps-costs.js";
import { BpsLanes, continuationAt, GroupBook, groupAt } from "./planning/bps-lanes.js";
import { bestBpsConfig, type BpsConfig, type BpsCosts } from "./planning/bps-model.js";
import { BpsPlanBook } from "./planning/bps-plans.js";
import { BpsDecisionLog, BpsLearning, nextIntervalBps, pinnedChoice } from "./planning/bps-control.js";
import { bpsReward, BpsWindow } from "./planning/bps-window.js";
import { FlowMap } from "./planning/flow-map.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { DEFER, type Scheduler, type SchedulerContext, type SchedulerFactory } from "./scheduler.js";

/** One source's model on its route: its actions, costs, plans, lanes and what it learns. */
export interface BpsFlow {
  readonly index: number;
  readonly model: Model;
  readonly route: SplitRoute;
  readonly actions: readonly BpsConfig[];
  /** The action grid's dimensions (cuts, batch pairs, α, codecs, pipelining), null for an explicit list. */
  readonly dims: readonly number[] | null;
  readonly codecNames: readonly string[];
  /** Costs at the nominal bandwidth (times memoised; `withBandwidth` re-targets the link). */
  readonly costs: BpsCosts;
  readonly rate: number | undefined;
  /** Requests/s of the best configuration at the nominal bandwidth: the state's scale. */
  readonly refRate: number;
  /** Arrivals that find this many requests held are dropped. */
  readonly maxHeld: number;
  readonly plans: BpsPlanBook;
  readonly lanes: BpsLanes;
  readonly window: BpsWindow;
  action: number;
}

export const bps: SchedulerFactory = {
  description: "batching, pipelining and surgery chosen by a DQN (BPS, TCC 2024, reconstructed): cut, batches, local share, codec (FF stand-in) per control interval",
  options: BPS_OPTION_LINES,
  requestColumns: [
    { name: "lane", description: "local (all layers on the device) or offload (split at k)" },
    { name: "k", description: "the cut of an offloaded request (layers [0, k) on the device; 0 sends the input), -1 for local" },
    { name: "b", description: "the batch size of its lane's configuration when it arrived" },
    { name: "codec", description: "the codec of the cut tensor (off, uniform8, uniform4, ff, or the scenario's)" },
  ],
  unmetNeed(_options, sources) {
    // BPS serves continuous streams: its batches, timeouts and hold limit are set by the rate.
    if (sources.some((s) => s.ratePerSec === null)) return "it serves request streams: every source needs a rate (periodic, poisson or file arrivals)";
    return needsUplink(sources);
  },
  create(options): Scheduler {
    return new Bps(parseOptions("bps", BpsOptions, options));
  },
};

class Bps implements Scheduler {
  readonly name = "bps";
  readonly tick;
  private readonly flows: FlowMap<BpsFlow>;
  private readonly book = new GroupBook();
  private readonly byOrigin: BpsFlow[][] = [];
  /** Flows by the stations (origin, target) and the uplink they use. */
  private readonly byStation: BpsFlow[][] = [];
  private readonly byLink: BpsFlow[][] = [];
  private readonly learning: BpsLearning | null;
  private readonly log = new BpsDecisionLog();
  private flowCount = 0;
  private lastPick = 1;

  constructor(private readonly opts: BpsOpts) {
    this.flows = new FlowMap(new RouteCache(opts.target), (ctx, source, model, route) => this.newFlow(ctx, source, model, route));
    this.tick = { everyMs: opts.controlMs, run: (ctx: SchedulerContext) => this.control(ctx) };
    this.learning = opts.mode === "learned" ? new BpsLearning(opts) : null;
  }

  plan(req: Request, ctx: SchedulerContext): typeof DEFER {
    const flow = this.flows.get(req, ctx);
    flow.window.arrived();
    if (flow.lanes.held >= flow.maxHeld) ctx.drop(req, `bps: ${flow.maxHeld} requests already held (maxHeld)`);
    else flow.lanes.add(req, ctx);
    return DEFER;
  }

  pick(station: number, waiting: QueueView<Work>, ctx: SchedulerContext): number {
    const g = (this.byOrigin[station] !== undefined ? continuationAt(waiting, this.book) : null) ?? groupAt(waiting, this.book);
    if (g === null) return -1; // every group here still waits for members on the link
    this.lastPick = g.size;
    this.wakeHeld(this.byStation[station], ctx);
    return g.index;
  }

  pickTransfer(link: number, _waiting: QueueView<Work>, ctx: SchedulerContext): number {
    this.wakeHeld(this.byLink[link], ctx);
    return 0;
  }

  /** A batch or transfer is starting: flows holding batches re-check their gates (at this instant, after it). */
  private wakeHeld(flows: readonly BpsFlow[] | undefined, ctx: SchedulerContext): void {
    if (flows === undefined) return;
    for (const f of flows) if (f.lanes.waiting(ctx.now)) ctx.wakeAt(f.route.origin, ctx.now);
  }

  batch(): number {
    return this.lastPick;
  }

  onWake(station: number, ctx: SchedulerContext): void {
    for (const f of this.byOrigin[station] ?? []) f.lanes.onWake(ctx);
  }

  onComplete(req: Request, ctx: SchedulerContext): void {
    const f = this.flows.get(req, ctx);
    f.window.completed(req, f.lanes.epoch);
    f.lanes.done(req, ctx);
  }

  onDrop(req: Request, _reason: string, ctx: SchedulerContext): void {
    const g = req.outcome?.["group"];
    if (typeof g === "number") this.book.dropped[g]!++;
    this.flows.get(req, ctx).lanes.done(req, ctx);
  }

  summary(): Record<string, unknown> {
    this.learning?.save(this.opts.weightsOut);
    const flows = [...this.flows.values()].map((f) => ({
      model: f.model.name, actions: f.actions.length, refRatePerSec: f.refRate, final: f.lanes.current,
    }));
    return {
      mode: this.opts.mode,
      ...(this.learning === null ? {} : { learner: this.opts.learner, epsilon: this.learning.epsilon }),
      controlMs: this.opts.controlMs,
      flows,
      switches: this.log.switches,
      tables: { decisions: this.log.rows },
    };
  }

  /** Every control interval: observe each flow's window, choose, reconfigure. */
  private control(ctx: SchedulerContext): void {
    const seconds = this.opts.controlMs / 1000;
    for (const f of this.flows.values()) {
      let action = f.action;
      let reward: number;
      if (this.learning !== null) {
        ({ action, reward } = this.learning.step(f, ctx, seconds));
      } else {
        reward = bpsReward(f.window, seconds, this.opts.sloPenalty, this.opts.accWeight);
        if (this.opts.mode === "oracle") action = this.oracleIndex(f.actions, f.costs, f.rate, ctx, f.route.uplink);
      }
      this.log.add(ctx.now, f, action, reward, this.learning?.epsilon ?? 0, seconds);
      if (action !== f.action) this.use(f, action, ctx);
      f.window.next();
    }
  }

  /** oracle's choice: the model's best configuration at the next interval's true mean bandwidth, by the learner's reward (accuracy-weighted). */
  private oracleIndex(actions: readonly BpsConfig[], costs: BpsCosts, rate: number | undefined, ctx: SchedulerContext, uplink: number): number {
    const bps = nextIntervalBps(ctx, uplink, this.opts.controlMs * 1e6);
    return bestBpsConfig(actions, { ...costs, bandwidthBps: bps }, { ...(rate === undefined ? {} : { rate }), accWeight: this.opts.accWeight }).index;
  }

  private use(f: BpsFlow, action: number, ctx: SchedulerContext): void {
    f.action = action;
    const c = f.actions[action]!;
    f.lanes.reconfigure(c, f.plans.get(c.cut, c.codec), ctx);
  }

  private newFlow(ctx: SchedulerContext, source: number, model: Model, route: SplitRoute): BpsFlow {
    const o = this.opts;
    if (o.mode === "oracle" && ctx.estimatorKind !== "oracle") {
      throw new OptionsError("bps", [{ path: "mode", message: `mode oracle chooses with the next interval's true bandwidth, so it needs the oracle estimator: add estimator: oracle to this scheduler's options (it plans with ${ctx.estimatorKind})` }]);
    }
    const dev = ctx.topology.stations[route.origin]!;
    const remote = route.target >= 0 ? ctx.topology.stations[route.target]! : dev;
    const codecNames = BpsCodecs.names(o.codecs);
    const { configs: actions, dims } = bpsActionGrid(model, o.actions, { deviceMaxBatch: dev.maxBatch, remoteMaxBatch: remote.maxBatch, codecs: codecNames, headerBytes: ctx.headerBytes });
    const codecs = new BpsCodecs(ctx, model, route, o.codecs);
    const nominal = o.nominalMbps !== undefined ? (o.nominalMbps * 1e6) / 8 : route.uplink >= 0 ? ctx.bandwidthBps(route.uplink) : 0;
    const costs = bpsCosts(ctx, model, route, { bandwidthBps: nominal, codec: (name, k, b) => codecs.cost(name, k, b) });
    const rate = ctx.source(source).ratePerSec ?? undefined;
    const refRate = bestBpsConfig(actions, costs).estimate.throughput;
    const plans = new BpsPlanBook(ctx, model, route, codecs);
    const first = this.firstAction(actions, costs, rate, ctx, route.uplink, model);
    const c = actions[first.index]!;
    const config = first.config ?? c;
    const lanes = new BpsLanes(route, Math.round(o.batchTimeoutMs * 1e6), this.book, o.lane === "random" ? ctx.rng(`bps/lane/${source}`) : null, config, plans.get(config.cut, config.codec));
    const flow: BpsFlow = {
      index: this.flowCount++, model, route, actions, dims, codecNames, costs, rate, refRate, plans, lanes, window: new BpsWindow(), action: first.index,
      maxHeld: o.maxHeld ?? (rate === undefined ? Infinity : Math.max(Math.ceil(2 * rate), 2 * Math.max(...actions.map((a) => Math.max(a.batch, a.localBatch))))),
    };
    (this.byOrigin[route.origin] ??= []).push(flow);
    (this.byStation[route.origin] ??= []).push(flow);
    if (route.target >= 0 && route.target !== route.origin) (this.byStation[route.target] ??= []).push(flow);
    if (route.uplink >= 0) (this.byLink[route.uplink] ??= []).push(flow);
    this.learning?.attach(flow, ctx);
    return flow;
  }

  /** The configuration before the first interval ends: the learner's first pick, oracle's, or the pinned mode's. */
  private firstAction(actions: readonly BpsConfig[], costs: BpsCosts, rate: number | undefined, ctx: SchedulerContext, uplink: number, model: Model): { index: number; config?: BpsConfig } {
    const mode = this.opts.mode;
    if (mode === "learned") return { index: 0 }; // replaced by attach() once the flow exists
    if (mode === "oracle") return { index: this.oracleIndex(actions, costs, rate, ctx, uplink) };
    // A pinned mode keeps its configuration; index -1 in the log (it is not necessarily in the list).
    return { index: -1, config: pinnedChoice(mode, actions, costs, rate, model.layerCount, this.opts.accWeight) };
  }
}
