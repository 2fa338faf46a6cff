// The fuzz run kept in CI: a fixed seed and a few hundred inputs per reader (`npm run fuzz` runs
// 10 000 each). No input may crash a reader or take over a second; refusals are fine.
import { describe, expect, it } from "vitest";
import { fuzzScenarios, fuzzTraces } from "./fuzz-inputs.js";

const COUNT = 300;

describe("fuzzing the file readers", () => {
  it(`the scenario loader: ${COUNT} inputs, no crash`, () => {
    const r = fuzzScenarios(COUNT, 13);
    expect(r.crashes).toEqual([]);
    expect(r.inputs).toBe(COUNT);
    // The mutations are not all fatal, nor all harmless: both paths are exercised.
    expect(r.accepted).toBeGreaterThan(0);
    expect(r.refused).toBeGreaterThan(0);
  });

  it(`every trace reader: ${COUNT} inputs each, no crash`, () => {
    for (const [format, r] of Object.entries(fuzzTraces(COUNT, 13))) {
      expect(r.crashes, format).toEqual([]);
      expect(r.refused, format).toBeGreaterThan(0);
    }
  });
});
