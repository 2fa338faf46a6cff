// TimelineRecorder: an optional observer that records what a timeline shows — a slice per server
// busy period (a batch is one slice with several steps) and per transfer, the plan edges between
// them, idle segments by cause, queue lengths and estimated bandwidth — for the selected requests
// and time span only. A run without --timeline never builds one, so it costs nothing there.
import type { Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { BandwidthTrace } from "../platform/bandwidth/trace.js";
import type { Observer, ResourceInfo } from "../platform/observer.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import { CounterSeries, rateSteps } from "./timeline-counters.js";
import { IdleSegments, type IdleKind, type IdleSegment } from "./timeline-idle.js";
import { DEFAULT_TIMELINE_MAX_REQUESTS, TimelineSpan, type TimelineSelection } from "./timeline-selection.js";

/** What the timeline knows of a link beyond the observer's events. */
export interface TimelineLink {
  /** Propagation latency: a transfer is delivered this long after it leaves the link. */
  latencyNs: Time;
  /** The true bandwidth over simulation time (offset applied), or null to draw none. */
  trace: BandwidthTrace | null;
  /**
   * A fresh copy of the scheduler's estimator, fed here the same transfers in the same order as the
   * run's own, so it gives the same estimates; null when the estimator is the true rate (oracle).
   */
  estimator: { estimate(now: Time): number; onTransfer(bytes: number, start: Time, end: Time): void } | null;
}

export interface TimelineOptions {
  selection: TimelineSelection;
  /** Per link resource (a link, or a shared medium once), in the platform's order. */
  links: readonly TimelineLink[];
  /** How to narrow a selection over the cap, in the caller's words (the CLI names its options). */
  narrowHint?: string;
}

/** One step run inside a slice. */
export interface SliceStep {
  request: number;
  step: number;
  /** Compute cost key (model, layers, station), or null for a transfer. */
  cost: string | null;
  macs: number;
  bytes: number;
  /** Bits per element the plan chose (0 when nothing was sent). */
  bits: number;
}

/** A server's busy period (a compute batch) or one transfer on a link. */
export interface StepSlice {
  res: number;
  server: number;
  fromNs: Time;
  toNs: Time;
  steps: SliceStep[];
  /** Kept slices whose steps this one's steps waited for: the flow arrows into it. */
  from: StepSlice[];
  /** Some step belongs to a selected request. */
  selected: boolean;
}

export interface RequestSpanRecord {
  id: number;
  source: number;
  arrivalNs: Time;
  leftNs: Time;
  dropped: boolean;
}

/** Everything a trace writer needs, times in ns. */
export interface TimelineRecording {
  resources: readonly ResourceInfo[];
  t0: Time;
  t1: Time;
  /** The span shown: [fromNs, toNs] within [t0, t1] (idle and counters are clipped to it). */
  fromNs: Time;
  toNs: Time;
  slices: readonly StepSlice[];
  idle: ReadonlyArray<IdleSegment & { kind: IdleKind }>;
  queues: ReadonlyArray<Array<[Time, number]>>;
  /** Per link resource: bandwidth in bytes/s, true and estimated (null when not drawn). */
  bandwidth: ReadonlyArray<{ true: Array<[Time, number]> | null; estimated: Array<[Time, number]> | null; truncated: boolean }>;
  requests: readonly RequestSpanRecord[];
  /** Requests with a step in the timeline. */
  requestCount: number;
}

interface InFlight {
  arrival: Time;
  /** Kept slice of each step run so far. */
  slices: Array<StepSlice | undefined>;
  counted: boolean;
}

export class TimelineRecorder implements Observer {
  private infos: readonly ResourceInfo[] = [];
  private readonly span: TimelineSpan;
  private idle = new IdleSegments([], () => false);
  private stations = 0;
  private firstServer: number[] = [];
  /** Open compute slice of each station server (global index). */
  private open: Array<StepSlice | null> = [];
  private readonly transfers = new Map<Work, StepSlice>();
  private readonly inFlight = new Map<number, InFlight>();
  private readonly slices: StepSlice[] = [];
  private readonly spans: RequestSpanRecord[] = [];
  private queues: CounterSeries[] = [];
  private estimates: CounterSeries[] = [];
  private readonly maxRequests: number;
  private counted = 0;
  private t0: Time = -1;
  private lastCompletion: Time = -1;
  private lastEvent: Time = 0;

  constructor(private readonly opts: TimelineOptions) {
    this.span = new TimelineSpan(opts.selection);
    this.maxRequests = opts.selection.maxRequests ?? DEFAULT_TIMELINE_MAX_REQUESTS;
  }

  onSetup(resources: readonly ResourceInfo[]): void {
    this.infos = resources;
    this.stations = resources.filter((r) => r.kind === "station").length;
    if (this.opts.links.length !== resources.length - this.stations) {
      throw new Error(`timeline: ${this.opts.links.length} link descriptions for ${resources.length - this.stations} links`);
    }
    this.idle = new IdleSegments(resources.map((r) => r.servers), (a, b) => this.span.overlaps(a, b));
    let g = 0;
    this.firstServer = resources.map((r) => (g += r.servers) - r.servers);
    this.open = new Array<StepSlice | null>(g).fill(null);
    this.queues = resources.map(() => new CounterSeries(this.span));
    this.estimates = this.opts.links.map((l) => {
      const series = new CounterSeries(this.span);
      if (l.estimator !== null) series.set(0, l.estimator.estimate(0));
      return series;
    });
  }

  onArrive(req: Request, t: Time): void {
    if (this.t0 < 0) this.t0 = t;
    this.span.arrive(req.id, t);
    this.idle.arrive(t);
    if (this.span.selects(req.id)) this.inFlight.set(req.id, { arrival: t, slices: [], counted: false });
  }

  onQueue(res: number, waiting: number, t: Time): void {
    this.idle.setWaiting(res, waiting, t);
    this.queues[res]!.set(t, waiting);
  }

  onStart(res: number, server: number, t: Time): void {
    this.idle.start(res, server, t);
  }

  onEnd(res: number, server: number, t: Time): void {
    this.idle.end(res, server, t);
    if (res >= this.stations) return; // a transfer's slice closes when it is delivered
    const g = this.firstServer[res]! + server;
    const slice = this.open[g]!;
    this.open[g] = null;
    slice.toNs = t;
    this.close(slice);
  }

  onStepStart(work: Work, res: number, server: number, t: Time): void {
    const req = work.req;
    const step: SliceStep = {
      request: req.id, step: work.step, cost: work.cost === null ? null : work.cost.key, macs: work.cost === null ? 0 : work.cost.macs,
      bytes: work.bytes, bits: req.bits,
    };
    let slice: StepSlice;
    if (res < this.stations) {
      // The members of a batch start together on one server: one slice holds them all.
      const g = this.firstServer[res]! + server;
      const open = this.open[g];
      if (open !== null && open !== undefined) slice = open;
      else this.open[g] = slice = { res, server, fromNs: t, toNs: -1, steps: [], from: [], selected: false };
    } else {
      slice = { res, server: 0, fromNs: t, toNs: -1, steps: [], from: [], selected: false };
      this.transfers.set(work, slice);
    }
    slice.steps.push(step);
    const rec = this.inFlight.get(req.id);
    if (rec === undefined) return;
    slice.selected = true;
    rec.slices[work.step] = slice;
    for (const d of req.plan!.steps[work.step]!.deps) {
      const src = rec.slices[d];
      if (src !== undefined && !slice.from.includes(src)) slice.from.push(src);
    }
  }

  onStepEnd(work: Work, res: number, t: Time): void {
    if (res < this.stations) return;
    const link = res - this.stations;
    const sent = t - this.opts.links[link]!.latencyNs;
    const est = this.opts.links[link]!.estimator;
    if (est !== null) {
      // As the link tells its estimator when the transfer leaves it (link-base.ts `sent`).
      est.onTransfer(work.bytes, work.start, sent);
      this.estimates[link]!.set(sent, est.estimate(sent));
    }
    const slice = this.transfers.get(work)!;
    this.transfers.delete(work);
    slice.toNs = sent;
    this.close(slice);
  }

  onComplete(req: Request, t: Time): void {
    this.lastCompletion = t;
    this.leave(req, t, false);
  }

  onDrop(req: Request, t: Time): void {
    this.leave(req, t, true);
  }

  onFinish(t: Time): void {
    this.lastEvent = t;
    this.idle.finish(t);
  }

  /** The recording, once the run is over. T0 and T1 are the collector's: first arrival, last completion. */
  recording(): TimelineRecording {
    const t0 = this.t0 < 0 ? 0 : this.t0;
    const t1 = this.lastCompletion >= 0 ? this.lastCompletion : Math.max(this.lastEvent, t0);
    this.span.settle();
    const from = Math.max(t0, this.span.fromNs);
    const to = Math.min(t1, this.span.toNs);
    const bandwidth = this.opts.links.map((l, i) => {
      const steps = l.trace === null || !(to >= from) ? null : rateSteps(l.trace, from, to);
      return {
        true: steps === null ? null : steps.points,
        estimated: l.estimator === null ? null : this.estimates[i]!.points(from, to),
        truncated: steps?.truncated ?? false,
      };
    });
    return {
      resources: this.infos, t0, t1, fromNs: from, toNs: to,
      slices: this.slices.filter((s) => this.span.overlaps(s.fromNs, s.toNs)),
      idle: this.idle.named(t0, t1, from, to),
      queues: this.queues.map((q) => q.points(from, to)),
      bandwidth,
      requests: this.spans.filter((r) => this.span.overlaps(r.arrivalNs, r.leftNs)),
      requestCount: this.counted,
    };
  }

  private leave(req: Request, t: Time, dropped: boolean): void {
    this.idle.leave(t);
    this.span.leave(req.id, t);
    const rec = this.inFlight.get(req.id);
    if (rec === undefined) return;
    this.inFlight.delete(req.id);
    if (this.span.overlaps(rec.arrival, t)) this.spans.push({ id: req.id, source: req.source, arrivalNs: rec.arrival, leftNs: t, dropped });
  }

  /** A finished slice is kept when a selected request ran in it and it can meet the span. */
  private close(slice: StepSlice): void {
    if (!slice.selected || !this.span.overlaps(slice.fromNs, slice.toNs)) {
      // Its steps' successors must not point at a slice that is not shown.
      for (const s of slice.steps) {
        const rec = this.inFlight.get(s.request);
        if (rec !== undefined && rec.slices[s.step] === slice) rec.slices[s.step] = undefined;
      }
      return;
    }
    this.slices.push(slice);
    for (const s of slice.steps) {
      const rec = this.inFlight.get(s.request);
      if (rec === undefined || rec.counted) continue;
      rec.counted = true;
      if (++this.counted > this.maxRequests) {
        throw new SplitsimError(
          `timeline: more than ${this.maxRequests} requests would be drawn (the cap keeps the file small enough to open): ` +
            (this.opts.narrowHint ?? "select fewer requests or a shorter time window"),
        );
      }
    }
  }
}
