// Properties of enumerateClosedSets on random small DAGs, checked against brute force over all
// 2^L subsets (L ≤ 10) with a fixed fast-check seed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enumerateClosedSets } from "../../../src/schedulers/planning/cut-sets.js";
import type { Model } from "../../../src/workload/model.js";
import { dag, layer, maskOf } from "./hand-dags.js";

// Layer i reads 1-3 of {raw input, layers < i} (a pick p means p mod (i + 1), i standing for the input).
const dagArb = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 });
const build = (picks: number[][]): Model =>
  dag("rnd", 7, picks.map((p, i) => layer(`l${i}`, [...new Set(p.map((x) => x % (i + 1)))].map((j) => (j === i ? "input" : `l${j}`)), i + 1)));

const value = (mask: Uint8Array): number => mask.reduce((v, bit, i) => v + (bit ? 2 ** i : 0), 0);
const subsets = (L: number): Uint8Array[] =>
  Array.from({ length: 2 ** L }, (_, v) => Uint8Array.from({ length: L }, (_, i) => (v >> i) & 1));
const closed = (m: Model, mask: Uint8Array): boolean =>
  mask.every((up, i) => !up || m.inputs[i]!.every((j) => j < 0 || mask[j] === 1));
const OPTS = { seed: 20240611, numRuns: 200 };

describe("closed sets of random DAGs", () => {
  it("are closed, as many as brute force finds over all 2^L subsets, and the same sets in ascending mask order", () => {
    fc.assert(
      fc.property(dagArb, (picks) => {
        const m = build(picks);
        const expected = subsets(m.layerCount).filter((s) => closed(m, s)).map(value);
        const sets = enumerateClosedSets(m, { limit: 1024 });
        expect(sets).toHaveLength(expected.length);
        for (const s of sets) expect(m.isPredecessorClosed(s.upstream)).toBe(true);
        expect(sets.map((s) => value(s.upstream))).toEqual(expected);
      }),
      OPTS,
    );
  });

  it("carry the boundary that model.boundaryOf gives for their mask", () => {
    fc.assert(
      fc.property(dagArb, (picks) => {
        const m = build(picks);
        for (const s of enumerateClosedSets(m, { limit: 1024 })) expect(s.boundary).toEqual(m.boundaryOf(s.upstream));
      }),
      OPTS,
    );
  });

  it("restricted to free layers above a fixed closed set, are the brute-force sets between the two", () => {
    const arb = dagArb.chain((picks) =>
      fc.tuple(fc.constant(picks), fc.array(fc.constantFrom(0, 1, 2), { minLength: picks.length, maxLength: picks.length })));
    fc.assert(
      fc.property(arb, ([picks, role]) => {
        const m = build(picks);
        // role 1 = try to fix upstream (closed under inputs), 2 = free, 0 = fixed downstream.
        const fixed = maskOf(m.layerCount, role.flatMap((r, i) => (r === 1 ? [i] : [])));
        for (let i = m.layerCount - 1; i >= 0; i--) if (fixed[i]) for (const j of m.inputs[i]!) if (j >= 0) fixed[j] = 1;
        const free = role.flatMap((r, i) => (r === 2 ? [i] : []));
        const between = (s: Uint8Array): boolean => s.every((up, i) => (fixed[i] ? up === 1 : !up || free.includes(i)));
        const expected = subsets(m.layerCount).filter((s) => closed(m, s) && between(s)).map(value);
        const sets = enumerateClosedSets(m, { upstream: fixed, free, limit: 1024 });
        expect(sets.map((s) => value(s.upstream))).toEqual(expected);
      }),
      OPTS,
    );
  });
});
