// Requests kept past the end of the run: the collector's (keepRequests) and an observer's that
// freezes them read the same times; an observer that keeps them without freezing gets an error on
// reading, never another request's numbers.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { loadScenario, runScenario } from "../../src/index.js";
import type { Request } from "../../src/workload/request.js";

const MM1 = fileURLToPath(new URL("../../scenarios/examples/mm1.yaml", import.meta.url));

describe("requests kept after they leave the system", () => {
  it("read the same times whether kept by the collector or frozen by an observer, and fail loudly when not frozen", () => {
    const s = loadScenario(MM1, { sets: ["workload.requests=300"] });
    const byCollector = runScenario(s, "device-only").requests;
    // A second run of the same workload where only an observer keeps (and freezes) the requests.
    const frozen: Request[] = [];
    runScenario(s, "device-only", { keepRequests: false, observers: [{ onComplete: (req) => void frozen.push(req.freeze()) }] });
    expect(frozen).toHaveLength(300);
    const byId = new Map(byCollector.map((q) => [q.id, q]));
    for (const q of frozen) {
      const kept = byId.get(q.id)!;
      expect([q.arrival, q.completion, q.queueingNs, q.computeNs]).toEqual([kept.arrival, kept.completion, kept.queueingNs, kept.computeNs]);
      expect(q.completion - q.arrival).toBe(q.queueingNs + q.computeNs); // one station, no transfer
    }
  });

  it("throws on reading a request that was not frozen and whose row was recycled", () => {
    const s = loadScenario(MM1, { sets: ["workload.requests=50"] });
    const raw: Request[] = [];
    runScenario(s, "device-only", { keepRequests: false, observers: [{ onComplete: (req) => void raw.push(req) }] });
    expect(() => raw[0]!.arrival).toThrow(/request 0 has left the system.*freeze/);
  });
});
