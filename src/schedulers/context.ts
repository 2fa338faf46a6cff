// SchedulerContext: everything a scheduler may read and ask for while it decides (DESIGN §5) —
// the topology, models, sources, queue states, bandwidth *estimates* (not the trace, unless its
// estimator is `oracle`), compute costs, its own random streams, timers, and admission of held
// requests. The run implements it (scenario/run-context.ts); a unit test may fake it.
import type { RandomStream } from "../core/random.js";
import type { Time } from "../core/time.js";
import type { TopologyView } from "../platform/views.js";
import type { Model } from "../workload/model.js";
import type { ComputeCost, Plan } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import type { Arrivals, ContentSpec } from "../workload/source-spec.js";

/** How much of the layers' work a compute step does, and fixed costs on top (all optional). */
export interface CostOptions {
  /** Share (0, 1] of every layer's MAC/byte (roofline) part; the per-layer overhead stays whole. */
  fraction?: number;
  /**
   * Output rows computed per layer (one entry per entry of `layers`), for spatial slabs: layer k
   * does rows[k] / (its output height) of its roofline part. Not together with `fraction`.
   */
  rows?: ArrayLike<number>;
  /** Added once per batch, ns (a launch, a merge, a decoder). */
  fixedNs?: Time;
  /** Added per item of the batch, ns (a per-frame cost such as a cache look-up). */
  extraNs?: Time;
}

/** What a scheduler may know of a source: where its requests enter and what they are like. */
export interface SourceView {
  readonly index: number;
  /** Station index where its requests enter. */
  readonly origin: number;
  /** Model name -> weight of the mix (one model has weight 1). */
  readonly models: Readonly<Record<string, number>>;
  readonly arrivals: Arrivals;
  /** Mean arrival rate per second (periodic: fps; poisson: its rate; file: from its times), null for batch and closed. */
  readonly ratePerSec: number | null;
  readonly requests: number;
  /** Relative deadline in ns, or -1 for none. */
  readonly deadlineNs: Time;
  /** The scene-label process of its frames, or null (then `req.content` is -1). */
  readonly content: ContentSpec | null;
}

export interface SchedulerContext {
  /** Current simulation time, ns. */
  readonly now: Time;
  readonly topology: TopologyView;
  /** A model used by the scenario, by name. */
  model(name: string): Model;
  /** Number of sources; `source(i)` for i in 0..sourceCount-1. */
  readonly sourceCount: number;
  source(index: number): SourceView;
  /** Closeness in [0, 1] of a request's frame to its scene label (NaN without a content process). */
  closeness(req: Request): number;
  /** Waiting works at a station (not started), and its busy servers. */
  queueLength(station: number): number;
  busyServers(station: number): number;
  /** Transfers waiting at a link, and transfers in progress on it (0 or 1 on a FIFO link). */
  linkQueueLength(link: number): number;
  linkBusy(link: number): number;
  /**
   * The bandwidth estimator this scheduler plans with: under "oracle", bandwidthBps and transferNs
   * see the trace itself (a policy that needs the future, such as an upper bound, checks this).
   */
  readonly estimatorKind: "oracle" | "last" | "ewma" | "harmonic";
  /** Estimated bandwidth of a link in bytes/s (per the scheduler's estimator). */
  bandwidthBps(link: number): number;
  /**
   * Estimated ns from starting to send `bytes` on `link` now to their delivery: the transmission
   * at the estimated bandwidth (the exact trace integral under the `oracle` estimator), rounded up
   * to the ns, plus the link's propagation latency.
   */
  transferNs(link: number, bytes: number): Time;
  /**
   * The shared cost object for running `layers` of `model` on `station`, cached by content so
   * equal work batches together (see CostOptions for work shares and fixed costs).
   */
  computeCost(station: number, model: Model, layers: ArrayLike<number>, opts?: CostOptions): ComputeCost;
  /** Estimated accuracy loss (percentage points) of sending `model`'s cut `cut` at `bits`. */
  accuracyLossPct(model: Model, cut: string, bits: number): number;
  /**
   * This scheduler's own random stream `name`, seeded from (run seed, scheduler name, name): its
   * draws never shift the workload's or another scheduler's. Fetch a stream once, not per event.
   */
  rng(name: string): RandomStream;
  /** Asks a station to choose again now (after a policy that held its queue changed its mind). */
  wake(station: number): void;
  /**
   * Sets a timer: at time `t` (>= now) the scheduler's `onWake(station)` runs, then the station
   * chooses again. The way for a batching or holding policy to act later.
   */
  wakeAt(station: number, t: Time): void;
  /** Asks a link to choose again now (after `pickTransfer` held its queue). */
  wakeLink(link: number): void;
  /** Starts a request that `plan` deferred (returned DEFER for), on `plan`. */
  admit(req: Request, plan: Plan): void;
  /**
   * Drops a request that has not left the system: a deferred one, or one in flight (its running
   * steps finish, nothing follows). `reason` goes to requests.csv and to `onDrop`.
   */
  drop(req: Request, reason: string): void;
  /** Bytes of one tensor header on the wire. */
  readonly headerBytes: number;
  /** Bytes of the result sent back to the origin for `model`. */
  resultBytes(model: Model): number;
}
