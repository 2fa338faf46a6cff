// Every shipped scenario (the quickstart, scenarios/examples/ and scenarios/papers/) loads, loads its
// plug-ins, and runs each of its schedulers (shortened), conserving requests.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadPlugins } from "../../src/scenario/load-plugins.js";
import { runScenario } from "../../src/scenario/run.js";

const yamlIn = (dir: string): string[] => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f));
const files = ["scenarios/quickstart.yaml", ...yamlIn("scenarios/examples"), ...yamlIn("scenarios/papers")];

describe("shipped scenarios", () => {
  it("the examples include a plug-in scheduler, and papers/ exists for the paper scenarios", () => {
    expect(files.some((f) => loadScenario(f).plugins !== undefined)).toBe(true);
    expect(readdirSync("scenarios/papers")).toContain("README.md");
  });

  for (const file of files) {
    it(`${file} runs every scheduler it lists`, async () => {
      const full = loadScenario(file);
      // Keep the tests quick: at most 100 requests per source, no warm-up.
      const sets = full.sources.map((s, i) =>
        `${file.endsWith("quickstart.yaml") || full.sources.length === 1 ? "workload" : `sources.${i}`}.requests=${Math.min(s.requests, 100)}`);
      const s = loadScenario(file, { sets: [...new Set(sets), ...(full.warmupRequests > 0 ? ["workload.warmupRequests=0"] : [])] });
      const schedulers = await loadPlugins(s);
      const workload = generateWorkload(s);
      for (const name of s.schedulers) {
        const { report } = runScenario(s, name, { workload, schedulers });
        expect(report.requests.completed + report.requests.dropped).toBe(s.sources.reduce((a, x) => a + x.requests, 0));
        expect(report.requests.completed).toBeGreaterThan(0);
      }
    });
  }
});
