// Per-(source, model) state for schedulers that plan each flow once and keep it (DECC, COACH):
// the model and route are resolved on the flow's first request, then the state is made by the
// scheduler's own function. Looked up once per request by a string key.
import type { Model } from "../../workload/model.js";
import type { Request } from "../../workload/request.js";
import type { SchedulerContext } from "../scheduler.js";
import type { RouteCache, SplitRoute } from "./route.js";

export class FlowMap<F> {
  private readonly flows = new Map<string, F>();

  constructor(
    private readonly routes: RouteCache,
    private readonly make: (ctx: SchedulerContext, source: number, model: Model, route: SplitRoute) => F,
  ) {}

  get(req: Request, ctx: SchedulerContext): F {
    const key = `${req.source}\u0000${req.model}`;
    let f = this.flows.get(key);
    if (f === undefined) {
      const model = ctx.model(req.model);
      f = this.make(ctx, req.source, model, this.routes.get(ctx, ctx.topology.originOf(req.source)));
      this.flows.set(key, f);
    }
    return f;
  }

  values(): IterableIterator<F> {
    return this.flows.values();
  }
}
