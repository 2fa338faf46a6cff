// Compute noise is drawn per (station, source) from its own named stream. Which rows are used, in
// what order, and whether a row is kept whole or as regenerated chunks must not change any draw.
import { describe, expect, it } from "vitest";
import { createResumableStream, createStream, resumeStream } from "../../src/core/random.js";
import { NoiseTable, type NoiseLayout } from "../../src/workload/noise-table.js";

/** The whole row by definition: n lognormal factors exp(mu + sigma·z) of stream "noise/gpu/0", cv 0.5. */
function lognormalRow(seed: number, n: number): number[] {
  const s = createStream(seed, "noise/gpu/0");
  const sigma2 = Math.log(1 + 0.25);
  return Array.from({ length: n }, () => Math.exp(-sigma2 / 2 + Math.sqrt(sigma2) * s.normal()));
}

/** A seeded permutation-ish read order: forward, backward and scattered reads. */
function readOrder(n: number, seed: number): number[] {
  const s = createStream(seed, "order");
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  for (let i = n - 1; i >= 0; i--) order.push(i);
  for (let i = 0; i < 3 * n; i++) order.push(Math.floor(s.next() * n));
  return order;
}

describe("NoiseTable", () => {
  it("gives each (station, source) the draws of its own named stream, whatever the access order", () => {
    const a = new NoiseTable({ kind: "exponential" }, 7, ["phone", "cloud"], [5, 3]);
    const b = new NoiseTable({ kind: "exponential" }, 7, ["phone", "cloud"], [5, 3]);
    const late = a.factors(1, 1);
    b.factors(0, 0);
    b.factors(0, 1);
    expect(Array.from(b.factors(1, 1))).toEqual(Array.from(late));
    // Exponential factors are -ln(1 - u) of the stream "noise/<station>/<source>".
    const s = createStream(7, "noise/cloud/1");
    expect(Array.from(late)).toEqual([0, 1, 2].map(() => -Math.log(1 - s.next())));
  });

  it("draws a short row once: every reader of it reads the same factors", () => {
    const t = new NoiseTable({ kind: "lognormal", cv: 0.5 }, 1, ["gpu"], [4]);
    const r1 = t.reader(0, 0);
    const r2 = t.reader(0, 0);
    expect([0, 1, 2, 3].map((i) => r1.at(i))).toEqual(lognormalRow(1, 4));
    expect([3, 2, 1, 0].map((i) => r2.at(i))).toEqual(lognormalRow(1, 4).reverse());
  });

  // Chunks of 8 draws, 3 kept: a 61-request row has 7 full chunks and a short one.
  const small: NoiseLayout = { wholeUpTo: 0, chunk: 8, cached: 3, redrawLimit: 1000 };

  it("reads a long row from regenerated chunks with the very same factors, in any read order", () => {
    const want = lognormalRow(3, 61);
    const t = new NoiseTable({ kind: "lognormal", cv: 0.5 }, 3, ["gpu"], [61], small);
    for (const seed of [1, 2, 3]) {
      const r = t.reader(0, 0);
      for (const i of readOrder(61, seed)) expect(r.at(i)).toBe(want[i]);
    }
  });

  it("starts far into a row (a station first used late) with the factors the whole row has there", () => {
    const want = lognormalRow(5, 61);
    const r = new NoiseTable({ kind: "lognormal", cv: 0.5 }, 5, ["gpu"], [61], small).reader(0, 0);
    expect(r.at(60)).toBe(want[60]);
    expect(r.at(17)).toBe(want[17]);
    expect(r.at(0)).toBe(want[0]);
  });

  it("draws the row whole once a scattered read order has regenerated too many chunks twice", () => {
    const want = lognormalRow(9, 61);
    const layout = { ...small, redrawLimit: 2 };
    const r = new NoiseTable({ kind: "lognormal", cv: 0.5 }, 9, ["gpu"], [61], layout).reader(0, 0);
    for (const i of readOrder(61, 4)) expect(r.at(i)).toBe(want[i]);
  });

  it("refuses a chunk that is not a power of two (reads split an index by shifting)", () => {
    expect(() => new NoiseTable({ kind: "exponential" }, 1, ["gpu"], [10], { ...small, chunk: 6 })).toThrow(/power of two/);
  });
});

describe("resumable streams", () => {
  it("a stream resumed from a saved state draws what the saved stream draws next, and leaves it untouched", () => {
    const a = createResumableStream(11, "x");
    for (let i = 0; i < 1000; i++) a.next();
    const saved = a.save();
    const b = resumeStream(saved);
    const c = resumeStream(saved);
    const fromA = Array.from({ length: 300 }, () => a.normal());
    expect(Array.from({ length: 300 }, () => b.normal())).toEqual(fromA);
    expect(Array.from({ length: 300 }, () => c.normal())).toEqual(fromA);
  });

  it("draws what createStream draws for the same (seed, name)", () => {
    const a = createResumableStream(11, "x");
    const b = createStream(11, "x");
    for (let i = 0; i < 500; i++) expect(a.exponential(2)).toBe(b.exponential(2));
  });
});
