// The compute-cost objects of one run: one per (model, layers, work share, fixed costs, station),
// built on first request and shared, since stations batch together only works that share a cost
// object. Bad arguments fail at once with a message naming the scheduler, not later mid-run.
import type { Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { TopologyView } from "../platform/views.js";
import type { CostOptions } from "../schedulers/context.js";
import { computeTimeNs } from "../workload/compute-model.js";
import { memoryNeed } from "../workload/memory.js";
import type { Model } from "../workload/model.js";
import type { ComputeCost } from "../workload/plan.js";
import type { SlabTable } from "../workload/slab-table.js";

export class ComputeCosts {
  private readonly costs = new Map<string, ComputeCost>();

  constructor(
    private readonly topology: TopologyView,
    private readonly schedulerName: string,
    /** The scenario's measured slab times; they replace the roofline for the layers they measure. */
    private readonly slabs: SlabTable | null = null,
  ) {}

  get(station: number, model: Model, layers: ArrayLike<number>, opts: CostOptions = {}): ComputeCost {
    const s = this.topology.stations[station];
    if (!Number.isInteger(station) || s === undefined) this.fail(`station ${station} does not exist (stations are 0..${this.topology.stations.length - 1})`);
    if (opts.rows !== undefined && opts.fraction !== undefined) this.fail("give fraction or rows, not both");
    const fixedNs = this.nonNegativeNs(opts.fixedNs, "fixedNs");
    const extraNs = this.nonNegativeNs(opts.extraNs, "extraNs");
    const key = `${model.name}[${layerKey(layers)}]${shareKey(opts)}${fixedNs > 0 ? `+${fixedNs}/batch` : ""}${extraNs > 0 ? `+${extraNs}/item` : ""}@${s.name}`;
    // A cost found by its key was checked when it was made (the key spells out all it depends on).
    const known = this.costs.get(key);
    if (known !== undefined) return known;
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k]!;
      if (!(Number.isInteger(l) && l >= 0 && l < model.layerCount)) this.fail(`model '${model.name}' has no layer ${l} (layers are 0..${model.layerCount - 1})`);
    }
    const shares = this.shares(model, layers, opts);
    const list = Int32Array.from(layers);
    let macs = 0;
    for (let k = 0; k < list.length; k++) macs += (typeof shares === "number" ? shares : shares[k]!) * model.macs[list[k]!]!;
    const byBatch = new Float64Array(s.maxBatch + 1); // 0 = not computed yet
    // Layers the slab table measures on this device are timed by it; the rest by the roofline.
    const split = this.splitMeasured(model, list, shares, s.device.name, opts);
    const compute = (batch: number): Time => {
      let t = fixedNs + extraNs * batch;
      if (split === null) t += list.length > 0 ? computeTimeNs(model, list, s.device, batch, s.precision, shares) : 0;
      else {
        t += Math.max(0, Math.ceil(batch * split.ms * 1e6 * (1 - 1e-12)));
        if (split.rest.length > 0) t += computeTimeNs(model, split.rest, s.device, batch, s.precision, split.restShares);
      }
      if (batch < byBatch.length) byBatch[batch] = t;
      return t;
    };
    const cost: ComputeCost = {
      key,
      macs,
      // Whole layers: a share (fraction, rows) of a layer is counted as all of it, an upper bound.
      memory: memoryNeed(model, list, s.precision),
      // Called at every batch start: a cache read, small enough to inline; the rare miss is apart.
      ns(batch: number): Time {
        const t = batch < byBatch.length ? byBatch[batch]! : 0;
        return t !== 0 ? t : compute(batch);
      },
    };
    this.costs.set(key, cost);
    return cost;
  }

  /**
   * The layers the slab table measures on this device (whole layers count as all their rows; a
   * `fraction` share is not a row count, so it is never looked up), their ms at batch 1, and the
   * other layers with their shares; null when the table measures none of them.
   */
  private splitMeasured(
    model: Model, layers: Int32Array, shares: number | Float64Array, device: string, opts: CostOptions,
  ): { ms: number; rest: number[]; restShares: number[] } | null {
    if (this.slabs === null || opts.fraction !== undefined) return null;
    let ms = 0;
    let found = false;
    const rest: number[] = [];
    const restShares: number[] = [];
    for (let k = 0; k < layers.length; k++) {
      const shape = model.spec.layers[layers[k]!]!.outputShape;
      const height = shape !== null && shape.length >= 3 ? shape[shape.length - 2]! : 1;
      const t = this.slabs.ms(model.name, model.names[layers[k]!]!, device, opts.rows?.[k] ?? height);
      if (t === null) {
        rest.push(layers[k]!);
        restShares.push(typeof shares === "number" ? shares : shares[k]!);
      } else {
        ms += t;
        found = true;
      }
    }
    return found ? { ms, rest, restShares } : null;
  }

  /** The share of each layer's roofline part: 1, one fraction, or rows over each layer's output height. */
  private shares(model: Model, layers: ArrayLike<number>, opts: CostOptions): number | Float64Array {
    if (opts.fraction !== undefined) {
      if (!(opts.fraction > 0 && opts.fraction <= 1)) this.fail(`fraction must be in (0, 1], got ${opts.fraction}`);
      return opts.fraction;
    }
    const rows = opts.rows;
    if (rows === undefined) return 1;
    if (rows.length !== layers.length) this.fail(`rows has ${rows.length} entries for ${layers.length} layers`);
    const out = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const layer = layers[k]!;
      const shape = model.spec.layers[layer]!.outputShape;
      const name = model.names[layer]!;
      if (shape === null) this.fail(`rows: layer '${name}' has no output shape in its model, so it has no rows`);
      // C×H×W: rows run along H; a vector output is one row.
      const height = shape.length >= 3 ? shape[shape.length - 2]! : 1;
      const r = rows[k]!;
      if (!(r > 0 && r <= height)) this.fail(`rows[${k}] = ${r} for layer '${name}', which has ${height} output row${height === 1 ? "" : "s"}`);
      out[k] = r / height;
    }
    return out;
  }

  private nonNegativeNs(v: number | undefined, what: string): number {
    if (v === undefined) return 0;
    if (!(Number.isInteger(v) && v >= 0)) this.fail(`${what} must be a whole number of ns >= 0, got ${v}`);
    return v;
  }

  private fail(message: string): never {
    throw new SplitsimError(`${this.schedulerName}: computeCost: ${message}`);
  }
}

/** The work share in a cost's key; "x1" for whole layers (the key a plain cost always had). */
function shareKey(opts: CostOptions): string {
  if (opts.rows !== undefined) return `r${Array.from(opts.rows).join(",")}`;
  return `x${opts.fraction ?? 1}`;
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
