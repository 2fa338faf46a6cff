// Admitting a window of jobs when some use a region plan (job offloading's path-based policy, see
// dag-path.ts): plans in the planned order, each job's device steps kept together by admitting the
// job after a region plan only when that plan's trunk ends (its branches are queued by then, so the
// next job's steps wait behind them). The jobs held until then are returned with their times; the
// window's schedule (windowSchedule) is exact without compute noise at the planning bandwidth.
import type { Time } from "../../core/time.js";
import type { Plan } from "../../workload/plan.js";
import type { Request } from "../../workload/request.js";
import type { SchedulerContext } from "../scheduler.js";
import { branchPlan } from "./branch-plan.js";
import { windowSchedule, type PathTable, type RegionCandidate, type WindowJob } from "./dag-path.js";
import type { SplitRoute } from "./route.js";
import type { StageTimes } from "./stage-times.js";

export interface Gated {
  req: Request;
  plan: Plan;
  at: Time;
}

export function isPathRow(t: StageTimes, cut: number): boolean {
  return "extra" in t && cut >= t.model.layerCount + 1;
}

/**
 * Admits the window's jobs (planned `cuts` and `order`) whose time has come — none before `startAt`,
 * the trunk end of an earlier window's last region plan — and returns the rest with their admission
 * times, the machines' free times after the window, its end and the time the next window must wait
 * for. `prefixPlan` makes a prefix cut's plan; region plans are made here, cached in `regionPlans`.
 */
export function admitPathWindow(
  ctx: SchedulerContext, route: SplitRoute, reqs: readonly Request[], tables: readonly StageTimes[],
  cuts: readonly number[], order: readonly number[], ready: readonly number[], startAt: Time,
  prefixPlan: (t: StageTimes, cut: number) => Plan, regionPlans: Map<string, Plan>,
): { gated: Gated[]; free: number[]; end: number; gateAt: Time } {
  const jobs: WindowJob[] = reqs.map((_, j) => {
    const t = tables[j]!;
    return isPathRow(t, cuts[j]!) ? (t as PathTable).extra[cuts[j]! - t.model.layerCount - 1]! : t.times[cuts[j]!]!;
  });
  const first = tables[0]!;
  const sched = windowSchedule(jobs, order, ctx.now, first.lags[0]!, first.times[0]!, ready);
  const gated: Gated[] = [];
  let at = startAt;
  order.forEach((j, position) => {
    const t = tables[j]!;
    const job = jobs[j]!;
    const plan = "region" in job ? regionPlan(ctx, t, route, job, regionPlans) : prefixPlan(t, cuts[j]!);
    reqs[j]!.record()["order"] = position;
    if (at <= ctx.now) ctx.admit(reqs[j]!, plan);
    else gated.push({ req: reqs[j]!, plan, at });
    // The next job waits for this region plan's trunk: its branches are queued by then.
    if ("region" in job) at = Math.max(at, sched.trunkEnd[j]!);
  });
  return { gated, free: sched.free, end: sched.end, gateAt: at };
}

function regionPlan(ctx: SchedulerContext, t: StageTimes, route: SplitRoute, c: RegionCandidate, cache: Map<string, Plan>): Plan {
  const key = `${t.model.name}|${c.region.label}|${c.choice.join(",")}|${c.order.join(",")}|${route.origin}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = branchPlan(ctx, t.model, route, c.region, c.choice, c.order, { coalesce: false, serialEdge: true, serialCloud: true });
    cache.set(key, p);
  }
  return p;
}
