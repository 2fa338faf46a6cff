// neurosurgeon (Kang et al., ASPLOS 2017): per request, the single cut that minimises the
// estimated end-to-end latency (device + uplink + cloud + result back, at batch 1, queueing
// ignored as in the paper), or with `objective: throughput` the bottleneck stage time, or with
// `objective: latency-load` the latency plus each stage's mean queueing at the offered rate
// (planning/queueing.ts), so a cut that would saturate a stage is not chosen for its unloaded speed.
// Cuts of a DAG are the L+1 prefixes of the model file's topological order — every prefix is
// predecessor-closed — which is how DADS describes Neurosurgeon being applied to DAG models.
import { z } from "zod";
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import { bitsOption, parseOptions } from "./options.js";
import { BySourceModel } from "./planning/by-source-model.js";
import { cutTable, type CutTable } from "./planning/cut-table.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { gapScv, tandemWait } from "./planning/queueing.js";
import { SplitPlanCache } from "./planning/split-plan.js";
import type { Scheduler, SchedulerContext, SchedulerFactory } from "./scheduler.js";
import { needsUplink } from "./needs.js";

const Options = z.strictObject({
  objective: z.enum(["latency", "throughput", "latency-load"]).default("latency"),
  ratePerSec: z.number().positive({ message: "ratePerSec must be requests/s > 0" }).finite().optional(),
  bits: bitsOption,
  target: z.string().optional(),
});

/** Per (model, route): the cut table, and the last decision made with it. */
interface Memo {
  table: CutTable;
  /** The last decision and the estimates it was made with: the same estimates give the same cut. */
  lastUpBps: number;
  lastDownBps: number;
  lastBest: number;
  lastLoad: number;
  /** The plan for cut `planCut` (-1: none yet): the cut rarely changes, so neither does the plan. */
  plan: Plan | null;
  planCut: number;
}


export const neurosurgeon: SchedulerFactory = {
  description: "per request, the single cut minimising estimated latency (or the bottleneck stage)",
  options: [
    "objective (latency | throughput | latency-load, default latency): minimise end-to-end latency, the slowest stage, or latency with each stage's mean queueing at the offered rate",
    "ratePerSec (requests/s > 0, default: the source's rate): the offered rate for latency-load (needed when the source has none: batch, closed)",
    "bits (2-8, 16 or 32, default 32): bits per element of the boundary tensors",
    "target (node, default: the destination of the origin's first link): where the rest runs",
  ],
  unmetNeed: (_options, sources) => needsUplink(sources),
  create(options): Scheduler {
    const opts = parseOptions("neurosurgeon", Options, options);
    const plans = new SplitPlanCache();
    const routes = new RouteCache(opts.target);
    // Per model, per route object (routes are cached per origin, so their identity is stable).
    const tables = new Map<Model, Map<SplitRoute, Memo>>();
    // The model, route and table depend only on (source, model), so each source keeps its last.
    const resolved = new BySourceModel((req, ctx) => {
      const model = ctx.model(req.model);
      const route = routes.offload(ctx, req.source, "neurosurgeon");
      return { model, route, table: table(ctx, model, route), load: opts.objective === "latency-load" ? offeredLoad(ctx, req.source, opts.ratePerSec) : NO_LOAD };
    });

    function table(ctx: SchedulerContext, model: Model, route: SplitRoute): Memo {
      let byRoute = tables.get(model);
      if (byRoute === undefined) tables.set(model, (byRoute = new Map()));
      let t = byRoute.get(route);
      if (t === undefined) {
        t = { table: cutTable(ctx, model, route, opts.bits), lastUpBps: -1, lastDownBps: -1, lastBest: 0, lastLoad: -1, plan: null, planCut: -1 };
        byRoute.set(route, t);
      }
      return t;
    }

    return {
      name: "neurosurgeon",
      plan(req, ctx) {
        const { model, route, table: t, load } = resolved.get(req, ctx);
        const upBps = ctx.bandwidthBps(route.uplink);
        const downBps = route.downlink >= 0 ? ctx.bandwidthBps(route.downlink) : 0;
        // Only the estimates vary between requests, so unchanged estimates mean an unchanged cut.
        // (and the offered rate: sources of one model may differ in it).
        if (upBps !== t.lastUpBps || downBps !== t.lastDownBps || load.perNs !== t.lastLoad) {
          t.lastBest = bestCutFor(opts.objective, t.table, model, ctx, route, upBps, downBps, load);
          t.lastUpBps = upBps;
          t.lastDownBps = downBps;
          t.lastLoad = load.perNs;
        }
        const best = t.lastBest;
        if (t.planCut !== best) {
          t.plan = plans.get(ctx, model, route, model.prefixCuts()[best]!, opts.bits);
          t.planCut = best;
        }
        return t.plan!;
      },
    };
  },
};

