// Every shipped scenario loads and runs each of its schedulers (shortened), conserving requests.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";

const files = ["scenarios/quickstart.yaml", ...readdirSync("scenarios/examples").map((f) => join("scenarios/examples", f))];

describe("shipped scenarios", () => {
  for (const file of files) {
    it(`${file} runs every scheduler it lists`, () => {
      const full = loadScenario(file);
      // Keep the tests quick: at most 100 requests per source, no warm-up.
      const sets = full.sources.map((s, i) =>
        `${file.endsWith("quickstart.yaml") || full.sources.length === 1 ? "workload" : `sources.${i}`}.requests=${Math.min(s.requests, 100)}`);
      const s = loadScenario(file, { sets: [...new Set(sets), ...(full.warmupRequests > 0 ? ["workload.warmupRequests=0"] : [])] });
      const workload = generateWorkload(s);
      for (const name of s.schedulers) {
        const { report } = runScenario(s, name, { workload });
        expect(report.requests.completed + report.requests.dropped).toBe(s.sources.reduce((a, x) => a + x.requests, 0));
        expect(report.requests.completed).toBeGreaterThan(0);
      }
    });
  }
});
