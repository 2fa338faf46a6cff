// Binds a scheduler's hooks to its run: the queue and transfer policies stations and links call
// (with the context bound once, and each answer checked, so a bad index fails with the scheduler's
// name instead of corrupting a queue), and the admission of arriving requests — one by one through
// `plan`, or per instant through `planArrivals`.
import { Phase, type Simulator } from "../core/simulator.js";
import type { Executor } from "../platform/executor.js";
import type { Observer } from "../platform/observer.js";
import type { TransferPick } from "../platform/link.js";
import type { QueuePolicy } from "../platform/station.js";
import type { QueueView } from "../platform/views.js";
import type { SchedulerContext } from "../schedulers/context.js";
import { DEFER, type PlanResult, type Scheduler } from "../schedulers/scheduler.js";
import { PlanError } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";

function checkIndex(name: string, hook: string, where: number, i: number, waiting: QueueView<Work>): number {
  if (i === -1 || (Number.isInteger(i) && i >= 0 && i < waiting.length)) return i;
  throw new PlanError(`${name}: ${hook}(${where}) returned ${i} for a queue of ${waiting.length} (give an index 0..${waiting.length - 1}, or -1 to hold)`);
}

export function queuePolicy(s: Scheduler, name: string, ctx: SchedulerContext): QueuePolicy {
  const policy: QueuePolicy = {};
  if (s.pick) policy.pick = (st, waiting) => checkIndex(name, "pick", st, s.pick!(st, waiting, ctx), waiting);
  if (s.batch) {
    policy.batch = (st, waiting) => {
      const b = s.batch!(st, waiting, ctx);
      if (!(Number.isInteger(b) && b >= 0)) throw new PlanError(`${name}: batch(${st}) returned ${b} (give a whole number >= 0; 0 waits)`);
      return b;
    };
  }
  if (s.onWake) policy.onWake = (st) => s.onWake!(st, ctx);
  return policy;
}

export function transferPick(s: Scheduler, name: string, ctx: SchedulerContext): TransferPick | null {
  if (!s.pickTransfer) return null;
  return (link, waiting) => checkIndex(name, "pickTransfer", link, s.pickTransfer!(link, waiting, ctx), waiting);
}

/** Starts (or drops, or leaves held) one request on the scheduler's answer. */
function settle(name: string, executor: Executor, req: Request, r: PlanResult): void {
  if (r === DEFER) return;
  // An object that is not a plan is caught by the executor's first check of it.
  if (typeof r !== "object") notAPlan(name, req, r);
  executor.admit(req, r);
}

function notAPlan(name: string, req: Request, r: unknown): never {
  throw new PlanError(`${name}: planning request ${req.id} returned ${String(r)} (return a plan, null to drop it, or DEFER to decide later)`);
}

/** A plan that makePlan refused inside the scheduler gets the scheduler's name and the request. */
function inContext(e: unknown, name: string, what: string): unknown {
  if (!(e instanceof PlanError) || e.message.startsWith(`${name}:`)) return e;
  return new PlanError(`${name}: ${what}: ${e.message}`, { cause: e });
}

/**
 * What the source runner calls for each arrival, and `explain`, which the run asks to name the
 * scheduler and the request in an error thrown while planning (the request is remembered only when
 * planning throws, so the usual request pays nothing for it).
 */
export interface Admission {
  /** Tells the observers, then plans the request (or keeps it for its instant's planArrivals). */
  arrive(req: Request): void;
  explain(e: unknown): unknown;
}

export function admission(s: Scheduler, name: string, ctx: SchedulerContext, executor: Executor, sim: Simulator, observer: Observer): Admission {
  /** The request whose planning threw (set only then). */
  let planning: Request | null = null;
  let batch: readonly Request[] = [];
  const explain = (e: unknown): unknown =>
    planning !== null ? inContext(e, name, `planning request ${planning.id}`)
      : batch.length > 0 ? inContext(e, name, `planning requests ${batch[0]!.id}..${batch[batch.length - 1]!.id}`) : e;
  if (!s.planArrivals) {
    return {
      // settle() written out: this runs for every request, and one call level less keeps the
      // executor's admit, release and work pool inlined into it.
      arrive(req) {
        observer.onArrive?.(req, sim.now);
        let r: PlanResult;
        try {
          r = s.plan(req, ctx);
        } catch (e) {
          planning = req;
          throw e;
        }
        if (r === DEFER) return;
        // An object that is not a plan is caught by the executor's first check of it (cold path).
        if (typeof r !== "object") notAPlan(name, req, r);
        executor.admit(req, r);
      },
      explain,
    };
  }
  // Requests released at one instant are collected, then planned together in the Dispatch phase of
  // that instant: every Arrive event of the instant runs before it (DESIGN §2 phase order).
  let pending: Request[] = [];
  const flush = (): void => {
    const reqs = pending;
    pending = [];
    batch = reqs;
    const results = s.planArrivals!(reqs, ctx);
    batch = [];
    if (!Array.isArray(results) || results.length !== reqs.length) {
      throw new PlanError(`${name}: planArrivals got ${reqs.length} request(s) and returned ${Array.isArray(results) ? results.length : String(results)} result(s) (one per request)`);
    }
    for (let i = 0; i < reqs.length; i++) settle(name, executor, reqs[i]!, results[i]!);
  };
  return {
    arrive(req) {
      observer.onArrive?.(req, sim.now);
      if (pending.length === 0) sim.at(sim.now, Phase.Dispatch, flush);
      pending.push(req);
    },
    explain,
  };
}
