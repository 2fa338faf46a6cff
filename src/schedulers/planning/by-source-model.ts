// BySourceModel: remembers, per source, what a scheduler derived from the last request's
// (source, model) — a plan for the static schedulers (device-only, cloud-only, fixed-split), the
// model, route and cut table for neurosurgeon. The usual request has the same source and model as
// the one before, so it costs one string comparison instead of the model, route and cache look-ups.
import type { Request } from "../../workload/request.js";
import type { SchedulerContext } from "../scheduler.js";

export class BySourceModel<T> {
  private readonly lastModel: Array<string | undefined> = [];
  private readonly last: T[] = [];

  /** `derive` is created once by the scheduler (not per request) and must be pure in (source, model). */
  constructor(private readonly derive: (req: Request, ctx: SchedulerContext) => T) {}

  get(req: Request, ctx: SchedulerContext): T {
    const s = req.source;
    if (this.lastModel[s] === req.model) return this.last[s]!;
    const value = this.derive(req, ctx);
    this.lastModel[s] = req.model;
    this.last[s] = value;
    return value;
  }
}
