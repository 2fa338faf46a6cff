// device-only: every request runs the whole model on its origin device; nothing is sent.
import { z } from "zod";
import { parseOptions } from "./options.js";
import { SplitPlanCache } from "./planning/split-plan.js";
import { BySourceModel } from "./planning/by-source-model.js";
import type { Scheduler, SchedulerFactory } from "./scheduler.js";

export const deviceOnly: SchedulerFactory = {
  description: "run every layer on the request's origin device (no offloading)",
  options: [],
  create(options): Scheduler {
    parseOptions("device-only", z.strictObject({}), options);
    const cache = new SplitPlanCache();
    const plans = new BySourceModel((req, ctx) => {
      const model = ctx.model(req.model);
      const origin = ctx.topology.originOf(req.source);
      const all = model.prefixCuts()[model.layerCount]!;
      return cache.get(ctx, model, { origin, target: -1, uplink: -1, downlink: -1 }, all, 32);
    });
    return {
      name: "device-only",
      plan: (req, ctx) => plans.get(req, ctx),
    };
  },
};
