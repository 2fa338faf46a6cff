// Compute noise is drawn per (station, source) on first use. Which rows are used, and in what
// order, must not change any draw: each row is its own named stream.
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/core/random.js";
import { NoiseTable } from "../../src/workload/workload.js";

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

  it("draws a row once and returns the same array afterwards", () => {
    const t = new NoiseTable({ kind: "lognormal", cv: 0.1 }, 1, ["gpu"], [4]);
    expect(t.factors(0, 0)).toBe(t.factors(0, 0));
    expect(t.factors(0, 0).length).toBe(4);
  });
});
