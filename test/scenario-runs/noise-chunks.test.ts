// Keeping long noise rows as regenerated chunks (memory flat in the run length) must not move a
// single byte of any result: the same scenarios run with every row chunked (8-draw chunks, 3 kept,
// so reads cross chunks, regenerate evicted ones and start far into rows) and with every row whole.
import { describe, expect, it } from "vitest";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { createWorkload } from "../../src/workload/workload.js";
import { NoiseTable } from "../../src/workload/noise-table.js";

const CASES: Array<[string, string[]]> = [
  ["scenarios/examples/two-cameras.yaml", []],
  ["scenarios/examples/overload.yaml", ["workload.requests=300", "workload.warmupRequests=0"]],
  ["scenarios/quickstart.yaml", ["workload.requests=300"]],
  ["scenarios/examples/mm1.yaml", ["workload.requests=2000"]],
];

describe("chunked noise rows", () => {
  for (const [file, sets] of CASES) {
    it(`${file}: every scheduler's report and requests are identical with rows chunked or whole`, () => {
      const s = loadScenario(file, { sets });
      const whole = generateWorkload(s);
      expect(whole.noise).toBeInstanceOf(NoiseTable);
      // The same workload with only the noise rows' layout changed.
      const chunked = { ...whole, noise: new NoiseTable(s.noise.compute, s.seed, s.nodes.map((n) => n.name), s.sources.map((x) => x.requests), { wholeUpTo: 0, chunk: 8, cached: 3, redrawLimit: 1e9 }) };
      for (const scheduler of s.schedulers) {
        const a = runScenario(s, scheduler, { workload: whole });
        const b = runScenario(s, scheduler, { workload: chunked });
        expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
        expect(b.requests.map((r) => [r.completion, r.computeNs])).toEqual(a.requests.map((r) => [r.completion, r.computeNs]));
      }
    });
  }

  it("createWorkload's layout changes no factor", () => {
    const s = loadScenario("scenarios/examples/mm1.yaml", { sets: ["workload.requests=50"] });
    const spec = { seed: 1, sources: s.sources, noise: s.noise.compute, stationNames: ["a"], links: [] };
    const layout = { wholeUpTo: 0, chunk: 8, cached: 3, redrawLimit: 1e9 };
    expect(Array.from(createWorkload(spec, layout).noise!.factors(0, 0))).toEqual(Array.from(createWorkload(spec).noise!.factors(0, 0)));
  });
});
