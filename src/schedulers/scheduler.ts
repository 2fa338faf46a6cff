// The scheduler plug-in interface (DESIGN §5): a scheduler plans each request, may order and batch
// queues, hold and later admit requests, record what it decided, and summarise its run. Every hook
// but `plan` is optional, and a hook a scheduler leaves out costs the run nothing.
import type { Plan } from "../workload/plan.js";
import type { QueueView } from "../platform/views.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import type { SchedulerContext } from "./context.js";

export type { LinkView, QueueView, StationView, TopologyView } from "../platform/views.js";
export type { CostOptions, SchedulerContext, SourceView } from "./context.js";

/**
 * What `plan` returns to hold a request without a decision yet: it stays in the system until the
 * scheduler calls `ctx.admit(req, plan)` or `ctx.drop(req, reason)`. A run that ends with a held
 * request is an error. A registered symbol, so a plug-in that loaded its own copy of this module
 * still returns the very same value.
 */
export const DEFER: unique symbol = Symbol.for("splitsim.defer") as never;

/** A plan, null to refuse (drop) the request, or DEFER to decide later. */
export type PlanResult = Plan | null | typeof DEFER;

export interface Scheduler {
  readonly name: string;
  /** The plan for a new request (see PlanResult). */
  plan(req: Request, ctx: SchedulerContext): PlanResult;
  /**
   * Plans every request released at one instant together (a batch job), instead of `plan`: one
   * result per request, in the same order. Requests of one instant come in the order of their
   * Arrive events' sequence numbers, which is request id order (DESIGN §2).
   */
  planArrivals?(reqs: readonly Request[], ctx: SchedulerContext): readonly PlanResult[];
  /**
   * Index of the waiting work to serve next at `station`, or -1 to hold all for now. The view is
   * the live queue (no copy); work records are recycled once their step is done: read them during
   * the call, do not keep them.
   */
  pick?(station: number, waiting: QueueView<Work>, ctx: SchedulerContext): number;
  /** Batch size to start now at `station`, or 0 to wait for more (the works as in `pick`). */
  batch?(station: number, waiting: QueueView<Work>, ctx: SchedulerContext): number;
  /** Index of the waiting transfer to send next on `link` (FIFO when absent), or -1 to hold all. */
  pickTransfer?(link: number, waiting: QueueView<Work>, ctx: SchedulerContext): number;
  /** A timer set with `ctx.wakeAt(station, t)` fired; the station chooses right after. */
  onWake?(station: number, ctx: SchedulerContext): void;
  /**
   * Feedback when a request completes. A request's times are recycled when it leaves the system:
   * call `req.freeze()` here to keep it readable later.
   */
  onComplete?(req: Request, ctx: SchedulerContext): void;
  /** A request was dropped (refused, dropped by the scheduler, or a full queue), with the reason. */
  onDrop?(req: Request, reason: string, ctx: SchedulerContext): void;
  /** Periodic re-planning. */
  tick?: { everyMs: number; run(ctx: SchedulerContext): void };
  /** What the scheduler wants in `report.policy` at the end of the run (plain JSON data). */
  summary?(): Record<string, unknown>;
}

/** An extra column of requests.csv, filled from each request's outcome record. */
export interface RequestColumn {
  /** The column header, and the key of `req.outcome` it reads (e.g. "exit", "cacheHit", or your own). */
  name: string;
  description: string;
}

/** What `unmetNeed` is told of each source. */
export interface SourceFacts {
  /** The arrival process: periodic, poisson, file, batch or closed. */
  readonly kind: string;
  /** Mean requests per second; null for batch and closed. */
  readonly ratePerSec: number | null;
  /** Whether its frames carry a scene-content process (labels and closeness). */
  readonly hasContent: boolean;
  /** Whether the node where it enters has a link to send work over. */
  readonly canOffload: boolean;
  /** Links from the node where it enters to nodes that have a link back (spatial partners). */
  readonly partners: number;
}

/** How a registry entry (or a plug-in file's default export) describes and builds a scheduler. */
export interface SchedulerFactory {
  readonly description: string;
  /** One line per option: `name (type, default): meaning`. */
  readonly options: readonly string[];
  /** Options without a default; `schedulers: all` skips a scheduler the scenario gives none of. */
  readonly requiredOptions?: readonly string[];
  /**
   * What the scenario's sources lack for this scheduler with these options (a request rate, say),
   * as "it needs …", or null; `schedulers: all` leaves the scheduler out and says why.
   */
  unmetNeed?(options: Readonly<Record<string, unknown>>, sources: readonly SourceFacts[]): string | null;
  /** Outcome fields written to requests.csv, after the standard columns, in this order. */
  readonly requestColumns?: readonly RequestColumn[];
  /** Validates the options (throwing OptionsError) and returns a fresh scheduler for one run. */
  create(options: Record<string, unknown>): Scheduler;
}
