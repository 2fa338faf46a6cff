// edgent (Li, Zhou, Chen, MECOMM 2018; Li, Zeng, Zhou, Chen, IEEE TWC 2020), static mode: per
// request, the most accurate exit whose latency-optimal cut meets the deadline (equal accuracy:
// the faster), estimated at batch 1 with nothing queued as Neurosurgeon estimates. When no exit
// can, the request is refused as "infeasible" (or, by option, runs the fastest exit and cut). The
// choice is made again only when the bandwidth estimates or the deadline change.
import { z } from "zod";
import { ms, type Time } from "../core/time.js";
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import { parseOptions } from "./options.js";
import { BySourceModel } from "./planning/by-source-model.js";
import { estimateNs, exitBranches, exitPlan, exitTable, type ExitTable, type LinkEstimate } from "./planning/exit-plan.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import { DEFER, type Scheduler, type SchedulerContext, type SchedulerFactory } from "./scheduler.js";

const NAME = "edgent";
/** Tensors go as fp32: Edgent trades accuracy by exiting early, not by quantizing. */
const BITS = 32;
/** The drop reason of a request no (exit, cut) can serve within its deadline (requests.csv `dropReason`). */
export const INFEASIBLE = "infeasible";

const Options = z.strictObject({
  deadlineMs: z.number().positive({ message: "deadlineMs must be a number of ms > 0" }).optional(),
  infeasible: z.enum(["refuse", "fastest"]).default("refuse"),
  target: z.string().optional(),
});

/** A decision: exit `branch` (index into the tables) run by its option `option`. */
export interface Choice {
  branch: number;
  option: number;
  latencyNs: Time;
  /** False: no exit meets the deadline, and this is the fastest pair. */
  feasible: boolean;
}

/**
 * Edgent's static rule over exit tables listed deepest first: among the exits whose best latency
 * is within the deadline, the most accurate, then the fastest, then the deepest; each exit's best
 * option is its fastest (ties: the earlier option, i.e. fewer device layers, local last). With no
 * feasible exit, the fastest pair (ties: the more accurate, then the deeper), marked infeasible.
 */
export function chooseExit(tables: readonly ExitTable[], e: LinkEstimate, deadlineNs: Time): Choice {
  let best: Choice | null = null;
  let fastest: Choice | null = null;
  for (let b = 0; b < tables.length; b++) {
    const t = tables[b]!;
    let option = 0;
    let latencyNs = Infinity;
    for (let i = 0; i < t.options.length; i++) {
      const ns = estimateNs(t, t.options[i]!, e);
      if (ns < latencyNs) [option, latencyNs] = [i, ns];
    }
    const c: Choice = { branch: b, option, latencyNs, feasible: true };
    if (fastest === null || latencyNs < fastest.latencyNs || (latencyNs === fastest.latencyNs && t.accuracy > tables[fastest.branch]!.accuracy)) fastest = c;
    if (latencyNs > deadlineNs) continue;
    const acc = best === null ? -Infinity : tables[best.branch]!.accuracy;
    if (best === null || t.accuracy > acc || (t.accuracy === acc && latencyNs < best.latencyNs)) best = c;
  }
  return best ?? { ...fastest!, feasible: false };
}

/** Per (model, route): the exit tables, their plans (made on first use), and the last decision. */
interface Memo {
  model: Model;
  tables: ExitTable[];
  plans: Array<Array<Plan | undefined>>;
  /** How many requests took each exit (same order as tables). */
  taken: number[];
  lastUpBps: number;
  lastDownBps: number;
  lastDeadlineNs: Time;
  last: Choice | null;
}

