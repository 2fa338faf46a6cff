// One block of a reading-B plan (`overlap: halo`): the host computes its rows layer by layer; after
// each layer it sends every secondary the halo rows that secondary's next layer reads; a secondary
// computes a layer once its previous layer is done and that halo has arrived, and returns its own
// output rows. One compute step per layer and node, so halos can leave mid-block.
import type { Model } from "../../workload/model.js";
import type { Step } from "../../workload/plan.js";
import type { SchedulerContext } from "../scheduler.js";
import { sendOrder, slabBytes } from "./spatial-cost.js";
import type { HaloRows, LevelRowBytes } from "./spatial-halo.js";
import type { SpatialNodes } from "./spatial-plan.js";
import type { BlockRows } from "./spatial-rows.js";

/** Bytes per row at every level of `block`: the raw image as uint8, feature maps as fp32. */
export function levelRowBytes(model: Model, block: BlockRows): LevelRowBytes {
  const L = block.heights.length - 1;
  const out = new Float64Array(L + 1);
  out[0] = block.lo === 0 ? model.inputElements / block.heights[0]! : (model.outputElements[block.lo - 1]! / block.heights[0]!) * 4;
  for (let l = 1; l <= L; l++) out[l] = (model.outputElements[block.lo + l - 1]! / block.heights[l]!) * 4;
  return out;
}

/**
 * Appends the steps of one block to `steps`, all starting after `ready`; returns the steps the next
 * block waits for (the host's last layer and every return).
 */
export function haloBlockSteps(
  ctx: SchedulerContext, model: Model, nodes: SpatialNodes, block: BlockRows, h: HaloRows, steps: Step[], ready: number[],
): number[] {
  const L = block.heights.length - 1;
  const bytes = levelRowBytes(model, block);
  const push = (s: Step): number => steps.push(s) - 1;
  const layerStep = (station: number, l: number, rows: number, deps: number[]): number => {
    const whole = rows === block.heights[l];
    const cost = ctx.computeCost(station, model, [block.lo + l - 1], whole ? {} : { rows: [rows] });
    return push({ kind: "compute", station, cost, deps });
  };
  const order = sendOrder(h.own, h.outRows);
  const last = new Map<number, number[]>();
  for (const i of order) {
    const b = slabBytes(h.own[i]![0]!, bytes[0]!, ctx.headerBytes);
    // A secondary that needs no block input (its first rows lie above level 1) waits on nothing
    // here: its first compute reads a halo, whose transfer waits for the host. `ready` itself is on
    // the host, so depending on it directly would read host data without a transfer.
    last.set(i, b > 0 ? [push({ kind: "transfer", link: nodes.out[i]!, bytes: b, deps: ready })] : []);
  }
  // Host layers: each waits for the one before (or for the block's start).
  const hostAt: number[][] = [ready];
  for (let l = 1; l <= L; l++) {
    const rows = h.own[0]![l]!;
    hostAt.push(rows > 0 ? [layerStep(nodes.stations[0]!, l, rows, hostAt[l - 1]!)] : hostAt[l - 1]!);
  }
  for (let l = 1; l <= L; l++) {
    for (const i of order) {
      const deps = [...last.get(i)!];
      if (l >= 2 && h.halo[i]![l - 1]! > 0) {
        const b = slabBytes(h.halo[i]![l - 1]!, bytes[l - 1]!, ctx.headerBytes);
        deps.push(push({ kind: "transfer", link: nodes.out[i]!, bytes: b, deps: hostAt[l - 1]! }));
      }
      const rows = h.own[i]![l]!;
      last.set(i, rows > 0 ? [layerStep(nodes.stations[i]!, l, rows, [...new Set(deps)])] : [...new Set(deps)]);
    }
  }
  const next = [...hostAt[L]!];
  for (const i of order) {
    const b = slabBytes(h.outRows[i]!, bytes[L]!, ctx.headerBytes);
    if (b > 0) next.push(push({ kind: "transfer", link: nodes.back[i]!, bytes: b, deps: last.get(i)! }));
  }
  return [...new Set(next)];
}
