// StaticPlans: for schedulers whose plan depends only on the request's source and model
// (device-only, cloud-only, fixed-split). It remembers each source's last (model, plan), so the
// usual request — same source, same model as the one before — costs one string comparison instead
// of the model and plan-cache look-ups.
import type { Plan } from "../../workload/plan.js";
import type { Request } from "../../workload/request.js";
import type { SchedulerContext } from "../scheduler.js";

export class StaticPlans {
  private readonly lastModel: Array<string | undefined> = [];
  private readonly lastPlan: Plan[] = [];

  /** `build` is created once by the scheduler (not per request) and must be pure in (source, model). */
  constructor(private readonly build: (req: Request, ctx: SchedulerContext) => Plan) {}

  plan(req: Request, ctx: SchedulerContext): Plan {
    const s = req.source;
    if (this.lastModel[s] === req.model) return this.lastPlan[s]!;
    const plan = this.build(req, ctx);
    this.lastModel[s] = req.model;
    this.lastPlan[s] = plan;
    return plan;
  }
}
