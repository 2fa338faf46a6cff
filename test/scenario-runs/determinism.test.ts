// Same scenario and seed: byte-identical report and requests.csv; another seed changes them.
import { describe, expect, it } from "vitest";
import { requestsCsv } from "../../src/metrics/csv.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";

function runQuickstart(seed: number) {
  const s = loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=300", "workload.warmupRequests=10"], seed });
  const r = runScenario(s, "neurosurgeon");
  return { json: JSON.stringify(r.report, null, 2), csv: requestsCsv(r.requests) };
}

describe("determinism", () => {
  it("gives byte-identical report.json and requests.csv for the same seed", () => {
    const a = runQuickstart(1);
    const b = runQuickstart(1);
    expect(a.json).toBe(b.json);
    expect(a.csv).toBe(b.csv);
  });

  it("changes the results with the seed", () => {
    const a = runQuickstart(1);
    const b = runQuickstart(2);
    expect(a.csv).not.toBe(b.csv);
    expect(a.json).not.toBe(b.json);
  });
});
