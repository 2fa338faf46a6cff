// BPS's lanes and batches (halp-bps.md §2.3–2.4) for one flow (a source's model on its route):
// each request goes local-only (share α) or offloaded at cut k; a lane's requests are held until
// its batch is full or batchTimeout has passed since the first of them arrived, then admitted
// together; unpipelined, one offload batch is in flight at a time. Every step of a group runs as
// one batch at each station, which `groupAt` finds in a station's queue.
import type { Time } from "../../core/time.js";
import type { RandomStream } from "../../core/random.js";
import type { Plan } from "../../workload/plan.js";
import type { Request } from "../../workload/request.js";
import type { QueueView } from "../../platform/views.js";
import type { Work } from "../../workload/work.js";
import type { SchedulerContext } from "../context.js";
import type { BpsConfig } from "./bps-model.js";

/** The two plans of a configuration (the local-only one, and the offload one at its cut). */
export interface LanePlans {
  readonly local: Plan;
  readonly offload: Plan;
  /** Accuracy drop of the offload plan's codec, points. */
  readonly offloadDropPct: number;
}

interface Group {
  readonly lane: 0 | 1; // 0 local, 1 offload
  readonly members: Request[];
  /** Arrival of its first member: the batch timeout runs from it. */
  readonly firstAt: Time;
}

/** Group sizes and drops, by group id (ids grow through the run; one number each). */
export class GroupBook {
  readonly size: number[] = [];
  readonly dropped: number[] = [];
  open(size: number): number {
    this.size.push(size);
    this.dropped.push(0);
    return this.size.length - 1;
  }
}

/** Where the flow's steps run, for the admission gates. */
export interface LaneRoute {
  readonly origin: number;
  readonly target: number;
  readonly uplink: number;
}

/**
 * A flow's lanes. Requests are held here, not in the stations' queues: a lane's batch is admitted
 * only when the resources it needs next have at most about one batch waiting (the device for both
 * lanes; with pipelining also the uplink and the remote for the offload lane). So a new
 * configuration applies at once to every request not yet started (held requests are re-laned), and
 * a learner sees its action's effect within the interval instead of after a backlog drains.
 */
export class BpsLanes {
  private config: BpsConfig;
  private plans: LanePlans;
  /** Requests laned so far (the credit counter's i). */
  private seen = 0;
  private readonly pending: [Group | null, Group | null] = [null, null];
  /** Full (or timed-out) batches per lane, oldest first, waiting for their gate. */
  private readonly ready: [Group[], Group[]] = [[], []];
  private inFlight = 0;
  /** Configurations so far; each laned request carries the one it was laned under. */
  epoch = 0;

  constructor(
    private readonly route: LaneRoute,
    private readonly timeoutNs: Time,
    private readonly book: GroupBook,
    private readonly laneRng: RandomStream | null,
    config: BpsConfig,
    plans: LanePlans,
  ) {
    this.config = config;
    this.plans = plans;
  }

  get current(): BpsConfig {
    return this.config;
  }

  /** Requests held here (batches filling and batches waiting for their gate). */
  get held(): number {
    let n = (this.pending[0]?.members.length ?? 0) + (this.pending[1]?.members.length ?? 0);
    for (const q of this.ready) for (const g of q) n += g.members.length;
    return n;
  }

  /** Whether batches wait for a gate (a station that starts work should wake the flow). */
  waiting(now: Time): boolean {
    return this.ready[0].length > 0 || this.ready[1].length > 0 || this.due(0, now) || this.due(1, now);
  }

  /** A batch still filling whose first request has waited batchTimeout: it may start as it is. */
  private due(lane: 0 | 1, now: Time): boolean {
    const g = this.pending[lane];
    return g !== null && now >= g.firstAt + this.timeoutNs;
  }

  /** A new configuration: every request held and not yet admitted is laned again, in arrival order. */
  reconfigure(config: BpsConfig, plans: LanePlans, ctx: SchedulerContext): void {
    const held: Request[] = [];
    for (const lane of [0, 1] as const) {
      for (const g of this.ready[lane]) held.push(...g.members);
      if (this.pending[lane] !== null) held.push(...this.pending[lane]!.members);
      this.ready[lane] = [];
      this.pending[lane] = null;
    }
    this.config = config;
    this.plans = plans;
    this.epoch++;
    held.sort((a, b) => a.id - b.id);
    for (const r of held) this.lane(r, ctx);
    this.pump(ctx);
  }

  /** A new request joins its lane (see `lane`); full batches go as their gates allow. */
  add(req: Request, ctx: SchedulerContext): void {
    this.lane(req, ctx);
    this.pump(ctx);
  }

  /**
   * A timer fired: gates re-checked, and a batch that has waited batchTimeout may start as it is
   * (if its gate is closed it keeps filling, and starts once the gate opens or it is full).
   */
  onWake(ctx: SchedulerContext): void {
    this.pump(ctx);
  }

  /** An offloaded request left the system (unpipelined, the next batch may go). */
  done(req: Request, ctx: SchedulerContext): void {
    if (req.record()["lane"] !== "offload") return;
    this.inFlight--;
    this.pump(ctx);
  }

