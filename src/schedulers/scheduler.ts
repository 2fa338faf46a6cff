// The scheduler plug-in interface and the read-only context it decides with (DESIGN §5).
// A scheduler sees bandwidth *estimates*, not the trace (unless its estimator is `oracle`).
import type { Time } from "../core/time.js";
import type { TopologyView } from "../platform/views.js";
import type { Model } from "../workload/model.js";
import type { ComputeCost, Plan } from "../workload/plan.js";
import type { Work } from "../workload/work.js";
import type { Request } from "../workload/request.js";

export type { LinkView, StationView, TopologyView } from "../platform/views.js";

export interface SchedulerContext {
  /** Current simulation time, ns. */
  readonly now: Time;
  readonly topology: TopologyView;
  /** A model used by the scenario, by name. */
  model(name: string): Model;
  /** Waiting works at a station (not started). */
  queueLength(station: number): number;
  busyServers(station: number): number;
  /** Estimated bandwidth of a link in bytes/s (per the scheduler's estimator). */
  bandwidthBps(link: number): number;
  /**
   * The shared cost object for running `layers` of `model` on `station` (cached by content, so
   * equal work batches together); `fraction` scales the work for spatial partitioning.
   */
  computeCost(station: number, model: Model, layers: ArrayLike<number>, fraction?: number): ComputeCost;
  /** Estimated accuracy loss (percentage points) of sending `model`'s cut `cut` at `bits`. */
  accuracyLossPct(model: Model, cut: string, bits: number): number;
  /** Asks a station to choose again now (after a policy that held its queue changed its mind). */
  wake(station: number): void;
  /** Bytes of one tensor header on the wire. */
  readonly headerBytes: number;
  /** Bytes of the result sent back to the origin for `model`. */
  resultBytes(model: Model): number;
}

export interface Scheduler {
  readonly name: string;
  /** The plan for a new request, or null to refuse (drop) it. */
  plan(req: Request, ctx: SchedulerContext): Plan | null;
  /**
   * Index of the waiting work to serve next at `station`, or -1 to hold all for now. Work records
   * are recycled once their step is done: read them during the call, do not keep them.
   */
  pick?(station: number, waiting: readonly Work[], ctx: SchedulerContext): number;
  /** Batch size to start now at `station`, or 0 to wait for more (the works as in `pick`). */
  batch?(station: number, waiting: readonly Work[], ctx: SchedulerContext): number;
  /**
   * Feedback when a request completes. A request's times are recycled when it leaves the system:
   * call `req.freeze()` here to keep it readable later.
   */
  onComplete?(req: Request, ctx: SchedulerContext): void;
  /** Periodic re-planning. */
  tick?: { everyMs: number; run(ctx: SchedulerContext): void };
}

/** How a registry entry describes and builds a scheduler. */
export interface SchedulerFactory {
  readonly description: string;
  /** One line per option: `name (type, default): meaning`. */
  readonly options: readonly string[];
  /** Options without a default; `schedulers: all` skips a scheduler the scenario gives none of. */
  readonly requiredOptions?: readonly string[];
  /** Validates the options (throwing OptionsError) and returns a fresh scheduler for one run. */
  create(options: Record<string, unknown>): Scheduler;
}
