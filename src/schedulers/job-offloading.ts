// job-offloading (Duan & Wu, TMC 2024, as reconstructed in job-offloading-and-baselines.md §2):
// many jobs on one device choose each job's cut *and* the order in which they use the device,
// the uplink and the cloud, so computing one job hides sending another. Jobs released together
// (a batch) are planned together; a stream is held and planned per window. Modes: joint,
// partition-only, schedule-only and exhaustive (planning/batch-plan.ts).
import { z } from "zod";
import { ms, type Time } from "../core/time.js";
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import { findCut } from "./fixed-split.js";
import { bitsOption, parseOptions } from "./options.js";
import { EXHAUSTIVE_MAX_ASSIGNMENTS, EXHAUSTIVE_MAX_JOBS, exhaustiveAssignments, instanceOf, planBatch, type BatchMode } from "./planning/batch-plan.js";
import { flowShopSchedule } from "./planning/flow-shop.js";
import { LowerBound } from "./planning/lower-bound.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { SplitPlanCache } from "./planning/split-plan.js";
import { stageTimes, type StageTimes } from "./planning/stage-times.js";
import { pathTable } from "./planning/dag-path.js";
import { admitPathWindow, isPathRow, type Gated } from "./planning/path-window.js";
import { DEFER, type PlanResult, type Scheduler, type SchedulerContext, type SchedulerFactory } from "./scheduler.js";
import { needsUplink } from "./needs.js";

const Options = z
  .strictObject({
    mode: z.enum(["joint", "partition-only", "schedule-only", "exhaustive"]).default("joint"),
    cut: z.string().optional(),
    bits: bitsOption,
    target: z.string().optional(),
    stages: z.enum(["all", "two"]).default("all"),
    candidates: z.enum(["hull", "dominance"]).default("hull"),
    dag: z.enum(["prefix", "path"]).default("prefix"),
    windowRequests: z.number().int().min(1).optional(),
    windowMs: z.number().positive().finite().optional(),
  })
  .refine((o) => o.windowRequests === undefined || o.windowMs === undefined, {
    message: "give windowRequests or windowMs, not both",
    path: ["windowMs"],
  })
  .refine((o) => o.cut === undefined || o.mode === "schedule-only", { message: "cut is an option of mode schedule-only only", path: ["cut"] });

type Opts = z.output<typeof Options>;

/** One model's stage times on one route at one bandwidth estimate: as they are, and as planned. */
interface Tables {
  bps: number;
  truth: StageTimes;
  planning: StageTimes;
}

/** Jobs of one origin device waiting for their window to be planned. */
interface Origin {
  route: SplitRoute;
  pending: Request[];
  /** Time of the window timer set (windowMs), or -1. */
  timerAt: Time;
  /** When each pipeline machine is free of already planned jobs, as the plans predicted. */
  ready: number[];
  bound: LowerBound | null;
  /** Requests that can still arrive here (Infinity for none known: closed sources). */
  capacity: number;
  /** Planned jobs held until the region plan before them has its branches queued (dag: path). */
  gated: Gated[];
  /** No job is admitted before this: the trunk end of the last region plan planned. */
  gateAt: Time;
}

