// offload-when-busy: the example plug-in scheduler of docs/schedulers/writing-a-scheduler.md.
// A frame runs on its device while fewer than `threshold` frames are waiting or running there;
// past that, it goes to the cloud whole (the raw image as uint8). Neither the device nor the uplink
// alone keeps up with a 30 fps camera, but together they do. Each request records which way it
// went and the device's backlog, as two extra columns of requests.csv.
import { z } from "zod";
// Inside the splitsim repository; a project that installed splitsim imports from "splitsim".
import { parseOptions, RouteCache, SplitPlanCache, type SchedulerFactory } from "../../../src/index.js";

const factory: SchedulerFactory = {
  description: "run on the device unless it is busy, then offload the whole frame (example plug-in)",
  options: ["threshold (whole number >= 1, default 1): frames waiting or running on the device past which a frame is offloaded"],
  requestColumns: [
    { name: "mode", description: "local (ran on its device) or offload (sent whole to the cloud)" },
    { name: "deviceBacklog", description: "frames waiting or running on the device when this one arrived" },
  ],
  create(options) {
    const opts = parseOptions("offload-when-busy", z.strictObject({ threshold: z.number().int().min(1).default(1) }), options);
    // Plans are shared by requests with the same (model, route, cut): build each once.
    const plans = new SplitPlanCache();
    const routes = new RouteCache(undefined);
    const count = { local: 0, offload: 0 };
    return {
      name: "offload-when-busy",
      plan(req, ctx) {
        const model = ctx.model(req.model);
        const route = routes.offload(ctx, req.source, "offload-when-busy");
        const backlog = ctx.queueLength(route.origin) + ctx.busyServers(route.origin);
        const mode = backlog < opts.threshold ? "local" : "offload";
        count[mode]++;
        const outcome = req.record();
        outcome.mode = mode;
        outcome["deviceBacklog"] = backlog;
        const cuts = model.prefixCuts(); // cut k = the first k layers on the device
        return plans.get(ctx, model, route, mode === "local" ? cuts[model.layerCount]! : cuts[0]!, 32);
      },
      summary: () => ({ local: count.local, offloaded: count.offload }),
    };
  },
};

export default factory;
