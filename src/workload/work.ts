// Work: one ready step of one request, as stations and links queue and serve it. Records are
// pooled (work-pool.ts) and recycled once their step is done, so nobody keeps one past that.
import type { Time } from "../core/time.js";
import type { ComputeCost } from "./plan.js";
import type { Request } from "./request.js";

/** One ready step of one request, waiting for or occupying a server or a link. */
export interface Work {
  readonly req: Request;
  readonly step: number;
  /** When it became ready (entered the queue). */
  readonly ready: Time;
  /** When service began (-1 while waiting). */
  start: Time;
  /** Compute cost (compute steps) or null (transfers). */
  readonly cost: ComputeCost | null;
  readonly bytes: number;
}
