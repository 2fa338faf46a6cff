// The fork–join regions of a model as a branch-parallel planner sees them (coach-decc.md §2.3.1–2):
// for each top-level parallel block, the trunk before it, the tail after it, and per branch every
// way to split the branch between the device and the target (its predecessor-closed subsets, so a
// nested region inside a branch is split too). Pure in the model: costs are added by the caller.
import { RAW_INPUT, type Model } from "../../workload/model.js";
import { enumerateClosedSets } from "./cut-sets.js";
import { range } from "./split-plan.js";
import { seriesParallel, type Block, type Series } from "./series-parallel.js";

/** One way to split one branch: its device layers, target layers and the tensors it sends. */
export interface BranchOption {
  /** Branch layers on the device, ascending (empty: the whole branch on the target). */
  readonly device: Int32Array;
  /** Branch layers on the target, ascending. */
  readonly cloud: Int32Array;
  /** Outputs of `device` layers read by a target layer (of this branch or the tail), ascending. */
  readonly tensors: Int32Array;
  /** Whether a target layer of this branch reads the fork tensor. */
  readonly readsFork: boolean;
}

export interface ForkJoinRegion {
  /** The layer whose output the branches read, or RAW_INPUT. */
  readonly fork: number;
  readonly join: number;
  /** Layers before the region, the fork included (0..fork), all on the device. */
  readonly trunk: Int32Array;
  /** The join and every later layer, all on the target. */
  readonly tail: Int32Array;
  /** Non-empty branches in the model's order, each with its options (all-target first, all-device last). */
  readonly branches: readonly (readonly BranchOption[])[];
  /** Whether the join reads the fork tensor directly (an identity shortcut, an empty branch). */
  readonly forkReadByTail: boolean;
  /** "fork→join", by layer names, for reports. */
  readonly label: string;
}

/** Default cap on the cut vectors of one region (the product of its branches' option counts). */
export const DEFAULT_VECTOR_LIMIT = 20000;

/**
 * The model's top-level fork–join regions, in order. Regions whose branches end at the model's
 * outputs (no join) are left out: there is no tail to gather them. Super-blocks (regions that are
 * not series-parallel) are left out too; `skipped` counts both kinds.
 */
export function forkJoinRegions(model: Model, vectorLimit = DEFAULT_VECTOR_LIMIT, coarse = false): { regions: ForkJoinRegion[]; skipped: number } {
  const regions: ForkJoinRegion[] = [];
  let skipped = 0;
  for (const block of seriesParallel(model)) {
    if (block.kind === "layer") continue;
    if (block.kind === "super" || block.join === null) {
      skipped++;
      continue;
    }
    const region = buildRegion(model, block.fork, block.join, block.branches, vectorLimit, coarse);
    if (region === null) skipped++;
    else regions.push(region);
  }
  return { regions, skipped };
}

/**
 * `coarse`: a branch is cut only between the blocks of its series, so a region nested in it goes
 * to one side whole; otherwise (fine) at any predecessor-closed subset of its layers.
 */
function buildRegion(model: Model, fork: number, join: number, branches: readonly Series[], vectorLimit: number, coarse: boolean): ForkJoinRegion | null {
  const L = model.layerCount;
  const trunkMask = new Uint8Array(L);
  for (let i = 0; i <= fork; i++) trunkMask[i] = 1;
  const options: BranchOption[][] = [];
  let forkReadByTail = false;
  let vectors = 1;
  for (const branch of branches) {
    const layers = branch.flatMap(layersOf);
    if (layers.length === 0) {
      forkReadByTail = true;
      continue;
    }
    const masks = coarse ? seriesPrefixes(branch, trunkMask) : enumerateClosedSets(model, { free: layers, upstream: trunkMask, limit: vectorLimit }).map((s) => s.upstream);
    options.push(masks.map((m) => branchOption(model, fork, layers, m)));
    vectors *= masks.length;
    // A region too wide to search branch by branch is still cut at its fork or join as a trunk.
    if (vectors > vectorLimit) return null;
  }
  const name = (i: number): string => (i === RAW_INPUT ? "input" : model.names[i]!);
  return {
    fork,
    join,
    trunk: range(0, fork + 1),
    tail: range(join, L),
    branches: options,
    forkReadByTail,
    label: `${name(fork)}→${name(join)}`,
  };
}

/** The trunk plus the first j blocks of the branch, for j = 0..blocks: prefixes of a series are closed. */
function seriesPrefixes(branch: Series, trunkMask: Uint8Array): Uint8Array[] {
  const out = [Uint8Array.from(trunkMask)];
  for (const b of branch) {
    const next = Uint8Array.from(out[out.length - 1]!);
    for (const v of b.layers) next[v] = 1;
    out.push(next);
  }
  return out;
}

function layersOf(b: Block): number[] {
  return Array.from(b.layers);
}

function branchOption(model: Model, fork: number, layers: readonly number[], upstream: Uint8Array): BranchOption {
  const device: number[] = [];
  const cloud: number[] = [];
  for (const v of layers) (upstream[v] ? device : cloud).push(v);
  // Consumers outside the branch are the join and later layers, all on the target: sent too.
  const tensors = device.filter((v) => model.consumers[v]!.some((c) => !upstream[c]));
  const readsFork = cloud.some((v) => readsTensor(model, v, fork));
  return { device: Int32Array.from(device), cloud: Int32Array.from(cloud), tensors: Int32Array.from(tensors), readsFork };
}

/**
 * Calls `visit` with every cut vector of the region (an option index per branch), in odometer order
 * with the last branch fastest: all-target first. The array is reused: copy it to keep it.
 */
export function forEachCutVector(region: ForkJoinRegion, visit: (choice: number[]) => void): void {
  const B = region.branches.length;
  const choice = new Array<number>(B).fill(0);
  for (;;) {
    visit(choice);
    let b = B - 1;
    while (b >= 0 && ++choice[b]! === region.branches[b]!.length) choice[b--] = 0;
    if (b < 0) return;
  }
}

/** Whether layer v reads tensor t (RAW_INPUT: the raw input, also read by a layer with no inputs). */
export function readsTensor(model: Model, v: number, t: number): boolean {
  const inputs = model.inputs[v]!;
  if (t === RAW_INPUT && inputs.length === 0) return true;
  return inputs.includes(t);
}