  /**
   * Request i is local-only iff ⌊(i+1)α⌋ > ⌊iα⌋ (so exactly ⌊Nα⌋ of the first N are), or by a
   * draw under `lane: random`; a lane's batch closes when full.
   */
  private lane(req: Request, ctx: SchedulerContext): void {
    const { alpha } = this.config;
    const i = this.seen++;
    const local = this.laneRng === null ? Math.floor((i + 1) * alpha) > Math.floor(i * alpha) : this.laneRng.next() < alpha;
    const lane = local ? 0 : 1;
    const size = local ? this.config.localBatch : this.config.batch;
    let g = this.pending[lane];
    if (g === null) {
      g = { lane, members: [], firstAt: req.arrival };
      this.pending[lane] = g;
      if (size > 1) ctx.wakeAt(this.route.origin, Math.max(ctx.now, g.firstAt + this.timeoutNs));
    }
    g.members.push(req);
    const rec = req.record();
    rec["lane"] = local ? "local" : "offload";
    rec["k"] = local ? -1 : this.config.cut;
    rec["b"] = size;
    rec["codec"] = local ? "off" : this.config.codec;
    rec["epoch"] = this.epoch;
    rec.accuracyLossPct = local ? 0 : this.plans.offloadDropPct;
    if (g.members.length >= size) this.close(lane);
  }

  private close(lane: 0 | 1): void {
    this.ready[lane].push(this.pending[lane]!);
    this.pending[lane] = null;
  }

  /** Admits ready batches (full, or filling past their timeout), oldest first, while their gates are open. */
  private pump(ctx: SchedulerContext): void {
    for (;;) {
      const l = this.front(0, ctx.now);
      const o = this.front(1, ctx.now);
      const lOpen = l !== null && this.open(l, ctx);
      const oOpen = o !== null && this.open(o, ctx);
      if (!lOpen && !oOpen) return;
      const lane = lOpen && (!oOpen || l!.firstAt <= o!.firstAt) ? 0 : 1;
      if (this.ready[lane].length > 0) this.admit(this.ready[lane].shift()!, ctx);
      else {
        this.admit(this.pending[lane]!, ctx);
        this.pending[lane] = null;
      }
    }
  }

  /** The lane's next batch to admit: the oldest full one, else the filling one once it is due. */
  private front(lane: 0 | 1, now: Time): Group | null {
    const q = this.ready[lane];
    if (q.length > 0) return q[0]!;
    return this.due(lane, now) ? this.pending[lane] : null;
  }

  private open(g: Group, ctx: SchedulerContext): boolean {
    const n = g.members.length;
    const { origin, uplink, target } = this.route;
    if (g.lane === 0) return ctx.queueLength(origin) < n;
    const c = this.config;
    if (!c.pipelined) return this.inFlight === 0;
    if (c.cut > 0 && ctx.queueLength(origin) >= n) return false;
    if (this.plans.offload === this.plans.local) return true; // k = n: nothing is sent
    return ctx.linkQueueLength(uplink) < 2 * n && ctx.queueLength(target) < 2 * n;
  }

  private admit(g: Group, ctx: SchedulerContext): void {
    const id = this.book.open(g.members.length);
    if (g.lane === 1) this.inFlight += g.members.length;
    const plan: Plan = g.lane === 0 ? this.plans.local : this.plans.offload;
    for (const r of g.members) r.record()["group"] = id;
    for (const r of g.members) ctx.admit(r, plan);
  }
}

/**
 * Where the next batch starts in a station's queue: the first group (in queue order) whose works
 * at this step are all there, and how many they are; null when every group present still waits
 * for members (works of one group and one step are contiguous: they are released together, or
 * come over a FIFO link in order). Works without a group run alone.
 */
export function groupAt(waiting: QueueView<Work>, book: GroupBook): { index: number; size: number } | null {
  let i = 0;
  while (i < waiting.length) {
    const w = waiting.at(i);
    const g = w.req.outcome?.["group"];
    if (typeof g !== "number") return { index: i, size: 1 };
    const need = book.size[g]! - book.dropped[g]!;
    let j = i + 1;
    while (j < waiting.length && j - i < need) {
      const v = waiting.at(j);
      if (v.cost !== w.cost || v.req.outcome?.["group"] !== g) break;
      j++;
    }
    if (j - i >= need) return { index: i, size: need };
    i = j;
  }
  return null;
}

/** How far from the end of a device's queue a released continuation (an encode) is looked for. */
const TAIL_SCAN = 64;

/**
 * On the device: a complete group of a continuing step (an encode after its layers), so that S1
 * runs as one stretch instead of waiting behind batches admitted meanwhile. Such works were just
 * released, so they sit at the end of the queue; null when there are none near it.
 */
export function continuationAt(waiting: QueueView<Work>, book: GroupBook): { index: number; size: number } | null {
  const stop = Math.max(0, waiting.length - TAIL_SCAN);
  for (let end = waiting.length - 1; end >= stop; end--) {
    const w = waiting.at(end);
    if (w.step === 0) continue;
    const g = w.req.outcome?.["group"];
    if (typeof g !== "number") return null;
    let start = end;
    while (start > 0) {
      const v = waiting.at(start - 1);
      if (v.cost !== w.cost || v.req.outcome?.["group"] !== g) break;
      start--;
    }
    const need = book.size[g]! - book.dropped[g]!;
    return end - start + 1 >= need ? { index: start, size: need } : null;
  }
  return null;
}
