// RunContext: the SchedulerContext of one run, backed by the live stations, links, bandwidth
// estimators and executor. Reads are views of the run's state; the few actions (wake, admit, drop)
// go straight to the platform. Compute costs are cached by content (compute-costs.ts).
import type { RandomStream } from "../core/random.js";
import type { Simulator } from "../core/simulator.js";
import { ms, type Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { Executor } from "../platform/executor.js";
import type { LinkLike } from "../platform/link.js";
import type { Station } from "../platform/station.js";
import type { Topology } from "../platform/topology.js";
import type { CostOptions, SchedulerContext, SourceView } from "../schedulers/context.js";
import type { BandwidthEstimator, EstimatorSpec } from "../schedulers/estimators.js";
import { lookupLossPct, type AccuracyTable } from "../workload/accuracy.js";
import { SlabTable, type SlabRow } from "../workload/slab-table.js";
import type { Model } from "../workload/model.js";
import type { ComputeCost, Plan } from "../workload/plan.js";
import { tensorBytes } from "../workload/quantization.js";
import { meanRate } from "../workload/source-rate.js";
import type { Request } from "../workload/request.js";
import type { ResolvedSource } from "../workload/source-spec.js";
import type { Workload } from "../workload/workload.js";
import { ComputeCosts } from "./compute-costs.js";

export interface RunContextParts {
  sim: Simulator;
  topology: Topology;
  models: ReadonlyMap<string, Model>;
  sources: readonly ResolvedSource[];
  workload: Workload;
  headerBytes: number;
  resultBytes: number | null;
  accuracy: Readonly<Record<string, AccuracyTable>>;
  /** The scenario's measured slab times (empty: none). */
  slabs?: readonly SlabRow[] | undefined;
  schedulerName: string;
  /** Which estimator the scheduler plans with (its own option, else the scenario's). */
  estimatorKind: EstimatorSpec["kind"];
}

export class RunContext implements SchedulerContext {
  stations: Station[] = [];
  links: LinkLike[] = [];
  estimators: BandwidthEstimator[] = [];
  /** Set once the executor exists (it needs the stations, which need this context's policy). */
  executor: Executor | null = null;
  readonly topology: Topology;
  readonly headerBytes: number;
  readonly sourceCount: number;
  readonly estimatorKind: EstimatorSpec["kind"];
  private readonly costs: ComputeCosts;
  private readonly sourceViews: SourceView[];

  constructor(private readonly p: RunContextParts) {
    this.topology = p.topology;
    this.headerBytes = p.headerBytes;
    this.sourceCount = p.sources.length;
    this.estimatorKind = p.estimatorKind;
    this.costs = new ComputeCosts(p.topology, p.schedulerName, p.slabs !== undefined && p.slabs.length > 0 ? new SlabTable(p.slabs) : null);
    this.sourceViews = p.sources.map((src, index) => ({
      index,
      origin: p.topology.originOf(index),
      models: src.models,
      arrivals: src.arrivals,
      ratePerSec: meanRate(src),
      requests: src.requests,
      deadlineNs: src.deadlineMs === null ? -1 : ms(src.deadlineMs),
      content: src.content ?? null,
    }));
  }

  get now(): Time {
    return this.p.sim.now;
  }

  model(name: string): Model {
    const m = this.p.models.get(name);
    if (m === undefined) throw new SplitsimError(`unknown model '${name}'`);
    return m;
  }

  source(index: number): SourceView {
    const v = this.sourceViews[index];
    if (v === undefined) throw new SplitsimError(`${this.p.schedulerName}: there is no source ${index} (sources are 0..${this.sourceCount - 1})`);
    return v;
  }

  closeness(req: Request): number {
    const c = this.p.workload.sources[req.source]?.content;
    return c == null ? Number.NaN : c.closeness[req.index]!;
  }

  queueLength(station: number): number {
    return this.stations[station]!.queueLength;
  }

  busyServers(station: number): number {
    return this.stations[station]!.busyServers;
  }

  linkQueueLength(link: number): number {
    return this.links[link]!.queueLength;
  }

  linkBusy(link: number): number {
    return this.links[link]!.busyCount;
  }

  bandwidthBps(link: number): number {
    return this.estimators[link]!.estimate(this.p.sim.now);
  }

  transferNs(link: number, bytes: number): Time {
    return this.estimators[link]!.transmitNs(this.p.sim.now, bytes) + this.topology.links[link]!.latencyNs;
  }

  computeCost(station: number, model: Model, layers: ArrayLike<number>, opts?: CostOptions): ComputeCost {
    return this.costs.get(station, model, layers, opts);
  }

  accuracyLossPct(model: Model, cut: string, bits: number): number {
    return lookupLossPct(this.p.accuracy[model.name] ?? null, cut, bits);
  }

  rng(name: string): RandomStream {
    // The run's named streams, under the scheduler's name: no scheduler's draws depend on which others ran.
    return this.p.sim.rng(`scheduler/${this.p.schedulerName}/${name}`);
  }

  wake(station: number): void {
    this.stations[station]!.requestDispatch();
  }

  wakeAt(station: number, t: Time): void {
    if (!(Number.isInteger(t) && t >= this.p.sim.now)) {
      throw new SplitsimError(`${this.p.schedulerName}: wakeAt(${station}, ${t}): the time must be a whole ns >= now (${this.p.sim.now})`);
    }
    this.stations[station]!.wakeAt(t);
  }

  wakeLink(link: number): void {
    this.links[link]!.requestDispatch();
  }

  admit(req: Request, plan: Plan): void {
    if (plan === null || typeof plan !== "object") throw new SplitsimError(`${this.p.schedulerName}: admit(request ${req.id}) needs a plan (drop a request with ctx.drop)`);
    this.executor!.admit(req, plan);
  }

  drop(req: Request, reason: string): void {
    this.executor!.drop(req, reason);
  }

  resultBytes(model: Model): number {
    return this.p.resultBytes ?? tensorBytes(model.finalOutputElements, 32, this.headerBytes);
  }
}
