// Observer: the hooks through which measurement subscribes to a run. The platform (stations, links,
// the executor) emits them, so their types live here; metrics implements them, and the platform never
// computes a metric itself. Resources are addressed by index (no Map look-ups per event): index i is
// the i-th entry of the array given to onSetup.
import type { Time } from "../core/time.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";

export interface ResourceInfo {
  /** Station (node) or link name from the scenario. */
  id: string;
  kind: "station" | "link";
  /** Parallel servers (a link has 1). */
  servers: number;
  /**
   * Whether it may refuse work (a full queue), dropping a request whose other steps still run.
   * Absent means it may. When no resource can, no server works after the last completion, and
   * the collector skips the bookkeeping that clips such work out of the run window.
   */
  canRefuse?: boolean;
}

export interface Observer {
  /** Once, before the first event. */
  onSetup?(resources: readonly ResourceInfo[]): void;
  /** A request entered the system. */
  onArrive?(req: Request, t: Time): void;
  /** Resource `res` now has `waiting` ready works that no server has started. */
  onQueue?(res: number, waiting: number, t: Time): void;
  /** Server `server` of resource `res` became busy (a compute batch or a transfer began). */
  onStart?(res: number, server: number, t: Time): void;
  /** Server `server` of resource `res` became free. */
  onEnd?(res: number, server: number, t: Time): void;
  /**
   * A request's result is back at its origin (req.completion is set). Its times are recycled once
   * it has left the system: an observer that keeps the request calls `req.freeze()` here.
   */
  onComplete?(req: Request, t: Time): void;
  /**
   * A step began: `work` (read it now; records are recycled) on server `server` of resource `res`
   * — a compute step on a station, or a transfer leaving on a link. With the step's cost
   * (`work.cost.macs`) or bytes (`work.bytes`), an observer can account every MAC and byte.
   */
  onStepStart?(work: Work, res: number, server: number, t: Time): void;
  /** A step ended: a compute step finished, or a transfer was delivered (after the link's latency). */
  onStepEnd?(work: Work, res: number, t: Time): void;
  /**
   * Whether onStepStart/onStepEnd are wanted for resource `res` (absent: for every resource). Asked
   * once per resource when the run is built, so a resource nobody watches pays nothing per step.
   */
  observesSteps?(res: number): boolean;
  /** A request was dropped (by the policy or a full queue; `req.dropReason` says which); it will not complete. */
  onDrop?(req: Request, t: Time): void;
  /** Once, after the last event. */
  onFinish?(t: Time): void;
}
