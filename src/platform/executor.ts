// Executor: runs each request's plan. It releases a step once all its dependencies are done,
// hands compute steps to stations and transfers to links, and completes the request when its
// last step is done (the plan ends with the result back at the origin when there is a way back).
// A plan is checked against the topology the first time it is used from an origin.
import type { Simulator } from "../core/simulator.js";
import { PlanError, type Plan } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import { WorkPool } from "../workload/work-pool.js";
import type { LinkLike } from "./link.js";
import type { Observer } from "./observer.js";
import { planProblem } from "./plan-check.js";
import type { Station, StepSink } from "./station.js";
import type { TopologyView } from "./views.js";

/** Told when a request leaves the system (completed or dropped). */
export interface RequestListener {
  requestDone(req: Request): void;
}

/** Why the platform dropped a request when the scheduler gave no reason of its own. */
export const DROP_REFUSED = "refused by the scheduler";

export class Executor implements StepSink {
  private readonly works = new WorkPool();

  constructor(
    private readonly sim: Simulator,
    private readonly observer: Observer,
    private readonly stations: readonly Station[],
    private readonly links: readonly LinkLike[],
    private readonly listener: RequestListener,
    private readonly topology: TopologyView,
    /** Named in errors about a plan. */
    private readonly schedulerName: string,
  ) {}

  /** Starts a request on `plan`, or drops it when the scheduler refused it (plan === null). */
  admit(req: Request, plan: Plan | null): void {
    if (plan === null) {
      this.drop(req, DROP_REFUSED);
      return;
    }
    // The checks are out of line: admit is on every request's path, and a small body keeps what it
    // calls (release, a station's enqueue, the work pool) inlined.
    if (req.plan !== null || req.dropped || plan.checkedFor !== this.topology.originOf(req.source)) this.check(req, plan);
    req.plan = plan;
    req.waitingDeps = plan.hasJoins ? plan.depCounts.slice() : null;
    req.stepsLeft = plan.steps.length;
    if (req.stepsLeft === 0) {
      this.complete(req);
      return;
    }
    for (let i = 0; i < plan.steps.length; i++) if (plan.depCounts[i] === 0) this.release(req, plan, i);
  }

  /** Fails for a request admitted twice or a plan that cannot run from the request's origin. */
  private check(req: Request, plan: Plan): void {
    if (req.plan !== null || req.dropped) throw new PlanError(`${this.schedulerName}: request ${req.id} was admitted or dropped already`);
    const origin = this.topology.originOf(req.source);
    const problem = planProblem(plan, origin, this.topology);
    if (problem !== null) throw new PlanError(`${this.schedulerName}: the plan for request ${req.id} cannot run: ${problem}`);
    plan.checkedFor = origin;
  }

  stepDone(work: Work): void {
    const req = work.req;
    const step = work.step;
    this.works.release(work);
    if (req.dropped) return;
    const plan = req.plan!;
    const succ = plan.successors[step]!;
    const deps = req.waitingDeps;
    for (let i = 0; i < succ.length; i++) {
      const s = succ[i]!;
      if (deps === null || --deps[s]! === 0) this.release(req, plan, s);
    }
    if (--req.stepsLeft === 0) this.complete(req);
  }

  refused(work: Work, reason: string): void {
    const req = work.req;
    this.works.release(work);
    if (!req.dropped) this.drop(req, reason);
  }

  /**
   * Drops a request that is not done: deferred, or in flight (its running steps finish, but
   * nothing follows them and it never completes).
   */
  drop(req: Request, reason: string): void {
    if (req.dropped || (req.plan !== null && req.stepsLeft === 0)) throw new PlanError(`${this.schedulerName}: request ${req.id} has left the system already`);
    req.dropped = true;
    req.dropReason = reason;
    this.observer.onDrop?.(req, this.sim.now);
    this.listener.requestDone(req);
    // Steps of it may still be running and add to its sums: keep them in a row of its own.
    req.freeze();
  }

  private release(req: Request, plan: Plan, i: number): void {
    const step = plan.steps[i]!;
    const now = this.sim.now;
    if (step.kind === "compute") {
      this.stations[step.station]!.enqueue(this.works.acquire(req, i, now, step.cost, 0));
    } else {
      this.links[step.link]!.enqueue(this.works.acquire(req, i, now, null, step.bytes));
    }
  }

  private complete(req: Request): void {
    req.completion = this.sim.now;
    this.observer.onComplete?.(req, this.sim.now);
    this.listener.requestDone(req);
    // Every step is done, so nothing writes to the request's row any more.
    req.release();
  }
}
