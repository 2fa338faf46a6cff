// WorkPool: the executor's recycled Work records. A work lives from its step's release until the
// station or link reports it done; then its record (and its row of times) is reused for the next
// step released anywhere. Steady runs allocate no Work at all, and a backlog's works hold their
// three numbers (ready, start, bytes) in RowPool rows instead of three heap boxes each.
import type { Time } from "../core/time.js";
import type { ComputeCost } from "./plan.js";
import type { Work } from "./work.js";
import type { Request } from "./request.js";
import { RowPool } from "./row-pool.js";

const READY = 0;
const START = 1;
const BYTES = 2;

/** A Work whose numbers live in a pooled row; valid until its step is reported done. */
class PooledWork implements Work {
  req: Request;
  step = 0;
  cost: ComputeCost | null = null;

  constructor(
    req: Request,
    private readonly times: Float64Array,
    private readonly at: number,
  ) {
    this.req = req;
  }

  get ready(): Time {
    return this.times[this.at + READY]!;
  }
  get start(): Time {
    return this.times[this.at + START]!;
  }
  set start(t: Time) {
    this.times[this.at + START] = t;
  }
  get bytes(): number {
    return this.times[this.at + BYTES]!;
  }

  /** Fills the record for a newly released step. */
  reset(req: Request, step: number, ready: Time, cost: ComputeCost | null, bytes: number): this {
    this.req = req;
    this.step = step;
    this.cost = cost;
    this.times[this.at + READY] = ready;
    this.times[this.at + START] = -1;
    this.times[this.at + BYTES] = bytes;
    return this;
  }
}

export class WorkPool {
  private readonly rows = new RowPool(3);
  private readonly idle: PooledWork[] = [];

  /** A work for step `step` of `req`, ready at `ready`. */
  acquire(req: Request, step: number, ready: Time, cost: ComputeCost | null, bytes: number): Work {
    let w = this.idle.pop();
    if (w === undefined) {
      // Each record owns one row for good, so a record and its row are recycled together.
      const slot = this.rows.acquire();
      w = new PooledWork(req, this.rows.chunk(slot), this.rows.offset(slot));
    }
    return w.reset(req, step, ready, cost, bytes);
  }

  /** The work's step is done (or refused): its record may be handed out again. */
  release(w: Work): void {
    this.idle.push(w as PooledWork);
  }
}
