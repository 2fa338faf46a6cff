// The worker-thread runner works from the TypeScript sources too (vitest, tsx), not only from
// dist/: a sweep on two threads in this process equals one in the main thread.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planSweep } from "../../src/research/sweep-plan.js";
import { runSweep } from "../../src/research/sweep.js";
import { freshDir } from "./sweep-fixture.js";

describe("runSweep on worker threads", () => {
  it("two threads give the lines of the main thread", async () => {
    const p = await planSweep({
      scenario: "scenarios/quickstart.yaml", scheduler: "cloud-only,fixed-split", cwd: process.cwd(),
      sets: ["workload.requests=150"], flags: { vary: [], trace: ["up=traces/*.csv"], seeds: "1..3" },
    });
    const root = freshDir("sweep-threads");
    const [one, two] = [join(root, "1"), join(root, "2")];
    const quiet = (): void => {};
    await runSweep(p, { out: one, shard: null, workers: 1, warn: quiet });
    const o = await runSweep(p, { out: two, shard: null, workers: 2, warn: quiet });
    expect(o).toEqual({ total: 12, resumed: 0, ran: 12, failed: [] });
    expect(readFileSync(join(two, "results.jsonl"), "utf8")).toBe(readFileSync(join(one, "results.jsonl"), "utf8"));
  });
});