/** The offered stream of a source: arrivals per ns and the SCV of their gaps. */
interface Load {
  perNs: number;
  scv: number;
}

const NO_LOAD: Load = { perNs: 0, scv: 0 };

function offeredLoad(ctx: SchedulerContext, source: number, optionRate: number | undefined): Load {
  const src = ctx.source(source);
  const a = src.arrivals;
  // Periodic arrivals have no variability; Poisson gaps an SCV of 1; a file's from its own gaps.
  const scv = a.kind === "poisson" ? 1 : a.kind === "file" ? gapScv(a.timesMs.slice(0, src.requests)) : 0;
  const rate = optionRate ?? src.ratePerSec;
  if (rate === null) {
    throw new OptionsError("neurosurgeon", [{
      path: "ratePerSec",
      message: `objective latency-load needs the offered rate, and source ${source} (${a.kind} arrivals) has none: give options.neurosurgeon.ratePerSec (requests/s > 0) or another objective (latency, throughput)`,
    }]);
  }
  return { perNs: rate / 1e9, scv };
}

/** The cut minimising the objective under the given estimates; ties go to the earliest cut. */
function bestCutFor(
  objective: "latency" | "throughput" | "latency-load", t: CutTable, model: Model, ctx: SchedulerContext, route: SplitRoute,
  upBps: number, downBps: number, load: Load,
): number {
  const L = model.layerCount;
  const upLatencyMs = ctx.topology.links[route.uplink]!.latencyNs / 1e6;
  // The result's way back: its transmission (a pipeline stage) and its propagation.
  const backSendMs = route.downlink >= 0 ? (ctx.resultBytes(model) / downBps) * 1e3 : 0;
  const backLatencyMs = route.downlink >= 0 ? ctx.topology.links[route.downlink]!.latencyNs / 1e6 : 0;
  const stations = ctx.topology.stations;
  const stages: { service: number; servers: number; scv: number }[] = [
    { service: 0, servers: stations[route.origin]!.servers, scv: 0 },
    { service: 0, servers: 1, scv: 0 },
    { service: 0, servers: route.target >= 0 ? stations[route.target]!.servers : 1, scv: 0 },
    { service: 0, servers: 1, scv: 0 },
  ];
  let best = 0;
  let bestScore = Infinity;
  // latency-load with every cut saturating a stage: the cut with the least slowest stage.
  let calmest = 0;
  let calmestBottleneck = Infinity;
  for (let k = 0; k <= L; k++) {
    const deviceMs = t.devicePrefixMs[k]!;
    const remote = k < L;
    const sendMs = remote ? (t.bytes[k]! / upBps) * 1e3 : 0;
    const cloudMs = t.targetPrefixMs[L]! - t.targetPrefixMs[k]!;
    const backMs = remote ? backSendMs : 0;
    const latency = deviceMs + sendMs + cloudMs + backMs + (remote ? upLatencyMs + backLatencyMs : 0);
    const bottleneck = Math.max(deviceMs, sendMs, cloudMs, backMs);
    let score = objective === "throughput" ? bottleneck : latency;
    if (objective === "latency-load") {
      // Service times in ms, so the rate per ms: the wait comes out in ms.
      stages[0]!.service = deviceMs;
      stages[1]!.service = sendMs;
      stages[2]!.service = cloudMs;
      stages[3]!.service = backMs;
      score += tandemWait(load.perNs * 1e6, stages, load.scv);
      if (bottleneck < calmestBottleneck) [calmest, calmestBottleneck] = [k, bottleneck];
    }
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return bestScore === Infinity ? calmest : best;
}
