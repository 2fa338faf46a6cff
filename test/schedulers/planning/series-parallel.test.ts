// Series-parallel decomposition on hand-drawn DAGs (each expected tree written from its drawing),
// and on random DAGs against a brute-force articulation test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articulationLayers, seriesParallel, type Block, type Series } from "../../../src/schedulers/planning/series-parallel.js";
import type { Model } from "../../../src/workload/model.js";
import { dag, layer, sixLayers } from "./hand-dags.js";

const L = (i: number): Block => ({ kind: "layer", layer: i, layers: [i] });

describe("seriesParallel on hand-drawn DAGs", () => {
  it("a chain is a series of single layers, each an articulation layer", () => {
    const chain = dag("chain", 4, [layer("a", ["input"], 3), layer("b", ["a"], 2), layer("c", ["b"], 1)]);
    expect(seriesParallel(chain)).toEqual([L(0), L(1), L(2)]);
    expect(articulationLayers(chain)).toEqual([0, 1, 2]);
  });

  it("the six-layer DAG forks at the raw input, and its trunk branch forks again at stem", () => {
    // Drawing in hand-dags.ts. Pieces between the raw input and head: {stem, left, right, join}
    // and {side}; inside the first, stem and join are articulation layers around {left | right}.
    expect(seriesParallel(sixLayers())).toEqual([
      {
        kind: "parallel", fork: -1, join: 5, layers: [0, 1, 2, 3, 4],
        branches: [
          [L(0), { kind: "parallel", fork: 0, join: 3, layers: [1, 2], branches: [[L(1)], [L(2)]] }, L(3)],
          [L(4)],
        ],
      },
      L(5),
    ]);
    expect(articulationLayers(sixLayers())).toEqual([5]);
  });

  it("an identity skip is an empty branch after the conv path", () => {
    //   a ─► b ─► add ─► d
    //   └─────────┘
    const res = dag("res", 4, [layer("a", ["input"], 4), layer("b", ["a"], 4), layer("add", ["b", "a"], 4), layer("d", ["add"], 1)]);
    expect(seriesParallel(res)).toEqual([
      L(0), { kind: "parallel", fork: 0, join: 2, layers: [1], branches: [[L(1)], []] }, L(2), L(3),
    ]);
  });

  it("a bridge (p→a, p→b, a→b, a→q, b→q) is not series-parallel: one super-block between p and q", () => {
    //   p ──► a ──► q     a prefix cut after a sends p and a, after b sends a and b: no
    //   │     │     ▲     single-tensor cut inside, and a and b are one connected piece,
    //   │     ▼     │     so it is neither a series nor a fork–join
    //   └───► b ────┘
    const bridge = dag("bridge", 4, [
      layer("p", ["input"], 4), layer("a", ["p"], 4), layer("b", ["p", "a"], 4), layer("q", ["a", "b"], 4),
    ]);
    expect(seriesParallel(bridge)).toEqual([L(0), { kind: "super", fork: 0, join: 3, layers: [1, 2] }, L(3)]);
    expect(articulationLayers(bridge)).toEqual([0, 3]);
  });

  it("branches that end at two model outputs form a region with no join layer", () => {
    const heads = dag("heads", 4, [layer("a", ["input"], 4), layer("h1", ["a"], 2), layer("h2", ["a"], 2)]);
    expect(seriesParallel(heads)).toEqual([
      L(0), { kind: "parallel", fork: 0, join: null, layers: [1, 2], branches: [[L(1)], [L(2)]] },
    ]);
  });
});

// Layer i reads 1-3 of {raw input, layers < i}; some layers end up unread (extra model outputs).
const dagArb = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 14 });
const build = (picks: number[][]): Model =>
  dag("rnd", 5, picks.map((p, i) => layer(`l${i}`, [...new Set(p.map((x) => x % (i + 1)))].map((j) => (j === i ? "input" : `l${j}`)), 1)));

/** Brute force: v is an articulation iff, without v, no output (unread layer) is reachable from the raw input. */
function bruteArticulation(m: Model): number[] {
  return Array.from({ length: m.layerCount }, (_, v) => v).filter((v) => {
    const seen = new Set<number>();
    const stack = Array.from(m.inputConsumers).filter((i) => i !== v);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      if (m.consumers[i]!.length === 0) return false;
      for (const c of m.consumers[i]!) if (c !== v) stack.push(c);
    }
    return true;
  });
}

const allLayers = (s: Series): number[] => s.flatMap((b) => [...b.layers]);
function* parallelBlocks(s: Series): Generator<Extract<Block, { kind: "parallel" }>> {
  for (const b of s) {
    if (b.kind !== "parallel") continue;
    yield b;
    for (const branch of b.branches) yield* parallelBlocks(branch);
  }
}

describe("seriesParallel on random DAGs", () => {
  const OPTS = { seed: 7, numRuns: 300 };

  it("its articulation layers are those whose removal cuts the raw input off from every output", () => {
    fc.assert(fc.property(dagArb, (picks) => {
      const m = build(picks);
      expect(articulationLayers(m)).toEqual(bruteArticulation(m));
    }), OPTS);
  });

  it("the top-level series lists every layer once, in layer order", () => {
    fc.assert(fc.property(dagArb, (picks) => {
      const m = build(picks);
      expect(allLayers(seriesParallel(m))).toEqual(Array.from({ length: m.layerCount }, (_, i) => i));
    }), OPTS);
  });

  it("a parallel region's branches split its layers between them, at least two branches", () => {
    fc.assert(fc.property(dagArb, (picks) => {
      for (const region of parallelBlocks(seriesParallel(build(picks)))) {
        expect(region.branches.length).toBeGreaterThanOrEqual(2);
        expect(region.branches.flatMap(allLayers).sort((a, b) => a - b)).toEqual(region.layers);
      }
    }), OPTS);
  });

  it("cutting right after an articulation layer sends exactly its output (nothing after the last)", () => {
    fc.assert(fc.property(dagArb, (picks) => {
      const m = build(picks);
      for (const v of articulationLayers(m))
        expect(Array.from(m.prefixCuts()[v + 1]!.boundary)).toEqual(m.consumers[v]!.length > 0 ? [v] : []);
    }), OPTS);
  });
});
