// decc (Zhuang et al., IEEE TETC 2025, as reconstructed in coach-decc.md §2): a branchy DNN's
// fork–join region is split branch by branch between the device and the target, and the branches
// are pipelined over device, uplink and target (each tensor sent as soon as its branch produced
// it); the plan minimises the predicted delay at the request rate (makespan + a queueing wait per
// resource), so a plan that would saturate a resource is not chosen for its unloaded speed.
// Plans are made per (source, model) and made again when the rate or the bandwidth estimate moves
// beyond `hysteresis`, or every `replanMs`.
import { z } from "zod";
import type { Time } from "../core/time.js";
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import { parseOptions } from "./options.js";
import { branchPlan, type BranchPlanStyle } from "./planning/branch-plan.js";
import { deccCosts } from "./planning/decc-costs.js";
import { deccSearch, RESOURCES, type Background, type Candidate, type SearchSettings } from "./planning/decc-search.js";
import { forkJoinRegions, type ForkJoinRegion } from "./planning/fork-join-regions.js";
import { FlowMap } from "./planning/flow-map.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { splitPlan } from "./planning/split-plan.js";
import { threePartCosts, threePartPlan } from "./planning/three-part.js";
import { RunningScv } from "./planning/running-scv.js";
import type { Scheduler, SchedulerContext, SchedulerFactory } from "./scheduler.js";

const nonNegative = (name: string) => z.number().finite().min(0, { message: `${name} must be >= 0` });

const Options = z.strictObject({
  objective: z.enum(["delay", "latency"]).default("delay"),
  queue: z.enum(["md1", "mg1"]).default("md1"),
  rate: z.enum(["source", "estimate"]).default("source"),
  ratePerSec: z.number().positive().finite().optional(),
  rateWindow: z.number().int().min(1).default(20),
  hysteresis: nonNegative("hysteresis").default(0.1),
  replanMs: nonNegative("replanMs").default(0),
  frontier: z.enum(["region", "trunk"]).default("region"),
  parts: z.enum(["two", "three"]).default("two"),
  branches: z.enum(["fine", "coarse"]).default("fine"),
  order: z.enum(["auto", "all", "cds"]).default("auto"),
  coalesce: z.boolean().default(false),
  edgeBranches: z.enum(["serial", "parallel"]).default("serial"),
  cloudBranches: z.enum(["serial", "parallel"]).default("serial"),
  target: z.string().optional(),
});

type Opts = z.output<typeof Options>;

/** One flow: the requests of one source and one model, planned together. */
interface Flow {
  source: number;
  model: Model;
  route: SplitRoute;
  regions: ForkJoinRegion[];
  best: Candidate | null;
  plan: Plan | null;
  /** The estimates the plan was made with, and when. */
  upBps: number;
  lambda: number;
  at: Time;
  plans: Map<string, Plan>;
}

export const decc: SchedulerFactory = {
  description: "branch-parallel device–cloud pipelines for branchy DNNs, planned for the request rate (DECC, TETC 2025, reconstructed)",
  options: [
    "objective (delay | latency, default delay): makespan + a queueing wait per resource at the request rate, or the single-request makespan",
    "queue (md1 | mg1, default md1): the wait model of delay; mg1 uses the service-time variance measured on completed requests",
    "rate (source | estimate, default source): the source's fps/ratePerSec, or estimated from the arrivals seen",
    "ratePerSec (requests/s > 0): the rate for delay when the source has none (batch, closed)",
    "rateWindow (whole number >= 1, default 20): arrivals the rate estimate averages over (an exponential average)",
    "hysteresis (>= 0, default 0.1): plan again when the rate or the uplink estimate moves by more than this fraction",
    "replanMs (ms >= 0, default 0): also plan again once this long has passed since the last plan (0: only on a move beyond hysteresis)",
    "frontier (region | trunk, default region): search fork–join regions branch by branch, or single cuts only",
    "parts (two | three, default two): also weigh device → target → device plans (two cuts; the result stays on the device; needs a downlink)",
    "branches (fine | coarse, default fine): cut a branch anywhere its layers allow, or only between the blocks of its series (a region nested in a branch goes to one side whole)",
    "order (auto | all | cds, default auto): branch order by trying every order (auto: when a region has <= 5 branches to order) or by CDS",
    "coalesce (true | false, default false): send a branch's tensors as one transfer instead of one per tensor",
    "edgeBranches, cloudBranches (serial | parallel, default serial): on a node with several servers, run the branches one at a time in the planned order, or let them overlap (then the plan's prediction is that of one server)",
    "target (node, default: the destination of the origin's first link): where the rest runs",
  ],
  unmetNeed(options, sources) {
    // The default objective needs a rate; a batch or closed source has none of its own.
    if ((options["objective"] ?? "delay") !== "delay" || (options["rate"] ?? "source") !== "source" || options["ratePerSec"] !== undefined) return null;
    const without = sources.find((s) => s.ratePerSec === null);
    return without === undefined ? null : `it needs a request rate for objective delay, and a ${without.kind} source has none: options.decc.ratePerSec, rate: estimate or objective: latency`;
  },
  create(options): Scheduler {
    return new Decc(parseOptions("decc", Options, options));
  },
};

