// Max-flow / min-cut: three hand-solved networks, infinite capacities, and brute force over cuts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutCapacity, maxFlow, type FlowEdge, type FlowNetwork } from "../../../src/schedulers/planning/max-flow.js";

const net = (vertexCount: number, edges: Array<[number, number, number]>): FlowNetwork => ({
  vertexCount,
  edges: edges.map(([from, to, capacity]) => ({ from, to, capacity })),
});
const members = (side: Uint8Array): number[] => Array.from(side.keys()).filter((v) => side[v]);

describe("maxFlow on hand-solved networks", () => {
  it("the CLRS figure 26.1 network carries 23, cut after {s, v1, v2, v4}", () => {
    // s=0, v1..v4 = 1..4, t=5. Cut {s,v1,v2,v4} | {v3,t}: v1→v3 12 + v4→v3 7 + v4→t 4 = 23.
    // Every other cut is larger, e.g. {s} 16+13 = 29, {s,v1} 13+12 = 25, {s,v1,v2} 12+14 = 26,
    // {s,v1,v2,v3,v4} 20+4 = 24; and the flow s→v1→v3→t 12, s→v2→v4→t 4, s→v2→v4→v3→t 7 = 23.
    const g = net(6, [[0, 1, 16], [0, 2, 13], [2, 1, 4], [1, 3, 12], [3, 2, 9], [2, 4, 14], [4, 3, 7], [3, 5, 20], [4, 5, 4]]);
    const r = maxFlow(g, 0, 5);
    expect(r.value).toBe(23);
    expect(members(r.sourceSide)).toEqual([0, 1, 2, 4]);
  });

  it("with an infinite edge and two minimum cuts, the smaller source side {s} is returned", () => {
    // s=0, a=1, b=2, t=3: s→a 3, s→b 2, a→b ∞, a→t 1, b→t 4.
    // Cuts: {s} 3+2 = 5; {s,a} 2+∞+1 = ∞; {s,b} 3+4 = 7; {s,a,b} 1+4 = 5. Minimum 5, twice.
    // Flow: s→a→t 1, s→a→b→t 2, s→b→t 2 = 5, saturating both edges out of s, so only s is
    // reachable in the residual graph.
    const g = net(4, [[0, 1, 3], [0, 2, 2], [1, 2, Infinity], [1, 3, 1], [2, 3, 4]]);
    const r = maxFlow(g, 0, 3);
    expect(r.value).toBe(5);
    expect(members(r.sourceSide)).toEqual([0]);
    expect(r.flow[2]).toBe(2); // a→b carries 2 of its ∞
  });

  it("a mid-network bottleneck carries 7; an isolated vertex stays off the source side", () => {
    // s=0, a=1, b=2, c=3, d=4, t=5, isolated x=6.
    // s→a 10, s→b 10, a→b 5, a→c 3, b→d 4, c→t 10, d→t 10, d→c 6.
    // Cut {s,a,b}: a→c 3 + b→d 4 = 7. Others: {s} 20, {s,a} 10+5+3 = 18, {s,b} 10+4 = 14,
    // {s,a,b,c} 4+10 = 14, {s,a,b,d} 3+10+6 = 19, {s,a,b,c,d} 20. Flow: s→a→c→t 3, s→b→d→t 4.
    const g = net(7, [[0, 1, 10], [0, 2, 10], [1, 2, 5], [1, 3, 3], [2, 4, 4], [3, 5, 10], [4, 5, 10], [4, 3, 6]]);
    const r = maxFlow(g, 0, 5);
    expect(r.value).toBe(7);
    expect(members(r.sourceSide)).toEqual([0, 1, 2]);
  });

  it("a path of infinite edges gives Infinity, and the source side then contains t", () => {
    const r = maxFlow(net(3, [[0, 1, Infinity], [1, 2, Infinity], [0, 2, 1]]), 0, 2);
    expect(r.value).toBe(Infinity);
    expect(r.sourceSide[2]).toBe(1);
  });

  it("no path from s to t: value 0 and the source side is what s reaches", () => {
    const r = maxFlow(net(4, [[0, 1, 5], [2, 3, 5]]), 0, 3);
    expect(r.value).toBe(0);
    expect(members(r.sourceSide)).toEqual([0, 1]);
  });

  it("rejects negative or NaN capacities, vertices out of range, and s = t", () => {
    expect(() => maxFlow(net(2, [[0, 1, -1]]), 0, 1)).toThrow(/capacity -1/);
    expect(() => maxFlow(net(2, [[0, 1, Number.NaN]]), 0, 1)).toThrow(RangeError);
    expect(() => maxFlow(net(2, [[0, 2, 1]]), 0, 1)).toThrow(/leaves vertices 0..1/);
    expect(() => maxFlow(net(2, []), 1, 1)).toThrow(/distinct/);
  });
});

describe("maxFlow against brute force over every cut", () => {
  const graphArb = fc.integer({ min: 2, max: 7 }).chain((V) =>
    fc.record({
      V: fc.constant(V),
      edges: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: V - 1 }),
          to: fc.integer({ min: 0, max: V - 1 }),
          // Mostly finite integers (exact sums); now and then an uncuttable edge.
          capacity: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }),
        }),
        { maxLength: 16 },
      ),
    }),
  );

  it("the value is the smallest cut, the source side is a minimum cut inside every other one, and the flow is feasible", () => {
    fc.assert(
      fc.property(graphArb, ({ V, edges }) => {
        const g: FlowNetwork = { vertexCount: V, edges: edges as FlowEdge[] };
        const [s, t] = [0, V - 1];
        const r = maxFlow(g, s, t);
        // Every S with s ∈ S, t ∉ S, as a bit mask over the vertices.
        const cuts: Uint8Array[] = [];
        for (let bits = 0; bits < 1 << V; bits++) {
          if (!(bits & 1) || bits & (1 << t)) continue;
          cuts.push(Uint8Array.from({ length: V }, (_, v) => (bits >> v) & 1));
        }
        const best = Math.min(...cuts.map((S) => cutCapacity(g, S)));
        expect(r.value).toBe(best);
        if (best === Infinity) return;
        expect(r.sourceSide[s]).toBe(1);
        expect(r.sourceSide[t]).toBe(0);
        expect(cutCapacity(g, r.sourceSide)).toBe(best);
        for (const S of cuts) if (cutCapacity(g, S) === best) for (let v = 0; v < V; v++) if (r.sourceSide[v]) expect(S[v]).toBe(1);
        // Capacity and conservation; the net outflow of s is the value.
        const balance = new Float64Array(V);
        g.edges.forEach((e, k) => {
          expect(r.flow[k]!).toBeGreaterThanOrEqual(0);
          expect(r.flow[k]!).toBeLessThanOrEqual(e.capacity);
          balance[e.from] = balance[e.from]! + r.flow[k]!;
          balance[e.to] = balance[e.to]! - r.flow[k]!;
        });
        for (let v = 1; v < V - 1; v++) expect(balance[v]).toBe(0);
        expect(balance[s]).toBe(best);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
