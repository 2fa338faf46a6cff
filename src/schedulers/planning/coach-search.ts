// COACH's offline search (coach-decc.md §1.4, reconstructed): a plan is a predecessor-closed device
// set with bits per boundary tensor (the fewest within the accuracy budget). `dc` bisects the
// articulation cuts on the device/target balance, evaluates a window around it (moving deeper past
// link-bound cuts), then tries per-branch cuts inside the fork–join regions next to the best cut
// (coordinate descent over the branches); `exact` enumerates every articulation cut and every cut
// vector of every region. Plans are compared by bottleneck, then bubble, then latency (or a
// weighted sum).
import { RAW_INPUT, type Model } from "../../workload/model.js";
import type { SchedulerContext } from "../scheduler.js";
import { coachStages, type CoachCosts, type Stages } from "./coach-stages.js";
import { forEachCutVector, forkJoinRegions, type ForkJoinRegion } from "./fork-join-regions.js";
import { maskCut } from "./mask-cut.js";
import type { SplitRoute } from "./route.js";
import { articulationLayers } from "./series-parallel.js";
import { range } from "./split-plan.js";
import { allocateBits, type LossCombine } from "./tensor-bits.js";

export interface CoachSearchSettings {
  search: "dc" | "exact";
  objective: "lexicographic" | "weighted";
  /** α of the weighted objective T_max + α·ΣT_s. */
  weight: number;
  /** Stages whose idle time is the bubble: device, uplink, target (all) or device and target. */
  bubbleStages: "all" | "compute";
  budgetPct: number;
  combine: LossCombine;
  /** Articulation cuts either side of the balance point (dc). */
  window: number;
  /** Bit levels allowed, ascending (default: every wire level). */
  levels?: readonly number[];
}

export interface CoachPlanChoice {
  device: Int32Array;
  cloud: Int32Array;
  tensors: Int32Array;
  bits: number[];
  lossPct: number;
  withinBudget: boolean;
  stages: Stages;
  label: string;
  /** How many plans the search evaluated. */
  evaluated: number;
}