class Decc implements Scheduler {
  readonly name = "decc";
  private readonly flows: FlowMap<Flow>;
  private readonly regionsOf = new Map<Model, ForkJoinRegion[]>();
  private readonly notes = new Set<string>();
  private readonly lastArrival: number[] = [];
  private readonly meanGap: number[] = [];
  private readonly computeScv = new RunningScv();
  private readonly transferScv = new RunningScv();
  private readonly style: BranchPlanStyle;
  private replans = 0;

  constructor(private readonly opts: Opts) {
    this.flows = new FlowMap(new RouteCache(opts.target), (_ctx, source, model, route) => ({
      source, model, route, regions: this.regions(model), best: null, plan: null, upBps: -1, lambda: -1, at: 0, plans: new Map(),
    }));
    this.style = { coalesce: opts.coalesce, serialEdge: opts.edgeBranches === "serial", serialCloud: opts.cloudBranches === "serial" };
  }

  plan(req: Request, ctx: SchedulerContext): Plan {
    if (this.opts.rate === "estimate") this.observeArrival(req.source, ctx.now);
    const flow = this.flows.get(req, ctx);
    const upBps = flow.route.uplink >= 0 ? ctx.bandwidthBps(flow.route.uplink) : 0;
    const lambda = this.lambda(ctx, req.source);
    const h = this.opts.hysteresis;
    const timer = this.opts.replanMs > 0 && ctx.now - flow.at >= this.opts.replanMs * 1e6;
    if (flow.plan === null || moved(upBps, flow.upBps, h) || moved(lambda, flow.lambda, h) || timer) this.replan(ctx, flow, upBps, lambda);
    return flow.plan!;
  }

  onComplete(req: Request): void {
    if (this.opts.queue !== "mg1") return;
    this.computeScv.add(req.computeNs);
    this.transferScv.add(req.transferNs);
  }

  summary(): Record<string, unknown> {
    const ms = (ns: number): number => Math.round(ns) / 1e6;
    return {
      objective: this.opts.objective,
      queue: this.opts.queue,
      rate: this.opts.rate,
      replans: this.replans,
      flows: [...this.flows.values()].map((f) => ({
        source: f.source,
        model: f.model.name,
        ratePerSec: f.lambda * 1e9,
        frontier: f.best === null ? null : this.describe(f),
        cut: f.plan?.summary.cut ?? null,
        predictedMakespanMs: f.best === null ? null : ms(f.best.makespan),
        predictedDelayMs: f.best === null || f.best.delay === Infinity ? null : ms(f.best.delay),
        utilisation: f.best === null ? null : Object.fromEntries(RESOURCES.map((r, x) => [r, f.lambda * f.best!.busy[x]!])),
      })),
      notes: [...this.notes],
    };
  }

  private regions(model: Model): ForkJoinRegion[] {
    let r = this.regionsOf.get(model);
    if (r === undefined) {
      r = this.opts.frontier === "region" ? forkJoinRegions(model, undefined, this.opts.branches === "coarse").regions : [];
      if (this.opts.frontier === "region" && r.length === 0) this.notes.add(`model ${model.name} has no fork–join region: single cuts only`);
      this.regionsOf.set(model, r);
    }
    return r;
  }

  private replan(ctx: SchedulerContext, f: Flow, upBps: number, lambda: number): void {
    const costs = deccCosts(ctx, f.model, f.route, f.regions, this.opts.coalesce);
    const st = ctx.topology.stations;
    const settings: SearchSettings = {
      objective: this.opts.objective,
      lambda,
      servers: [st[f.route.origin]!.servers, 1, f.route.target >= 0 ? st[f.route.target]!.servers : 1, 1],
      scv: this.opts.queue === "mg1" ? [this.computeScv.value(), this.transferScv.value(), this.computeScv.value(), this.transferScv.value()] : [0, 0, 0, 0],
      background: this.background(f),
      allOrdersUpTo: this.opts.order === "cds" ? 0 : this.opts.order === "all" ? Infinity : 5,
      regions: f.regions.length > 0,
      threePart: this.opts.parts === "three" ? threePartCosts(ctx, f.model, f.route) : [],
    };
    if (this.opts.parts === "three" && f.route.downlink < 0) this.notes.add(`parts: three needs a link back from the target: two-part plans only for source ${f.source}`);
    f.best = deccSearch(costs, settings);
    if (f.best.delay === Infinity && this.opts.objective === "delay")
      this.notes.add(`source ${f.source} (${f.model.name}): every plan saturates a resource at ${fmt(lambda * 1e9)} requests/s; the least saturating was chosen`);
    f.plan = this.planFor(ctx, f, f.best);
    f.upBps = upBps;
    f.lambda = lambda;
    f.at = ctx.now;
    this.replans++;
  }