export const jobOffloading: SchedulerFactory = {
  description: "joint cut per job and pipeline order for many jobs (Duan & Wu, TMC 2024, reconstructed)",
  options: [
    "mode (joint | partition-only | schedule-only | exhaustive, default joint): joint = cuts and order together; partition-only = each job's latency-optimal cut, arrival order; schedule-only = one cut (option cut, default latency-optimal) in the best order; exhaustive = every cut multiset, at most 8 jobs at once",
    "cut (layer name or \"input\", schedule-only only; default: each model's latency-optimal cut)",
    "bits (2-8, 16 or 32, default 32): bits per element of the boundary tensors",
    "target (node, default: the destination of the origin's first link): where the rest runs",
    "stages (all | two, default all): plan with every stage the pipeline has, or the device and uplink only (the 2-stage model, cloud time ignored)",
    "candidates (hull | dominance, default hull): cuts the joint search moves along: the lower convex hull of (device, send) times, or every undominated cut",
    "dag (prefix | path, default prefix): a DAG job's cuts: prefixes of the file's order, or also one fork–join region split branch by branch, each branch sending its own tensors (the path-based policy)",
    "windowRequests (whole number >= 1): hold a stream's requests and plan every n of them together",
    "windowMs (ms > 0): hold a stream's requests and plan them every windowMs after the first one waits (not with windowRequests)",
  ],
  requestColumns: [
    { name: "order", description: "position (0-based) of the request in its batch's or window's planned pipeline order" },
  ],
  unmetNeed: (_options, sources) => needsUplink(sources),
  create(options): Scheduler {
    return new JobOffloading(parseOptions("job-offloading", Options, options));
  },
};

class JobOffloading implements Scheduler {
  readonly name = "job-offloading";
  private readonly plans = new SplitPlanCache();
  private readonly regionPlans = new Map<string, Plan>();
  private readonly routes: RouteCache;
  private readonly origins = new Map<number, Origin>();
  /** Stage tables (true, and as planned) per model and route, rebuilt when the uplink estimate moves. */
  private readonly tables = new Map<Model, Map<SplitRoute, Tables>>();
  private readonly arrived: number[] = [];
  private windows = 0;
  private jobs = 0;
  private firstArrival = Infinity;
  private lastCompletion = -Infinity;
  private predictedEnd = -Infinity;
  private readonly methods: Record<string, number> = {};

  constructor(private readonly opts: Opts) {
    this.routes = new RouteCache(opts.target);
  }

  plan(req: Request, ctx: SchedulerContext): PlanResult {
    return this.planArrivals([req], ctx)[0]!;
  }

  planArrivals(reqs: readonly Request[], ctx: SchedulerContext): readonly PlanResult[] {
    const touched = new Set<Origin>();
    for (const req of reqs) {
      const o = this.origin(ctx, req.source);
      o.pending.push(req);
      this.arrived[req.source] = (this.arrived[req.source] ?? 0) + 1;
      this.firstArrival = Math.min(this.firstArrival, req.arrival);
      touched.add(o);
    }
    for (const o of touched) this.maybeFlush(ctx, o);
    return reqs.map(() => DEFER);
  }

  onWake(station: number, ctx: SchedulerContext): void {
    const o = this.origins.get(station);
    if (o === undefined) return;
    while (o.gated.length > 0 && o.gated[0]!.at <= ctx.now) ctx.admit(o.gated[0]!.req, o.gated.shift()!.plan);
    if (o.timerAt === ctx.now && o.pending.length > 0) this.flush(ctx, o);
  }

  onComplete(req: Request): void {
    this.lastCompletion = Math.max(this.lastCompletion, req.completion);
  }

  summary(): Record<string, unknown> {
    let lb = 0;
    for (const o of this.origins.values()) if (o.bound !== null) lb = Math.max(lb, o.bound.value());
    const lowerBoundMs = this.jobs > 0 ? (lb - this.firstArrival) / 1e6 : 0;
    const makespanMs = this.jobs > 0 ? (this.lastCompletion - this.firstArrival) / 1e6 : 0;
    return {
      mode: this.opts.mode,
      windows: this.windows,
      jobs: this.jobs,
      orderMethods: this.methods,
      predictedMakespanMs: this.jobs > 0 ? (this.predictedEnd - this.firstArrival) / 1e6 : 0,
      lowerBoundMs,
      gap: lowerBoundMs > 0 ? makespanMs / lowerBoundMs - 1 : 0,
    };
  }

