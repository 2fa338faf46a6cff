// cloud-only: send the raw input (uint8) to the target and run every layer there.
import { z } from "zod";
import { parseOptions } from "./options.js";
import { RouteCache } from "./planning/route.js";
import { SplitPlanCache } from "./planning/split-plan.js";
import { BySourceModel } from "./planning/by-source-model.js";
import type { Scheduler, SchedulerFactory } from "./scheduler.js";
import { needsUplink } from "./needs.js";

export const cloudOnly: SchedulerFactory = {
  description: "send the raw input (uint8) to the cloud and run every layer there",
  options: ["target (node, default: the destination of the origin's first link): where to offload"],
  unmetNeed: (_options, sources) => needsUplink(sources),
  create(options): Scheduler {
    const opts = parseOptions("cloud-only", z.strictObject({ target: z.string().optional() }), options);
    const cache = new SplitPlanCache();
    const routes = new RouteCache(opts.target);
    const plans = new BySourceModel((req, ctx) => {
      const model = ctx.model(req.model);
      return cache.get(ctx, model, routes.offload(ctx, req.source, "cloud-only"), model.prefixCuts()[0]!, 32);
    });
    return {
      name: "cloud-only",
      plan: (req, ctx) => plans.get(req, ctx),
    };
  },
};
