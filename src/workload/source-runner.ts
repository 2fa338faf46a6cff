// SourceRunner: injects each source's requests at their arrival instants (drawn in order), or for
// a closed source keeps k requests outstanding. Each arrival schedules the next one, so the
// event queue holds one pending arrival per source rather than the whole list.
import { Phase, type Simulator } from "../core/simulator.js";
import { ms, type Time } from "../core/time.js";
import type { ResolvedSource } from "./source-spec.js";
import { thinkTime, type ArrivalCursor } from "./arrivals.js";
import { Request, REQUEST_ROW_WIDTH } from "./request.js";
import { RowPool } from "./row-pool.js";
import type { Workload } from "./workload.js";

export interface Admission {
  /** A request arrived; the receiver plans and starts it. */
  arrive(req: Request): void;
}

export class SourceRunner {
  /** Arrivals scheduled so far, and requests injected so far, per source. */
  private readonly issued: Int32Array;
  private readonly injected: Int32Array;
  /** Per source: relative deadline in ns (-1 for none) and this run's arrival cursor (null: closed). */
  private readonly deadlineNs: Float64Array;
  private readonly cursors: Array<ArrivalCursor | null>;
  private readonly onArrival: (source: number) => void = this.arrival.bind(this);
  /** Rows for the times of requests in flight (a request gives its row back when it leaves). */
  private readonly rows = new RowPool(REQUEST_ROW_WIDTH);
  private outstanding = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly sources: readonly ResolvedSource[],
    private readonly workload: Workload,
    private readonly admission: Admission,
  ) {
    this.issued = new Int32Array(sources.length);
    this.injected = new Int32Array(sources.length);
    this.deadlineNs = Float64Array.from(sources, (s) => (s.deadlineMs === null ? -1 : ms(s.deadlineMs)));
    this.cursors = workload.sources.map((w) => (w.arrivals === null ? null : w.arrivals.cursor()));
  }

  /** Requests that arrived and have not left yet. */
  get inSystem(): number {
    return this.outstanding;
  }

  /** True when every source has injected all its requests. */
  get exhausted(): boolean {
    return this.sources.every((s, i) => this.injected[i] === s.requests);
  }

  start(): void {
    this.sources.forEach((src, i) => {
      // A closed source starts with k requests at t = 0 (their seq keeps them in order).
      const first = src.arrivals.kind === "closed" ? Math.min(src.arrivals.k, src.requests) : 1;
      for (let j = 0; j < first; j++) this.issue(i, 0);
    });
  }

  /** Called when a request completes or is dropped. */
  requestDone(req: Request): void {
    this.outstanding--;
    const src = this.sources[req.source]!;
    if (src.arrivals.kind === "closed") this.issue(req.source, this.sim.now + thinkTime(src.arrivals));
  }

  /** Schedules the source's next arrival (at its next drawn instant, if it is not closed). */
  private issue(source: number, at: Time): void {
    const i = this.issued[source]!;
    if (i >= this.sources[source]!.requests) return;
    this.issued[source] = i + 1;
    const cursor = this.cursors[source]!;
    this.sim.at(cursor === null ? at : cursor.next(), Phase.Arrive, this.onArrival, source);
  }

  private arrival(source: number): void {
    const w = this.workload.sources[source]!;
    const index = this.injected[source]!++;
    const now: Time = this.sim.now;
    const relative = this.deadlineNs[source]!;
    const model = w.modelNames[w.modelOf === null ? 0 : w.modelOf[index]!]!;
    const req = new Request(this.sim.nextId(), source, index, model, now, relative < 0 ? -1 : now + relative, this.rows);
    if (w.content !== null) req.content = w.content.label[index]!;
    this.outstanding++;
    if (w.arrivals !== null) this.issue(source, now);
    this.admission.arrive(req);
  }
}
