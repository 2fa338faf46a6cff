// The worker-thread runner works from the TypeScript sources too (vitest, tsx), not only from
// dist/: a sweep on two threads in this process equals one in the main thread, and the threads
// find tsx from the sources' folder, not from the working directory (a sweep started elsewhere).
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { planSweep } from "../../src/research/sweep-plan.js";
import { taskRunner } from "../../src/research/sweep-pool.js";
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

  it("threads started from another working directory load the sources", async () => {
    const file = resolve("scenarios/quickstart.yaml");
    const home = process.cwd();
    process.chdir(tmpdir());
    const runner = taskRunner(2);
    try {
      const [out] = await runner.run({ file, sets: ["workload.requests=150"], seed: 1, schedulers: ["cloud-only"] });
      expect(out!.error).toBeUndefined();
      expect(out!.report!.requests.completed).toBe(150);
    } finally {
      await runner.close();
      process.chdir(home);
    }
  });
});
