// Maximum s–t flow by Dinic's algorithm on a small directed graph, and the minimum cut it proves.
// Capacities may be +∞; the answer is deterministic (arcs are tried in the order edges are given).

export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  /** ≥ 0; Infinity means the edge can never be cut. */
  readonly capacity: number;
}

/** Vertices are 0..vertexCount−1; parallel edges and edges in both directions are allowed. */
export interface FlowNetwork {
  readonly vertexCount: number;
  readonly edges: readonly FlowEdge[];
}

export interface MaxFlow {
  /** The maximum flow value = the capacity of a minimum cut; Infinity if every cut is infinite. */
  readonly value: number;
  /** flow[e]: the flow on edges[e], 0 ≤ flow ≤ capacity, conserved at every vertex but s and t. */
  readonly flow: Float64Array;
  /**
   * 1 for the vertices reachable from s in the residual graph: the source side of the minimum cut
   * with the fewest vertices (it lies inside every minimum cut's source side). Contains t, and is
   * no cut, exactly when value is Infinity.
   */
  readonly sourceSide: Uint8Array;
}

/** Residual arcs: arc 2e is edge e forward, arc 2e+1 its reverse; residual[a] is what a can still carry. */
interface Residual {
  readonly head: Int32Array;
  readonly residual: Float64Array;
  readonly out: readonly number[][];
}

function residualGraph(g: FlowNetwork): Residual {
  const E = g.edges.length;
  const head = new Int32Array(2 * E);
  const residual = new Float64Array(2 * E);
  const out: number[][] = Array.from({ length: g.vertexCount }, () => []);
  g.edges.forEach(({ from, to, capacity }, e) => {
    const inRange = (v: number): boolean => Number.isInteger(v) && v >= 0 && v < g.vertexCount;
    if (!inRange(from) || !inRange(to)) throw new RangeError(`max flow: edge ${e} (${from} → ${to}) leaves vertices 0..${g.vertexCount - 1}`);
    if (!(capacity >= 0)) throw new RangeError(`max flow: edge ${e} (${from} → ${to}) has capacity ${capacity}; need ≥ 0`);
    head[2 * e] = to;
    head[2 * e + 1] = from;
    residual[2 * e] = capacity;
    out[from]!.push(2 * e);
    out[to]!.push(2 * e + 1);
  });
  return { head, residual, out };
}

/** BFS distances from s over arcs with residual > 0 (−1 = unreachable). */
function levels(r: Residual, s: number, onlyInfinite = false): Int32Array {
  const level = new Int32Array(r.out.length).fill(-1);
  const queue = [s];
  level[s] = 0;
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const a of r.out[v]!) {
      const w = r.head[a]!;
      const open = onlyInfinite ? r.residual[a] === Infinity : r.residual[a]! > 0;
      if (open && level[w] === -1) {
        level[w] = level[v]! + 1;
        queue.push(w);
      }
    }
  }
  return level;
}

export function maxFlow(g: FlowNetwork, s: number, t: number): MaxFlow {
  const r = residualGraph(g);
  const V = g.vertexCount;
  if (!(Number.isInteger(s) && Number.isInteger(t) && s >= 0 && t >= 0 && s < V && t < V) || s === t)
    throw new RangeError(`max flow: source ${s} and sink ${t} must be distinct vertices of 0..${V - 1}`);
  const flowOf = (): Float64Array => Float64Array.from(g.edges, (_, e) => r.residual[2 * e + 1]!);

  // A path of infinite edges makes every cut infinite; pushing ∞ along it would leave ∞ − ∞ = NaN
  // residuals, so it is answered up front. Without one, every augmenting path has a finite
  // bottleneck: reverse arcs only ever hold finite flow, so no all-infinite path can appear later.
  if (levels(r, s, true)[t] !== -1) {
    const reach = levels(r, s);
    return { value: Infinity, flow: flowOf(), sourceSide: Uint8Array.from(reach, (d) => (d >= 0 ? 1 : 0)) };
  }

  let value = 0;
  for (;;) {
    const level = levels(r, s);
    if (level[t] === -1) {
      // No augmenting path: the residual-reachable set is a minimum cut's source side.
      return { value, flow: flowOf(), sourceSide: Uint8Array.from(level, (d) => (d >= 0 ? 1 : 0)) };
    }
    // Blocking flow on the level graph; next[v] is v's current arc, so dead arcs are not retried.
    const next = new Int32Array(V);
    const push = (v: number, limit: number): number => {
      if (v === t) return limit;
      const arcs = r.out[v]!;
      for (; next[v]! < arcs.length; next[v] = next[v]! + 1) {
        const a = arcs[next[v]!]!;
        const w = r.head[a]!;
        if (r.residual[a]! <= 0 || level[w] !== level[v]! + 1) continue;
        const pushed = push(w, Math.min(limit, r.residual[a]!));
        if (pushed > 0) {
          // The bottleneck arc gets exactly its own residual subtracted, so it ends at 0 exactly
          // (no float dust left to make a saturated arc look open).
          r.residual[a] = r.residual[a]! - pushed;
          r.residual[a ^ 1] = r.residual[a ^ 1]! + pushed;
          return pushed;
        }
      }
      return 0;
    };
    for (let f = push(s, Infinity); f > 0; f = push(s, Infinity)) value += f;
  }
}

/** The capacity of the cut (S, V∖S): the sum over edges from S to outside it. */
export function cutCapacity(g: FlowNetwork, sourceSide: ArrayLike<number>): number {
  let sum = 0;
  for (const { from, to, capacity } of g.edges) if (sourceSide[from] && !sourceSide[to]) sum += capacity;
  return sum;
}
