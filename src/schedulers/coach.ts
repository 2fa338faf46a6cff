// coach (Gao et al., INFOCOM 2025, as reconstructed in coach-decc.md §1): an offline plan — device
// set and bits per boundary tensor, the fewest within the accuracy budget — balanced so the
// device → uplink → cloud pipeline has almost no bubbles; online, a semantic cache answers frames
// close to a cached label on the device, and easy frames drop bits while the link is the bottleneck.
// A frame's plan (hit or miss, bits) is fixed when it arrives, from the cache as filled by the cloud
// results delivered by then and the bandwidth estimate at that instant.
import type { Time } from "../core/time.js";
import { OptionsError } from "../errors.js";
import type { RandomStream } from "../core/random.js";
import { RAW_INPUT, type Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import { COACH_OPTION_LINES, CoachOptions, type CoachOpts } from "./coach-options.js";
import { parseOptions } from "./options.js";
import { coachHitPlan, coachMissPlan } from "./planning/coach-plan.js";
import { coachSearch, type CoachPlanChoice } from "./planning/coach-search.js";
import type { CoachCosts } from "./planning/coach-stages.js";
import { FlowMap } from "./planning/flow-map.js";
import { OnlineBits } from "./planning/online-bits.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { SemanticCache } from "./planning/semantic-cache.js";
import { LEVELS } from "./planning/tensor-bits.js";
import type { Scheduler, SchedulerContext, SchedulerFactory } from "./scheduler.js";

/** One source and model: its offline plan, its online bits, and its plans (hit: wrong, right; miss: by drop level). */
interface Flow {
  model: Model;
  route: SplitRoute;
  costs: CoachCosts;
  offline: CoachPlanChoice;
  bits: OnlineBits;
  hitPlans: (Plan | undefined)[];
  missPlans: (Plan | undefined)[];
}

export const coach: SchedulerFactory = {
  description: "joint cut and bits per tensor for a bubble-free pipeline, online bits and a semantic cache (COACH, INFOCOM 2025, reconstructed)",
  options: COACH_OPTION_LINES,
  requestColumns: [
    { name: "bitsPerTensor", description: "bits of each boundary tensor sent, in the boundary's order, joined by ';' (empty for a cache hit or a local plan)" },
    { name: "cacheHit", description: "true when the semantic cache answered the frame on the device" },
    { name: "label", description: "the frame's scene label (its index in the source's content labels)" },
    { name: "easy", description: "true when a missed frame was easy (thetaEasy <= closeness < theta) and so could drop bits" },
  ],
  unmetNeed(options, sources) {
    const mode = options["mode"] ?? "full";
    if (mode !== "full" && mode !== "fixed-bits") return null;
    return sources.every((s) => s.hasContent) ? null : `it needs a content process on every source for its semantic cache (sources[].content), or options.coach.mode no-cache or offline-only`;
  },
  create(options): Scheduler {
    return new Coach(parseOptions("coach", CoachOptions, options));
  },
};

class Coach implements Scheduler {
  readonly name = "coach";
  private readonly flows: FlowMap<Flow>;
  private readonly caches: SemanticCache[] = [];
  private readonly cacheOn: boolean;
  private readonly bitsOn: boolean;
  private rng: RandomStream | null = null;
  private readonly counts = { frames: 0, hits: 0, wrongHits: 0, easy: 0, belowOffline: 0, bitsSum: 0, sent: 0, repartitions: 0 };

  constructor(private readonly opts: CoachOpts) {
    this.flows = new FlowMap(new RouteCache(opts.target), (ctx, source, model, route) => this.newFlow(ctx, source, model, route));
    this.cacheOn = opts.mode === "full" || opts.mode === "fixed-bits";
    this.bitsOn = opts.mode === "full";
  }

  plan(req: Request, ctx: SchedulerContext): Plan {
    const flow = this.flows.get(req, ctx);
    const rec = req.record();
    rec.label = String(req.content);
    this.counts.frames++;
    const s = this.cacheOn ? this.closeness(req, ctx) : 0;
    if (this.cacheOn && flow.offline.cloud.length > 0 && this.cache(req.source).has(req.content) && s >= this.opts.theta) {
      this.rng ??= ctx.rng("coach");
      const correct = this.rng.next() < this.opts.hitPrecision;
      this.counts.hits++;
      if (!correct) this.counts.wrongHits++;
      rec.cacheHit = true;
      rec.bitsPerTensor = [];
      rec["easy"] = false;
      return (flow.hitPlans[correct ? 1 : 0] ??= coachHitPlan(ctx, flow.model, flow.route, flow.offline, flow.costs.lookupNs(flow.offline.tensors), correct));
    }
    const easy = this.bitsOn && s >= this.opts.thetaEasy && s < this.opts.theta;
    const est = flow.route.uplink >= 0 ? ctx.bandwidthBps(flow.route.uplink) : 0;
    if (flow.bits.observe(est) && this.opts.repartitionAfter !== undefined && flow.bits.linkBoundRun >= this.opts.repartitionAfter) {
      this.repartition(ctx, flow, est);
    }
    const level = easy ? flow.bits.drop : 0;
    const bits = flow.bits.bits(level);
    rec.cacheHit = false;
    rec["easy"] = easy;
    rec.bitsPerTensor = bits;
    if (easy) this.counts.easy++;
    if (level > 0) this.counts.belowOffline++;
    if (bits.length > 0) {
      this.counts.bitsSum += bits.reduce((a, b) => a + b, 0) / bits.length;
      this.counts.sent++;
    }
    const lookup = this.cacheOn ? flow.costs.lookupNs(flow.offline.tensors) : 0;
    return (flow.missPlans[level] ??= coachMissPlan(ctx, flow.model, flow.route, flow.offline, bits, flow.bits.lossPct(level), lookup, this.opts.quantizeCost === "pass"));
  }

  onComplete(req: Request): void {
    if (!this.cacheOn || req.record().cacheHit !== false) return;
    // The cloud's answer for a missed frame comes back: its label enters (or refreshes) the cache.
    if (req.cut !== "" && req.bytesSent > 0) this.cache(req.source).returned(req.content);
  }

  summary(): Record<string, unknown> {
    const c = this.counts;
    const ms = (ns: number): number => Math.round(ns) / 1e6;
    return {
      mode: this.opts.mode,
      search: this.opts.search,
      frames: c.frames,
      hitRatio: c.frames > 0 ? c.hits / c.frames : 0,
      wrongHits: c.wrongHits,
      easyFrames: c.easy,
      framesBelowOfflineBits: c.belowOffline,
      meanBits: c.sent > 0 ? c.bitsSum / c.sent : 0,
      repartitions: c.repartitions,
      plans: [...this.flows.values()].map((f) => ({
        model: f.model.name,
        cut: f.offline.label,
        tensorBits: f.offline.bits,
        lossPct: f.offline.lossPct,
        withinBudget: f.offline.withinBudget,
        stagesMs: { device: ms(f.offline.stages.device), uplink: ms(f.offline.stages.uplink), target: ms(f.offline.stages.target), downlink: ms(f.offline.stages.downlink) },
        latencyMs: ms(f.offline.stages.latency),
        evaluated: f.offline.evaluated,
      })),
    };
  }

  private newFlow(ctx: SchedulerContext, source: number, model: Model, route: SplitRoute): Flow {
    if (this.cacheOn && ctx.source(source).content === null) {
      throw new OptionsError("coach", [{
        path: "mode",
        message: `mode ${this.opts.mode} uses the semantic cache, and source ${source} has no content process: give the source content (labels, stayProb, closeness) or use mode no-cache or offline-only`,
      }]);
    }
    const costs = this.costs(ctx, model, route, this.opts.nominalMbps === undefined ? null : (this.opts.nominalMbps * 1e6) / 8);
    const offline = this.search(ctx, model, route, costs);
    return { model, route, costs, offline, bits: this.onlineBits(ctx, model, route, offline), hitPlans: [], missPlans: [] };
  }

  private search(ctx: SchedulerContext, model: Model, route: SplitRoute, costs: CoachCosts): CoachPlanChoice {
    const o = this.opts;
    const levels = o.levels === undefined ? LEVELS : [...new Set(o.levels)].sort((a, b) => a - b);
    return coachSearch(ctx, model, route, costs, {
      search: o.search, objective: o.objective, weight: o.weight, bubbleStages: o.bubbleStages,
      budgetPct: o.accuracyBudgetPct, combine: o.lossCombine, window: o.window, levels,
    });
  }

  private onlineBits(ctx: SchedulerContext, model: Model, route: SplitRoute, offline: CoachPlanChoice): OnlineBits {
    const o = this.opts;
    const loss = (t: number, b: number): number => (t === RAW_INPUT ? 0 : ctx.accuracyLossPct(model, model.names[t]!, b));
    return new OnlineBits(model, offline, loss, {
      budgetPct: o.accuracyBudgetPct, combine: o.lossCombine, easyLossFactor: o.easyLossFactor, hysteresis: o.hysteresis,
      headerBytes: ctx.headerBytes, levels: o.levels === undefined ? LEVELS : [...new Set(o.levels)].sort((a, b) => a - b),
    });
  }

  /** Re-run the offline search at the current estimate (after repartitionAfter link-bound frames). */
  private repartition(ctx: SchedulerContext, f: Flow, bps: number): void {
    f.costs = this.costs(ctx, f.model, f.route, bps);
    f.offline = this.search(ctx, f.model, f.route, f.costs);
    f.bits = this.onlineBits(ctx, f.model, f.route, f.offline);
    f.hitPlans = [];
    f.missPlans = [];
    this.counts.repartitions++;
  }

  /** Stage costs: transmission at `bps` (null: the estimate, through ctx.transferNs), look-ups, passes. */
  private costs(ctx: SchedulerContext, model: Model, route: SplitRoute, bps: number | null): CoachCosts {
    const up = route.uplink;
    const latency = up >= 0 ? ctx.topology.links[up]!.latencyNs : 0;
    const dev = ctx.topology.stations[route.origin]!.device;
    const k = this.opts.cacheSize;
    const fixed = this.opts.cacheLookupMs;
    const cacheOn = this.cacheOn;
    return {
      quantizePass: this.opts.quantizeCost === "pass",
      sendNs: (bytes) => (bps === null ? ctx.transferNs(up, bytes) - latency : Math.ceil((bytes / bps) * 1e9)),
      lookupNs(tensors): Time {
        if (!cacheOn || tensors.length === 0) return 0;
        if (fixed !== undefined) return Math.round(fixed * 1e6);
        // K dot products over the channels at the cut (global-average-pooled features).
        let channels = 0;
        for (let i = 0; i < tensors.length; i++) channels += channelsOf(model, tensors[i]!);
        return Math.ceil(((2 * k * channels) / (dev.peakFlops.fp32 * dev.efficiency)) * 1e9);
      },
    };
  }

  private cache(source: number): SemanticCache {
    return (this.caches[source] ??= new SemanticCache(this.opts.cacheSize, this.opts.eviction));
  }

  private closeness(req: Request, ctx: SchedulerContext): number {
    const s = ctx.closeness(req);
    return Number.isNaN(s) ? 0 : s;
  }

}

/** Channels of a tensor: the first dimension of its shape (the raw input's too), else its size. */
function channelsOf(model: Model, t: number): number {
  const shape = t === RAW_INPUT ? model.spec.input.shape : model.spec.layers[t]!.outputShape;
  return shape !== null && shape.length > 0 ? shape[0]! : t === RAW_INPUT ? model.inputElements : model.outputElements[t]!;
}
