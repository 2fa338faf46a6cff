// fixed-split: one cut for every request, named by the last layer run on the device
// ("input" = cloud-only, the last layer's name = device-only), with `bits` on the wire.
import { z } from "zod";
import { OptionsError } from "../errors.js";
import type { Cut, Model } from "../workload/model.js";
import { bitsOption, parseOptions } from "./options.js";
import { requireUplink, RouteCache } from "./planning/route.js";
import { SplitPlanCache } from "./planning/split-plan.js";
import { BySourceModel } from "./planning/by-source-model.js";
import type { Scheduler, SchedulerFactory } from "./scheduler.js";

const Options = z.strictObject({
  cut: z.string(),
  bits: bitsOption,
  target: z.string().optional(),
});

export function findCut(model: Model, name: string, scheduler: string): Cut {
  const cut = model.prefixCuts().find((c) => c.label === name);
  if (cut === undefined) {
    throw new OptionsError(scheduler, [{ path: "cut", message: `model '${model.name}' has no layer '${name}' (use "input" or a layer name)` }]);
  }
  return cut;
}

export const fixedSplit: SchedulerFactory = {
  description: "the same cut and bits for every request",
  options: [
    "cut (layer name or \"input\", required): the last layer run on the device",
    "bits (2-8, 16 or 32, default 32): bits per element of the boundary tensors",
    "target (node, default: the destination of the origin's first link): where the rest runs",
  ],
  requiredOptions: ["cut"],
  create(options): Scheduler {
    const opts = parseOptions("fixed-split", Options, options);
    const cache = new SplitPlanCache();
    const routes = new RouteCache(opts.target);
    const cuts = new Map<string, Cut>();
    const plans = new BySourceModel((req, ctx) => {
      const model = ctx.model(req.model);
      const origin = ctx.topology.originOf(req.source);
      let cut = cuts.get(model.name);
      if (cut === undefined) cuts.set(model.name, (cut = findCut(model, opts.cut, "fixed-split")));
      const route = routes.get(ctx, origin);
      if (cut.upstreamCount < model.layerCount) requireUplink(ctx, route, "fixed-split");
      return cache.get(ctx, model, route, cut, opts.bits);
    });
    return {
      name: "fixed-split",
      plan: (req, ctx) => plans.get(req, ctx),
    };
  },
};