/** Scores a plan; lower is better, compared element by element. */
export function planScore(st: Stages, s: CoachSearchSettings): number[] {
  const all = [st.device, st.uplink, st.target, st.downlink];
  const max = Math.max(...all);
  const counted = s.bubbleStages === "all" ? [st.device, st.uplink, st.target] : [st.device, st.target];
  const bubble = counted.reduce((b, x) => b + (max - x), 0);
  if (s.objective === "weighted") return [max + s.weight * (st.device + st.uplink + st.target + st.downlink)];
  return [max, bubble, st.latency];
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export function coachSearch(ctx: SchedulerContext, model: Model, route: SplitRoute, costs: CoachCosts, s: CoachSearchSettings): CoachPlanChoice {
  const L = model.layerCount;
  const loss = (t: number, b: number): number => (t === RAW_INPUT ? 0 : ctx.accuracyLossPct(model, model.names[t]!, b));
  let best: { choice: CoachPlanChoice; score: number[] } | null = null;
  let evaluated = 0;
  const evaluate = (mask: Uint8Array): { choice: CoachPlanChoice; score: number[] } => {
    evaluated++;
    const cut = maskCut(model, mask);
    const device: number[] = [];
    const cloud: number[] = [];
    for (let v = 0; v < L; v++) (mask[v] ? device : cloud).push(v);
    const tensors = cloud.length === 0 ? [] : Array.from(cut.boundary);
    const elements = tensors.map((t) => (t === RAW_INPUT ? model.inputElements : model.outputElements[t]!));
    const b = allocateBits(tensors, elements, loss, s.budgetPct, s.combine, s.levels);
    const stages = coachStages(ctx, model, route, Int32Array.from(device), Int32Array.from(cloud), Int32Array.from(tensors), b.bits, costs);
    const choice = { device: Int32Array.from(device), cloud: Int32Array.from(cloud), tensors: Int32Array.from(tensors), bits: b.bits, lossPct: b.loss, withinBudget: b.withinBudget, stages, label: cut.label, evaluated: 0 };
    const scored = { choice, score: planScore(stages, s) };
    // A plan over the budget loses to every plan within it (32 bits everywhere may still be over).
    if (best === null || (scored.choice.withinBudget && !best.choice.withinBudget) || (scored.choice.withinBudget === best.choice.withinBudget && better(scored.score, best.score))) best = scored;
    return scored;
  };
  const prefix = (k: number): Uint8Array => Uint8Array.from({ length: L }, (_, v) => (v < k ? 1 : 0));
  const ks = route.uplink < 0 ? [L] : [...new Set([0, ...articulationLayers(model).map((a) => a + 1), L])];
  const { regions } = route.uplink < 0 ? { regions: [] } : forkJoinRegions(model);
  if (s.search === "exact") {
    for (const k of ks) evaluate(prefix(k));
    for (const r of regions) forEachCutVector(r, (choice) => evaluate(regionMask(r, choice)));
  } else {
    const bestK = searchSeries(ctx, model, route, ks, s.window, (k) => evaluate(prefix(k)));
    // Regions that start or end at the best cut: split them branch by branch.
    for (const r of regions) if (r.fork + 1 === bestK || r.join + 1 === bestK) descend(r, evaluate);
  }
  return { ...best!.choice, evaluated };
}

/** Bisection on the device/target balance over the articulation cuts, then a window; returns the best k. */
function searchSeries(
  ctx: SchedulerContext, model: Model, route: SplitRoute, ks: readonly number[], w: number,
  evaluate: (k: number) => { choice: CoachPlanChoice; score: number[] },
): number {
  const L = model.layerCount;
  const dev = (k: number): number => (k > 0 ? ctx.computeCost(route.origin, model, range(0, k)).ns(1) : 0);
  const tgt = (k: number): number => (k < L && route.target >= 0 ? ctx.computeCost(route.target, model, range(k, L)).ns(1) : 0);
  // T_E grows and T_C shrinks along the cuts: the first cut where the device is at least as slow.
  let lo = 0;
  let hi = ks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dev(ks[mid]!) >= tgt(ks[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  const linkBound = new Map<number, boolean>();
  let bestK = ks[ks.length - 1]!;
  let bestScore: number[] | null = null;
  const visit = (i: number): void => {
    if (i < 0 || i >= ks.length || linkBound.has(i)) return;
    const r = evaluate(ks[i]!);
    if (r.choice.withinBudget && (bestScore === null || better(r.score, bestScore))) [bestK, bestScore] = [ks[i]!, r.score];
    const st = r.choice.stages;
    linkBound.set(i, st.uplink > Math.max(st.device, st.target)); // more bits cannot fix that
  };
  visit(0);
  visit(ks.length - 1);
  for (let i = lo - w; i <= lo + w; i++) visit(i);
  // While the deepest cut tried is link-bound, move deeper: deeper tensors are usually smaller.
  for (let i = Math.min(lo + w, ks.length - 1); i < ks.length - 1 && linkBound.get(i) === true; i++) visit(i + 1);
  return bestK;
}

/** Coordinate descent over a region's branches: each branch in turn takes its best option, twice over. */
function descend(r: ForkJoinRegion, evaluate: (mask: Uint8Array) => { score: number[]; choice: CoachPlanChoice }): void {
  // Start with every branch at its middle option (between all-target and all-device).
  const choice = r.branches.map((b) => b.length >> 1);
  let current = evaluate(regionMask(r, choice));
  for (let round = 0; round < 2; round++) {
    for (let b = 0; b < r.branches.length; b++) {
      for (let o = 0; o < r.branches[b]!.length; o++) {
        if (o === choice[b]) continue;
        const trial = choice.slice();
        trial[b] = o;
        const t = evaluate(regionMask(r, trial));
        if (t.choice.withinBudget && better(t.score, current.score)) [choice[b], current] = [o, t];
      }
    }
  }
}

function regionMask(r: ForkJoinRegion, choice: readonly number[]): Uint8Array {
  const mask = new Uint8Array(r.tail[r.tail.length - 1]! + 1); // the tail ends with the model's last layer
  for (const v of r.trunk) mask[v] = 1;
  r.branches.forEach((b, i) => {
    for (const v of b[choice[i]!]!.device) mask[v] = 1;
  });
  return mask;
}
