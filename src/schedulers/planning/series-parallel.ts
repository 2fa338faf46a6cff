// Series-parallel (fork–join) decomposition of a layer DAG (coach-decc.md §1.4.2, §2.3.1): a series
// of blocks split at articulation layers, where a block is one layer, a parallel region whose
// branches are series again, or an opaque super-block where the region is not series-parallel.
import { RAW_INPUT, type Model } from "../../workload/model.js";

/** Blocks in execution order; the articulation layers are its "layer" blocks. */
export type Series = readonly Block[];
export type Block = LayerBlock | ParallelBlock | SuperBlock;

export interface LayerBlock {
  kind: "layer";
  layer: number;
  /** [layer], so that every block lists its layers the same way. */
  layers: readonly number[];
}

/** Branches between a fork and a join; each branch is a series, decomposed again. */
export interface ParallelBlock {
  kind: "parallel";
  /** The layer whose output the branches read, or RAW_INPUT (-1). */
  fork: number;
  /** The layer that reads the branches, or null where they end at the model's outputs. */
  join: number | null;
  /** Layers strictly between fork and join, ascending. */
  layers: readonly number[];
  /**
   * One series per weakly connected piece between fork and join, ordered by first layer; then an
   * empty series if the join also reads the fork directly (an identity skip). A nested region
   * inside a branch may share this region's join (Inception-v3's 7b/7c end in the outer concat).
   */
  branches: readonly Series[];
}

/** A region between consecutive articulation layers that is not series-parallel: cut it as a whole. */
export interface SuperBlock {
  kind: "super";
  fork: number;
  join: number | null;
  layers: readonly number[];
}

/**
 * The model as a series of blocks. Paths run from the raw input to the model's outputs (layers
 * nobody reads; a virtual sink joins them), and a layer with no inputs is read from the raw input.
 *
 * A region between consecutive articulation layers p and q is split into the weakly connected
 * pieces of its layers (plus the direct edge p→q, if any). Two or more pieces: a parallel region.
 * One piece: it has no articulation layer of its own (else p, q would not be consecutive) and no
 * second branch, so it is neither a series nor a parallel composition, e.g. the bridge
 * p→a, p→b, a→b, a→q, b→q: a super-block (coach-decc.md §1.4.2 step 4).
 */
export function seriesParallel(model: Model): Series {
  const g = terminalGraph(model);
  return series(g, RAW_INPUT, g.sink, Array.from({ length: model.layerCount }, (_, i) => i));
}

/**
 * Layers every path from the raw input to the outputs passes through, ascending: cutting right
 * after one (every earlier layer upstream) sends exactly its output.
 */
export function articulationLayers(model: Model): number[] {
  return seriesParallel(model).flatMap((b) => (b.kind === "layer" ? [b.layer] : []));
}

/** Successors with virtual terminals: -1 is the raw input, `sink` (= layer count) the outputs. */
interface TerminalGraph {
  sink: number;
  succ(u: number): readonly number[];
  /** Inputs and consumers of a layer: the undirected edges, for weakly connected pieces. */
  neighbours(i: number): Iterable<number>;
}

function terminalGraph(model: Model): TerminalGraph {
  const L = model.layerCount;
  const fromInput = [...model.inputConsumers];
  for (let i = 0; i < L; i++) if (model.inputs[i]!.length === 0) fromInput.push(i);
  fromInput.sort((a, b) => a - b);
  const succ = model.consumers.map((c) => (c.length === 0 ? [L] : Array.from(c)));
  return {
    sink: L,
    succ: (u) => (u === RAW_INPUT ? fromInput : (succ[u] ?? [])),
    neighbours: (i) => [...model.inputs[i]!, ...model.consumers[i]!],
  };
}

/**
 * The series from s to t over the layers S (ascending), every one on an s→t path inside S. Layer
 * v in S is an articulation iff no edge u→w with u < v < w jumps over it (layer order is
 * topological). The edge s→t itself is left out: it is a sibling branch one level up.
 */
function series(g: TerminalGraph, s: number, t: number, S: readonly number[]): Block[] {
  const inS = new Set(S);
  const edges = (u: number): number[] => g.succ(u).filter((w) => (inS.has(w) || w === t) && !(u === s && w === t));
  const points: number[] = [];
  let reach = -Infinity; // the furthest layer an edge from an earlier node lands on
  for (const w of edges(s)) reach = Math.max(reach, w);
  for (const v of S) {
    if (reach <= v) points.push(v);
    for (const w of edges(v)) reach = Math.max(reach, w);
  }
  const blocks: Block[] = [];
  let p = s;
  let k = 0;
  for (const q of [...points, t]) {
    const inner: number[] = [];
    while (k < S.length && S[k]! < q) inner.push(S[k++]!);
    const direct = !(p === s && q === t) && g.succ(p).includes(q);
    if (inner.length > 0) blocks.push(region(g, p, q, inner, direct));
    if (q !== t) {
      blocks.push({ kind: "layer", layer: q, layers: [q] });
      k++;
    }
    p = q;
  }
  return blocks;
}

function region(g: TerminalGraph, p: number, q: number, inner: number[], direct: boolean): ParallelBlock | SuperBlock {
  const join = q === g.sink ? null : q;
  const pieces = weakPieces(g, inner);
  if (pieces.length + (direct ? 1 : 0) < 2) return { kind: "super", fork: p, join, layers: inner };
  const branches: Series[] = pieces.map((piece) => series(g, p, q, piece));
  if (direct) branches.push([]);
  return { kind: "parallel", fork: p, join, layers: inner, branches };
}

/** Weakly connected pieces of `layers` (edges among them only), each ascending, by first layer. */
function weakPieces(g: TerminalGraph, layers: readonly number[]): number[][] {
  const unseen = new Set(layers);
  const pieces: number[][] = [];
  for (const start of layers) {
    if (!unseen.delete(start)) continue;
    const piece = [start];
    for (let k = 0; k < piece.length; k++)
      for (const n of g.neighbours(piece[k]!)) if (unseen.delete(n)) piece.push(n);
    pieces.push(piece.sort((a, b) => a - b));
  }
  return pieces;
}
