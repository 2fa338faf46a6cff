// neurosurgeon (Kang et al., ASPLOS 2017): per request, the single cut that minimises the
// estimated end-to-end latency (device + uplink + cloud + result back, at batch 1, queueing
// ignored as in the paper), or with `objective: throughput` the bottleneck stage time.
// Cuts of a DAG are the L+1 prefixes of the model file's topological order — every prefix is
// predecessor-closed — which is how DADS describes Neurosurgeon being applied to DAG models.
import { z } from "zod";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import { bitsOption, parseOptions } from "./options.js";
import { BySourceModel } from "./planning/by-source-model.js";
import { cutTable, type CutTable } from "./planning/cut-table.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { SplitPlanCache } from "./planning/split-plan.js";
import type { Scheduler, SchedulerContext, SchedulerFactory } from "./scheduler.js";

const Options = z.strictObject({
  objective: z.enum(["latency", "throughput"]).default("latency"),
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
  /** The plan for cut `planCut` (-1: none yet): the cut rarely changes, so neither does the plan. */
  plan: Plan | null;
  planCut: number;
}


export const neurosurgeon: SchedulerFactory = {
  description: "per request, the single cut minimising estimated latency (or the bottleneck stage)",
  options: [
    "objective (latency | throughput, default latency): minimise end-to-end latency or the slowest stage",
    "bits (2-8, 16 or 32, default 32): bits per element of the boundary tensors",
    "target (node, default: the destination of the origin's first link): where the rest runs",
  ],
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
      return { model, route, table: table(ctx, model, route) };
    });

    function table(ctx: SchedulerContext, model: Model, route: SplitRoute): Memo {
      let byRoute = tables.get(model);
      if (byRoute === undefined) tables.set(model, (byRoute = new Map()));
      let t = byRoute.get(route);
      if (t === undefined) {
        t = { table: cutTable(ctx, model, route, opts.bits), lastUpBps: -1, lastDownBps: -1, lastBest: 0, plan: null, planCut: -1 };
        byRoute.set(route, t);
      }
      return t;
    }

    return {
      name: "neurosurgeon",
      plan(req, ctx) {
        const { model, route, table: t } = resolved.get(req, ctx);
        const upBps = ctx.bandwidthBps(route.uplink);
        const downBps = route.downlink >= 0 ? ctx.bandwidthBps(route.downlink) : 0;
        // Only the estimates vary between requests, so unchanged estimates mean an unchanged cut.
        if (upBps !== t.lastUpBps || downBps !== t.lastDownBps) {
          t.lastBest = bestCutFor(opts.objective, t.table, model, ctx, route, upBps, downBps);
          t.lastUpBps = upBps;
          t.lastDownBps = downBps;
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

/** The cut minimising the objective under the given estimates; ties go to the earliest cut. */
function bestCutFor(
  objective: "latency" | "throughput", t: CutTable, model: Model, ctx: SchedulerContext, route: SplitRoute, upBps: number, downBps: number,
): number {
  const L = model.layerCount;
  const upLatencyMs = ctx.topology.links[route.uplink]!.latencyNs / 1e6;
  // The result's way back: its transmission (a pipeline stage) and its propagation.
  const backSendMs = route.downlink >= 0 ? (ctx.resultBytes(model) / downBps) * 1e3 : 0;
  const backLatencyMs = route.downlink >= 0 ? ctx.topology.links[route.downlink]!.latencyNs / 1e6 : 0;
  let best = 0;
  let bestScore = Infinity;
  for (let k = 0; k <= L; k++) {
    const deviceMs = t.devicePrefixMs[k]!;
    const remote = k < L;
    const sendMs = remote ? (t.bytes[k]! / upBps) * 1e3 : 0;
    const cloudMs = t.targetPrefixMs[L]! - t.targetPrefixMs[k]!;
    const backMs = remote ? backSendMs : 0;
    const score =
      objective === "latency"
        ? deviceMs + sendMs + cloudMs + backMs + (remote ? upLatencyMs + backLatencyMs : 0)
        : Math.max(deviceMs, sendMs, cloudMs, backMs);
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}
