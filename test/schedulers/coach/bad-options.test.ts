// Bad COACH options stop the run with exit-2 errors naming coach, the option and the fix.
import { describe, expect, it } from "vitest";
import { SplitsimError } from "../../../src/errors.js";
import { run } from "../../scenario-runs/helpers.js";
import { handChain } from "./helpers.js";

const content = { labels: ["x"], stayProb: 1, closeness: { kind: "uniform" } };

function failure(options: Record<string, unknown>, withContent = true): string {
  const s = handChain("coach", { arrivals: { kind: "periodic", fps: 10 }, requests: 3, ...(withContent ? { content } : {}) }, options);
  try {
    run(s, "coach");
  } catch (e) {
    expect(e).toBeInstanceOf(SplitsimError); // exit 2 at the CLI
    return (e as Error).message;
  }
  throw new Error("the run did not fail");
}

describe("coach: bad options", () => {
  it.each([
    [{ accuracyBudgetPct: -0.1 }, "accuracyBudgetPct must be >= 0"],
    [{ levels: [4, 9] }, "a bit level must be one of 2, 3, 4, 5, 6, 7, 8, 16, 32"],
    [{ theta: 1.2 }, "theta must be in [0, 1]"],
    [{ thetaEasy: -0.5 }, "thetaEasy must be in [0, 1]"],
    [{ theta: 0.5, thetaEasy: 0.7 }, "thetaEasy must be <= theta"],
    [{ cacheSize: 0 }, "cacheSize must be a whole number >= 1"],
    [{ search: "greedy" }, "search"],
    [{ eviction: "fifo" }, "eviction"],
  ])("%j is refused, naming the option", (options, text) => {
    const msg = failure({ mode: "full", ...options });
    expect(msg).toContain("coach");
    expect(msg).toContain(text);
  });

  it("the cache on for a source without content: names the mode and the fixes", () => {
    const msg = failure({ mode: "full" }, false);
    expect(msg).toContain("options.coach.mode");
    expect(msg).toContain("no content process");
    expect(msg).toContain("no-cache or offline-only");
  });

  it("without content, no-cache and offline-only run", () => {
    for (const mode of ["no-cache", "offline-only"]) {
      const s = handChain("coach", { arrivals: { kind: "periodic", fps: 10 }, requests: 3 }, { mode });
      expect(run(s, "coach").report.requests.completed).toBe(3);
    }
  });
});