  private origin(ctx: SchedulerContext, source: number): Origin {
    const at = ctx.topology.originOf(source);
    let o = this.origins.get(at);
    if (o === undefined) {
      const route = this.routes.offload(ctx, source, "job-offloading");
      o = { route, pending: [], timerAt: -1, ready: [], bound: null, capacity: closedCapacity(ctx, at), gated: [], gateAt: -1 };
      this.origins.set(at, o);
    }
    return o;
  }

  /** Plans the held jobs now, or sets the window's timer, per the window options. */
  private maybeFlush(ctx: SchedulerContext, o: Origin): void {
    const { windowRequests, windowMs } = this.opts;
    if (windowMs !== undefined) {
      if (this.allReleased(ctx, o.route.origin)) return this.flush(ctx, o);
      if (o.timerAt < ctx.now) {
        o.timerAt = ctx.now + ms(windowMs);
        ctx.wakeAt(o.route.origin, o.timerAt);
      }
      return;
    }
    // Without a window, each instant's arrivals are one batch (a batch source releases all at once).
    if (windowRequests === undefined) return this.flush(ctx, o);
    // With one, every full group of n is planned in arrival order, even when more than n arrived
    // at once (a batch of 9 with windowRequests 4 is 4, 4 and, once all are released, 1).
    const size = Math.min(windowRequests, o.capacity);
    while (o.pending.length >= size) this.flush(ctx, o, size);
    if (o.pending.length > 0 && this.allReleased(ctx, o.route.origin)) this.flush(ctx, o);
  }

  /** Whether every source entering at `station` has released all its requests. */
  private allReleased(ctx: SchedulerContext, station: number): boolean {
    for (let i = 0; i < ctx.sourceCount; i++) {
      const s = ctx.source(i);
      if (s.origin === station && (this.arrived[i] ?? 0) < s.requests) return false;
    }
    return true;
  }

  /** Plans the first `count` held jobs (default: all) as one window. */
  private flush(ctx: SchedulerContext, o: Origin, count = o.pending.length): void {
    const reqs = o.pending.slice(0, count);
    o.pending = o.pending.slice(count);
    o.timerAt = -1;
    if (this.opts.mode === "exhaustive" && reqs.length > EXHAUSTIVE_MAX_JOBS) {
      throw new OptionsError("job-offloading", [{
        path: "mode",
        message: `exhaustive plans at most ${EXHAUSTIVE_MAX_JOBS} jobs at once, and ${reqs.length} arrived together (use mode joint, or windowRequests <= ${EXHAUSTIVE_MAX_JOBS})`,
      }]);
    }
    const both = reqs.map((r) => this.table(ctx, ctx.model(r.model), o.route));
    const tables = both.map((t) => t.truth);
    const planning = both.map((t) => t.planning);
    const m = tables[0]!.machines;
    const machineReady = Array.from({ length: m }, (_, s) => Math.max(ctx.now, o.ready[s] ?? 0));
    const jobs = { tables: planning, release: reqs.map(() => ctx.now), machineReady };
    if (this.opts.mode === "exhaustive") {
      const count = exhaustiveAssignments(jobs);
      if (count > EXHAUSTIVE_MAX_ASSIGNMENTS) {
        throw new OptionsError("job-offloading", [{
          path: "mode",
          message: `exhaustive would try ${count} cut assignments for these ${reqs.length} jobs (at most ${EXHAUSTIVE_MAX_ASSIGNMENTS}: every cut of a 3-stage table is a candidate); use mode joint, fewer jobs per window, a smaller model or stages: two`,
        }]);
      }
    }
    const plan = planBatch(jobs, {
      mode: this.opts.mode as BatchMode,
      candidates: this.opts.candidates,
      ...(this.opts.cut === undefined ? {} : { fixedCut: (t) => findCut(t.model, this.opts.cut!, "job-offloading").upstreamCount }),
    });
    // The device and the target may have several servers (links have one): the bound divides their work.
    const st = ctx.topology.stations;
    o.bound ??= new LowerBound(m, [st[o.route.origin]!.servers, 1, o.route.target >= 0 ? st[o.route.target]!.servers : 1]);
    reqs.forEach((r, j) => {
      const [t, k] = [tables[j]!, plan.cuts[j]!];
      if (isPathRow(t, k)) o.bound!.addOverlapping(r.arrival, t.times[k]!);
      else o.bound!.add(r.arrival, t.times[k]!, t.lags[k]!);
    });
    this.windows++;
    this.jobs += reqs.length;
    this.methods[plan.method] = (this.methods[plan.method] ?? 0) + 1;
    const prefixPlan = (t: StageTimes, cut: number) => this.plans.get(ctx, t.model, o.route, t.cuts[cut]!, this.opts.bits);
    if (reqs.some((_, j) => isPathRow(tables[j]!, plan.cuts[j]!))) {
      const w = admitPathWindow(ctx, o.route, reqs, tables, plan.cuts, plan.order, machineReady, Math.max(ctx.now, o.gateAt), prefixPlan, this.regionPlans);
      o.ready = w.free;
      o.gateAt = w.gateAt;
      this.predictedEnd = Math.max(this.predictedEnd, w.end);
      this.hold(ctx, o, w.gated);
      return;
    }
    // What the pipeline will really do is the true tables' schedule in the planned order.
    const truth = { tables, release: jobs.release, machineReady };
    const schedule = flowShopSchedule(instanceOf(truth, plan.cuts), plan.order);
    for (let s = 0; s < m; s++) o.ready[s] = schedule.end[s]![plan.order[plan.order.length - 1]!]!;
    this.predictedEnd = Math.max(this.predictedEnd, schedule.makespan);
    const held: Gated[] = [];
    plan.order.forEach((j, position) => {
      reqs[j]!.record()["order"] = position;
      const p = prefixPlan(tables[j]!, plan.cuts[j]!);
      // Behind a region plan of an earlier window whose branches are not queued yet: wait for them.
      if (o.gateAt > ctx.now) held.push({ req: reqs[j]!, plan: p, at: o.gateAt });
      else ctx.admit(reqs[j]!, p);
    });
    this.hold(ctx, o, held);
  }

