// What a spatial partitioner (halp, rfs, modnn) works out once per run: its nodes (host first, each
// secondary linked to the host both ways), the model's conv chain (the longest run of layers from
// the input that each read the one before and keep a C×H×W output) and its head, every node's
// per-layer times, and the blocks' back-projection tables (cached: they do not depend on the rates).
import { OptionsError } from "../../errors.js";
import { RAW_INPUT, type Model } from "../../workload/model.js";
import type { SchedulerContext } from "../scheduler.js";
import type { LinkCost, NodeCosts } from "./spatial-cost.js";
import { blockRows, type BlockRows } from "./spatial-rows.js";
import type { SpatialNodes } from "./spatial-plan.js";

/**
 * Host first, then the secondaries: `names` when given, else the task's origin and every node
 * joined to it by links both ways (station order). Errors name the node that cannot take part.
 */
export function spatialNodes(ctx: SchedulerContext, scheduler: string, origin: number, names: readonly string[] | undefined): SpatialNodes {
  const t = ctx.topology;
  const stations: number[] = [];
  if (names !== undefined) {
    if (names.length === 0) throw new OptionsError(scheduler, [{ path: "devices", message: "name at least the host" }]);
    names.forEach((name, k) => {
      const s = t.stationIndex(name);
      if (s < 0) throw new OptionsError(scheduler, [{ path: `devices.${k}`, message: `'${name}' is not a node of the scenario` }]);
      if (stations.includes(s)) throw new OptionsError(scheduler, [{ path: `devices.${k}`, message: `'${name}' is listed twice` }]);
      stations.push(s);
    });
  } else {
    stations.push(origin);
    for (const s of t.stations) if (s.index !== origin && t.linkBetween(origin, s.index) >= 0 && t.linkBetween(s.index, origin) >= 0) stations.push(s.index);
  }
  const host = stations[0]!;
  const out = [-1];
  const back = [-1];
  for (let k = 1; k < stations.length; k++) {
    const s = stations[k]!;
    const o = t.linkBetween(host, s);
    const b = t.linkBetween(s, host);
    const name = t.stations[s]!.name;
    if (o < 0 || b < 0)
      throw new OptionsError(scheduler, [{ path: `devices.${k}`, message: `'${name}' needs links both ways with the host '${t.stations[host]!.name}' (${o < 0 ? "none to it" : "none back"})` }]);
    out.push(o);
    back.push(b);
  }
  return { stations, out, back };
}

/** The conv chain [0, end] at the model's start and the head after it. */
export function convChain(model: Model, scheduler: string): { end: number; head: number[] } {
  let end = -1;
  for (let i = 0; i < model.layerCount; i++) {
    const reads = model.inputs[i]!;
    const shape = model.spec.layers[i]!.outputShape;
    const chained = reads.length === 1 && reads[0] === (i === 0 ? RAW_INPUT : i - 1);
    if (!chained || shape === null || shape.length !== 3) break;
    const inShape = i === 0 ? model.spec.input.shape : model.spec.layers[i - 1]!.outputShape;
    if (model.geometry[i] === undefined && inShape?.[1] !== shape[1])
      throw new OptionsError(scheduler, [{ path: "model", message: `layer '${model.names[i]}' of ${model.name} changes the height but has no conv geometry (kernel, stride, padding), so its rows cannot be split` }]);
    end = i;
  }
  if (end < 0) throw new OptionsError(scheduler, [{ path: "model", message: `${model.name} does not start with a chain of conv layers with C×H×W outputs: nothing to split into rows` }]);
  const head: number[] = [];
  for (let i = end + 1; i < model.layerCount; i++) head.push(i);
  return { end, head };
}

/**
 * Slab times at batch 1 on `station`, asked of the run's compute costs (so a slab table, when the
 * scenario has one, is what the planner sees) and kept per (layer, rows) once asked.
 */
export function nodeCosts(ctx: SchedulerContext, model: Model, station: number): NodeCosts {
  const memo: Float64Array[] = [];
  return {
    slab(layer: number, rows: number): number {
      const shape = model.spec.layers[layer]!.outputShape!;
      const height = shape.length >= 3 ? shape[shape.length - 2]! : 1;
      const times = (memo[layer] ??= new Float64Array(height + 1));
      if (times[rows] === 0) times[rows] = ctx.computeCost(station, model, [layer], rows === height ? {} : { rows: [rows] }).ns(1);
      return times[rows]!;
    },
  };
}

/** A link as the planner sees it now (estimated bandwidth), in group `group` (its medium). */
export function linkCost(ctx: SchedulerContext, link: number, group: number): LinkCost {
  return { bytesPerSec: ctx.bandwidthBps(link), latencyNs: ctx.topology.links[link]!.latencyNs, group };
}

/** Bytes per row of the tensor entering chain layer `lo` (the raw image goes as uint8) and leaving `hi`. */
export function rowBytes(model: Model, block: BlockRows): { inRowBytes: number; outRowBytes: number } {
  const H = block.heights;
  const inElements = block.lo === 0 ? model.inputElements : model.outputElements[block.lo - 1]!;
  return {
    inRowBytes: (inElements / H[0]!) * (block.lo === 0 ? 1 : 4),
    outRowBytes: (model.outputElements[block.hi]! / H[H.length - 1]!) * 4,
  };
}

/** Back-projection tables of blocks [i, j] of a chain, built on first use. */
export class BlockTables {
  private readonly tables: Array<BlockRows | undefined> = [];
  constructor(private readonly model: Model, private readonly n: number) {}

  get(i: number, j: number): BlockRows {
    const k = i * this.n + j;
    return (this.tables[k] ??= blockRows(this.model, i, j));
  }
}