export const edgent: SchedulerFactory = {
  description: "Edgent (static): the most accurate early exit whose best cut meets the deadline; else refuse",
  options: [
    "deadlineMs (ms > 0, default: the source's deadlineMs): the latency bound each request must meet",
    "infeasible (refuse | fastest, default refuse): when no exit meets it, drop the request as \"infeasible\" or run the fastest exit and cut",
    "target (node, default: the destination of the origin's first link): where the rest runs",
  ],
  // `schedulers: all` runs edgent only when this is given: it needs a deadline and a model with
  // exits, which most scenarios lack (a source's deadlineMs alone does not enlist it).
  requiredOptions: ["deadlineMs"],
  requestColumns: [{ name: "exit", description: "the exit taken (\"final\": the model's own classifier); empty when refused" }],
  create(options): Scheduler {
    const opts = parseOptions(NAME, Options, options);
    const routes = new RouteCache(opts.target);
    const memos = new Map<Model, Map<SplitRoute, Memo>>();
    let refused = 0;
    let ranFastest = 0;
    const resolved = new BySourceModel((req, ctx) => {
      const deadlineNs = deadlineOf(ctx, req.source, opts.deadlineMs);
      for (const name of Object.keys(ctx.source(req.source).models)) checkModel(ctx.model(name));
      const model = ctx.model(req.model);
      const route = routes.get(ctx, ctx.topology.originOf(req.source));
      return { route, deadlineNs, memo: memoFor(ctx, model, route) };
    });

    function memoFor(ctx: SchedulerContext, model: Model, route: SplitRoute): Memo {
      let byRoute = memos.get(model);
      if (byRoute === undefined) memos.set(model, (byRoute = new Map()));
      let m = byRoute.get(route);
      if (m === undefined) {
        const tables = exitBranches(model).map((b) => exitTable(ctx, model, b, route, BITS));
        m = {
          model, tables, plans: tables.map(() => []), taken: tables.map(() => 0),
          lastUpBps: -1, lastDownBps: -1, lastDeadlineNs: -1, last: null,
        };
        byRoute.set(route, m);
      }
      return m;
    }

    return {
      name: NAME,
      plan(req, ctx) {
        const { route, deadlineNs, memo: m } = resolved.get(req, ctx);
        const upBps = route.uplink >= 0 ? ctx.bandwidthBps(route.uplink) : 0;
        const downBps = route.downlink >= 0 ? ctx.bandwidthBps(route.downlink) : 0;
        // Only the estimates (and a source's deadline) vary, so unchanged ones keep the choice.
        if (m.last === null || upBps !== m.lastUpBps || downBps !== m.lastDownBps || deadlineNs !== m.lastDeadlineNs) {
          m.last = chooseExit(m.tables, linkEstimate(ctx, route, upBps, downBps), deadlineNs);
          [m.lastUpBps, m.lastDownBps, m.lastDeadlineNs] = [upBps, downBps, deadlineNs];
        }
        const c = m.last;
        if (!c.feasible) {
          if (opts.infeasible === "refuse") {
            refused++;
            // Dropped while it is being planned, with Edgent's reason; DEFER then leaves it alone.
            ctx.drop(req, INFEASIBLE);
            return DEFER;
          }
          ranFastest++;
        }
        const t = m.tables[c.branch]!;
        const plans = m.plans[c.branch]!;
        const plan = (plans[c.option] ??= exitPlan(ctx, m.model, t, t.options[c.option]!, route, BITS));
        m.taken[c.branch]!++;
        const out = req.record();
        out.exit = t.name;
        // The exit's accuracy below the final classifier's, plus what quantizing the cut loses.
        out.accuracyLossPct = m.tables[0]!.accuracy - t.accuracy + plan.summary.accuracyLossPct;
        return plan;
      },
      // One inference runs its exit's head right after its path, not after a later frame's path
      // that queued meanwhile (FIFO by step would put it there): serve the oldest request first.
      pick(_station, waiting) {
        let oldest = 0;
        for (let i = 1; i < waiting.length; i++) if (waiting.at(i).req.id < waiting.at(oldest).req.id) oldest = i;
        return oldest;
      },
      summary() {
        // Per exit name; with several models, "<model>/<exit>".
        const all = [...memos.values()].flatMap((byRoute) => [...byRoute.values()]);
        const several = new Set(all.map((m) => m.model)).size > 1;
        const exits: Record<string, number> = {};
        for (const m of all) {
          m.tables.forEach((t, b) => {
            const key = several ? `${m.model.name}/${t.name}` : t.name;
            exits[key] = (exits[key] ?? 0) + m.taken[b]!;
          });
        }
        return { exits, refused, infeasibleRanFastest: ranFastest };
      },
    };
  },
};

function linkEstimate(ctx: SchedulerContext, route: SplitRoute, upBps: number, downBps: number): LinkEstimate {
  const links = ctx.topology.links;
  return {
    upBps, downBps,
    upLatencyNs: route.uplink >= 0 ? links[route.uplink]!.latencyNs : 0,
    downLatencyNs: route.downlink >= 0 ? links[route.downlink]!.latencyNs : -1,
  };
}

/** The option's deadline, else the source's; neither is an error naming both places. */
function deadlineOf(ctx: SchedulerContext, source: number, optionMs: number | undefined): Time {
  if (optionMs !== undefined) return ms(optionMs);
  const ns = ctx.source(source).deadlineNs;
  if (ns > 0) return ns;
  throw new OptionsError(NAME, [{
    path: "deadlineMs",
    message: `source ${source} has no deadline: give its deadlineMs (workload.deadlineMs) or options.${NAME}.deadlineMs, in ms > 0`,
  }]);
}

/** Edgent needs early exits and the final classifier's accuracy to trade one against the other. */
function checkModel(model: Model): void {
  if (model.exits.length === 0) {
    throw new OptionsError(NAME, [{
      path: "",
      message: `model '${model.name}' has no early exits; ${NAME} needs a model with exits (built in: alexnet (one exit), resnet18, resnet50, resnet101; or a model file with "exits" and "accuracy", see docs/models.md)`,
    }]);
  }
  if (model.accuracy === undefined) {
    throw new OptionsError(NAME, [{
      path: "",
      message: `model '${model.name}' gives no accuracy for its final classifier; ${NAME} compares it with its exits' (add "accuracy", top-1 %, to the model)`,
    }]);
  }
}
