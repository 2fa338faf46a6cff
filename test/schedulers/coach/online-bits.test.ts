// Online bits on the hand chain (cut after L2, 6 bits offline; 46,875 B): over a trace stepping
// 50 → 5 → 50 Mbit/s every 10 s, the link needs 7.5 ms at 50 (not the bottleneck: the device takes
// 10) and 75 ms at 5 (the bottleneck). Easy frames (0.5 ≤ closeness < 0.8) then drop a level per
// frame while their loss, the table's × 0.5, stays within 0.5 points: 5 bits (0.3), 4 bits (0.4),
// not 3 (1.5). The bandwidth is the default ewma estimate, the offline plan made at its prior.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";
import { handChain } from "./helpers.js";

describe("coach: online bits over a 50 → 5 → 50 Mbit/s step", () => {
  it("easy frames go below the offline bits within 10 frames of the drop and back within 10 of the rise; no frame over the budget", () => {
    const s = handChain("coach", {
      arrivals: { kind: "periodic", fps: 30 },
      requests: 900, // 30 s: the steps at frames 300 and 600
      content: { labels: ["x"], stayProb: 1, closeness: { kind: "uniform" } },
    }, { mode: "full" });
    const scenario = { ...s, links: { up: { from: "cam", to: "cloud", trace: { kind: "steps", stepS: 10, mbps: [50, 5, 50] } } } };
    delete (scenario as Record<string, unknown>)["estimator"]; // the default ewma
    const { requests, report } = run(scenario, "coach");
    const plan = (report.policy!["plans"] as Record<string, unknown>[])[0]!;
    expect([plan["cut"], plan["tensorBits"]]).toEqual(["L2", [6]]);
    const easy = requests.filter((r) => r.outcome?.easy === true);
    const bits = (r: (typeof requests)[number]): number => (r.outcome!.bitsPerTensor as number[])[0]!;
    const firstLow = easy.find((r) => r.index >= 300 && bits(r) < 6)!;
    expect(firstLow.index - 300).toBeLessThanOrEqual(10);
    // From the 10th frame after the drop to the rise, every easy frame is below 6 bits (at 4 or 5).
    for (const r of easy.filter((x) => x.index >= 310 && x.index < 600)) expect([4, 5]).toContain(bits(r));
    expect(easy.some((r) => r.index < 600 && bits(r) === 4)).toBe(true);
    // Back at 6 bits within 10 frames of the rise, and before the drop nothing went below.
    for (const r of easy.filter((x) => x.index >= 610 || x.index < 300)) expect(bits(r)).toBe(6);
    // Hard frames keep the offline bits throughout; no frame loses more than the budget.
    for (const r of requests.filter((x) => x.outcome?.easy === false && x.outcome?.cacheHit === false)) expect(bits(r)).toBe(6);
    for (const r of requests) if (r.outcome?.cacheHit === false) expect(r.accuracyLossPct).toBeLessThanOrEqual(0.5 + 1e-9);
  });
});
