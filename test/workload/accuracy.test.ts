// Accuracy-loss tables: validation, look-up rules, and the estimate reaching the report.
import { describe, expect, it } from "vitest";
import { lookupLossPct, parseAccuracyTable } from "../../src/workload/accuracy.js";
import { accuracyLossPct } from "../../src/workload/quantization.js";
import { run } from "../scenario-runs/helpers.js";

const LAYERS = ["a", "b"];

function table(raw: unknown) {
  const r = parseAccuracyTable(raw, LAYERS);
  if ("problems" in r) throw new Error(JSON.stringify(r.problems));
  return r.table;
}

describe("accuracy tables", () => {
  it("uses a cut's own row, else the model's default row, else the default curve", () => {
    const t = table({ default: { "8": 0.4 }, cuts: { a: { "4": 3, "8": 0.2 } } });
    expect(lookupLossPct(t, "a", 8)).toBe(0.2);
    expect(lookupLossPct(t, "b", 8)).toBe(0.4);
    expect(lookupLossPct(null, "b", 4)).toBe(accuracyLossPct(4));
  });

  it("takes the next lower width a row gives for one it does not (6 bits -> the 4-bit value)", () => {
    const t = table({ cuts: { a: { "4": 3, "8": 0.2 } } });
    expect(lookupLossPct(t, "a", 6)).toBe(3);
    expect(lookupLossPct(t, "a", 32)).toBe(0.2);
  });

  it("below a row's lowest width, never reports less loss than that width", () => {
    // Row says 8 bits lose 25 points; the default curve's 20 at 2 bits would be less: keep 25.
    const t = table({ cuts: { a: { "8": 25 } } });
    expect(lookupLossPct(t, "a", 2)).toBe(25);
  });

  it("rejects a row that loses more accuracy with more bits, unknown widths and unknown cuts", () => {
    const r = parseAccuracyTable({ cuts: { a: { "4": 1, "8": 2 }, zz: { "9": 1 } } }, LAYERS);
    expect("problems" in r && r.problems.map((p) => p.path.join("."))).toEqual(["cuts.a.8", "cuts.zz", "cuts.zz.9"]);
  });

  it("the report's accuracy estimate uses the scenario's table", () => {
    const scenario = {
      name: "acc",
      model: { name: "m", input: { shape: [100] }, layers: [
        { name: "a", outputShape: [1000], macs: 0, timeMs: 1 },
        { name: "b", outputShape: [10], macs: 0, timeMs: 1 },
      ] },
      nodes: { dev: { device: "jetson-nano" }, cloud: { device: "a100" } },
      links: { up: { from: "dev", to: "cloud", bandwidthMbps: 100 } },
      workload: { arrivals: { kind: "batch" }, requests: 3 },
      schedulers: ["fixed-split"],
      options: { "fixed-split": { cut: "a", bits: 4 } },
      accuracy: { m: { cuts: { a: { "4": 1.25, "8": 0.5 } } } },
    };
    const { report, requests } = run(scenario, "fixed-split");
    expect(requests.map((r) => r.accuracyLossPct)).toEqual([1.25, 1.25, 1.25]);
    expect(report.accuracy.meanLossPct).toBe(1.25);
  });
});