  private planFor(ctx: SchedulerContext, f: Flow, c: Candidate): Plan {
    const fr = c.frontier;
    const key = fr.kind === "trunk" ? `k${fr.k}` : fr.kind === "three" ? `t${fr.k1}:${fr.k2}` : `r${fr.region}:${fr.choice.join(",")}:${fr.order.join(",")}`;
    let plan = f.plans.get(key);
    if (plan === undefined) {
      plan = fr.kind === "trunk"
        ? splitPlan(ctx, f.model, f.route, f.model.prefixCuts()[fr.k]!, 32)
        : fr.kind === "three"
          ? threePartPlan(ctx, f.model, f.route, fr.k1, fr.k2)
          : branchPlan(ctx, f.model, f.route, f.regions[fr.region]!, fr.choice, fr.order, this.style);
      f.plans.set(key, plan);
    }
    return plan;
  }

  /** Load the other flows' current plans put on the resources this flow uses. */
  private background(f: Flow): Background[] {
    const bg = RESOURCES.map(() => ({ rate: 0, busy: 0, second: 0 }));
    const ids = (r: SplitRoute): number[] => [r.origin, r.uplink, r.target, r.downlink];
    const mine = ids(f.route);
    for (const g of this.flows.values()) {
      if (g === f || g.best === null || g.lambda <= 0) continue;
      const theirs = ids(g.route);
      RESOURCES.forEach((_, x) => {
        const U = g.best!.busy[x]!;
        if (theirs[x] !== mine[x] || mine[x]! < 0 || U === 0) return;
        bg[x]!.rate += g.lambda;
        bg[x]!.busy += g.lambda * U;
        bg[x]!.second += g.lambda * U * U;
      });
    }
    return bg;
  }

  private describe(f: Flow): string {
    const fr = f.best!.frontier;
    const after = (k: number): string => (k === 0 ? "input" : f.model.names[k - 1]!);
    if (fr.kind === "trunk") return fr.k === 0 ? "cloud-only" : fr.k === f.model.layerCount ? "device-only" : `cut ${after(fr.k)}`;
    if (fr.kind === "three") return `device → target → device, cuts ${after(fr.k1)} and ${after(fr.k2)}`;
    const region = f.regions[fr.region]!;
    const first = (b: number): string => f.model.names[region.branches[b]![region.branches[b]!.length - 1]!.device[0]!]!;
    return `region ${region.label}, order ${fr.order.map(first).join(" > ") || "(all branches on the target)"}`;
  }

  /** Requests per ns for the delay objective: the source's rate, an option, or the estimate. */
  private lambda(ctx: SchedulerContext, source: number): number {
    if (this.opts.objective === "latency") return 0;
    if (this.opts.rate === "estimate") {
      const gap = this.meanGap[source];
      return gap === undefined || gap <= 0 ? 0 : 1 / gap;
    }
    const rate = this.opts.ratePerSec ?? ctx.source(source).ratePerSec;
    if (rate === null) {
      throw new OptionsError("decc", [{
        path: "rate",
        message: `rate: source needs the source's rate, and source ${source} (${ctx.source(source).arrivals.kind} arrivals) has none: give options.decc.ratePerSec, rate: estimate, or objective: latency`,
      }]);
    }
    return rate / 1e9;
  }

  private observeArrival(source: number, now: Time): void {
    const last = this.lastArrival[source];
    this.lastArrival[source] = now;
    if (last === undefined) return;
    const gap = now - last;
    const m = this.meanGap[source];
    this.meanGap[source] = m === undefined ? gap : m + (gap - m) / this.opts.rateWindow;
  }
}

/** Whether x moved from x0 by more than the fraction h (any move from 0 counts). */
function moved(x: number, x0: number, h: number): boolean {
  if (x0 <= 0) return x !== x0;
  return Math.abs(x - x0) > h * x0;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