  private hold(ctx: SchedulerContext, o: Origin, held: readonly Gated[]): void {
    o.gated.push(...held);
    for (const g of held) ctx.wakeAt(o.route.origin, g.at);
  }

  private table(ctx: SchedulerContext, model: Model, route: SplitRoute): Tables {
    const bps = ctx.bandwidthBps(route.uplink);
    let byRoute = this.tables.get(model);
    if (byRoute === undefined) this.tables.set(model, (byRoute = new Map()));
    const t = byRoute.get(route);
    // With a trace and the oracle the rate moves between windows: the same rate, the same table.
    if (t !== undefined && t.bps === bps) return t;
    const prefix = stageTimes(ctx, model, route, this.opts.bits);
    const truth = this.opts.dag === "path" ? pathTable(ctx, prefix, route, this.opts.stages === "two") : prefix;
    const fresh = { bps, truth, planning: this.opts.stages === "two" ? twoStage(truth) : truth };
    byRoute.set(route, fresh);
    return fresh;
  }
}

/** The 2-stage model of §2.2: device and uplink only, later stages and lags taken as free. */
function twoStage(t: StageTimes): StageTimes {
  const keep = (row: readonly number[], upTo: number): number[] => row.map((x, s) => (s < upTo ? x : 0));
  return { ...t, times: t.times.map((r) => keep(r, 2)), lags: t.lags.map((r) => keep(r, 0)) };
}

/** Most requests a closed-loop-only origin can have at once (Σ k), else Infinity. */
function closedCapacity(ctx: SchedulerContext, station: number): number {
  let k = 0;
  for (let i = 0; i < ctx.sourceCount; i++) {
    const a = ctx.source(i);
    if (a.origin !== station) continue;
    if (a.arrivals.kind !== "closed") return Infinity;
    k += a.arrivals.k;
  }
  return k;
}
