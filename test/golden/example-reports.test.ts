// Refactor guard: every shipped example, run with each scheduler it lists (and a few variants:
// another seed, shared links), must give byte-identical report.json and requests.csv to the
// hashes recorded in example-reports.json. A change that moves a number fails here; when the
// change is meant to, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden` and say why
// in the commit.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it, afterAll } from "vitest";
import { requestsCsv } from "../../src/metrics/csv.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadPlugins } from "../../src/scenario/load-plugins.js";
import { runScenario } from "../../src/scenario/run.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";

const GOLDEN = new URL("./example-reports.json", import.meta.url);
const update = process.env["UPDATE_GOLDEN"] === "1";
const recorded: Record<string, { report: string; requests: string }> = update ? {} : JSON.parse(readFileSync(GOLDEN, "utf8"));

/** [label, file, extra --set values]; mm1 is shortened (its 200,000 requests add nothing here). */
const CASES: Array<[string, string, string[]]> = [
  ["quickstart", "scenarios/quickstart.yaml", []],
  ["quickstart seed 2", "scenarios/quickstart.yaml", ["seed=2"]],
  ["quickstart shared up", "scenarios/quickstart.yaml", ["links.up.discipline=shared"]],
  ["equal-stages", "scenarios/examples/equal-stages.yaml", []],
  ["mm1", "scenarios/examples/mm1.yaml", ["workload.requests=20000"]],
  ["two-cameras", "scenarios/examples/two-cameras.yaml", []],
  ["two-cameras seed 4 shared", "scenarios/examples/two-cameras.yaml", ["seed=4", "links.up2.discipline=shared", "links.up1.discipline=shared"]],
];

const sha = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);

describe("example reports are unchanged (refactor guard)", () => {
  for (const [label, file, sets] of CASES) {
    const s = loadScenario(file, { sets });
    const workload = generateWorkload(s);
    for (const name of s.schedulers) {
      it(`${label}: ${name}`, () => {
        const { report, requests } = runScenario(s, name, { workload });
        const got = { report: sha(JSON.stringify(report, null, 2) + "\n"), requests: sha(requestsCsv(requests)) };
        const key = `${label} / ${name}`;
        if (update) recorded[key] = got;
        else expect(got, key).toEqual(recorded[key]);
      });
    }
  }
  // The example plug-in, through the same loading path as the CLI, with its own requests.csv columns.
  it("offload-when-busy: every scheduler, the plug-in included", async () => {
    const s = loadScenario("scenarios/examples/offload-when-busy.yaml");
    const schedulers = await loadPlugins(s);
    const workload = generateWorkload(s);
    for (const name of s.schedulers) {
      const { report, requests } = runScenario(s, name, { workload, schedulers });
      const columns = schedulers.factory(name)?.requestColumns?.map((c) => c.name);
      const got = { report: sha(JSON.stringify(report, null, 2) + "\n"), requests: sha(requestsCsv(requests, columns ? { outcomeColumns: columns } : {})) };
      const key = `offload-when-busy / ${name}`;
      if (update) recorded[key] = got;
      else expect(got, key).toEqual(recorded[key]);
    }
  });
  afterAll(() => {
    if (update) writeFileSync(GOLDEN, JSON.stringify(recorded, null, 2) + "\n");
  });
});
