// RunContext: the read-only SchedulerContext of one run, backed by the live stations, links and
// bandwidth estimators. Compute costs are cached by content so equal work shares one object
// (which is what lets stations batch it).
import type { Simulator } from "../core/simulator.js";
import type { Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { LinkLike } from "../platform/link.js";
import type { Station } from "../platform/station.js";
import type { Topology } from "../platform/topology.js";
import type { BandwidthEstimator } from "../schedulers/estimators.js";
import type { SchedulerContext } from "../schedulers/scheduler.js";
import { computeTimeNs } from "../workload/compute-model.js";
import type { Model } from "../workload/model.js";
import type { ComputeCost } from "../workload/plan.js";
import { tensorBytes } from "../workload/quantization.js";
import { lookupLossPct, type AccuracyTable } from "../workload/accuracy.js";

export class RunContext implements SchedulerContext {
  private readonly costs = new Map<string, ComputeCost>();
  stations: Station[] = [];
  links: LinkLike[] = [];
  estimators: BandwidthEstimator[] = [];

  constructor(
    private readonly sim: Simulator,
    readonly topology: Topology,
    private readonly models: ReadonlyMap<string, Model>,
    readonly headerBytes: number,
    private readonly resultBytesOverride: number | null,
    private readonly accuracy: Readonly<Record<string, AccuracyTable>>,
  ) {}

  get now(): Time {
    return this.sim.now;
  }

  model(name: string): Model {
    const m = this.models.get(name);
    if (m === undefined) throw new SplitsimError(`unknown model '${name}'`);
    return m;
  }

  queueLength(station: number): number {
    return this.stations[station]!.queueLength;
  }

  busyServers(station: number): number {
    return this.stations[station]!.busyServers;
  }

  accuracyLossPct(model: Model, cut: string, bits: number): number {
    return lookupLossPct(this.accuracy[model.name] ?? null, cut, bits);
  }

  wake(station: number): void {
    this.stations[station]!.requestDispatch();
  }

  bandwidthBps(link: number): number {
    return this.estimators[link]!.estimate(this.sim.now);
  }

  resultBytes(model: Model): number {
    return this.resultBytesOverride ?? tensorBytes(model.finalOutputElements, 32, this.headerBytes);
  }

  computeCost(station: number, model: Model, layers: ArrayLike<number>, fraction = 1): ComputeCost {
    const key = `${model.name}[${layerKey(layers)}]x${fraction}@${this.topology.stations[station]!.name}`;
    let cost = this.costs.get(key);
    if (cost === undefined) {
      const s = this.topology.stations[station]!;
      const list = Int32Array.from(layers);
      const byBatch = new Float64Array(s.maxBatch + 1); // 0 = not computed yet
      cost = {
        key,
        ns(batch: number): Time {
          let t = batch < byBatch.length ? byBatch[batch]! : 0;
          if (t === 0) {
            t = computeTimeNs(model, list, s.device, batch, s.precision, fraction);
            if (batch < byBatch.length) byBatch[batch] = t;
          }
          return t;
        },
      };
      this.costs.set(key, cost);
    }
    return cost;
  }
}

/** A compact, unique text for a layer list: contiguous runs as "a-b". */
function layerKey(layers: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < layers.length; ) {
    let j = i;
    while (j + 1 < layers.length && layers[j + 1] === layers[j]! + 1) j++;
    parts.push(i === j ? `${layers[i]}` : `${layers[i]}-${layers[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}
