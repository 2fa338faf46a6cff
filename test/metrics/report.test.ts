// RunReport building: the contract's key order whatever the draft's, and fixed rounding.
import { describe, expect, it } from "vitest";
import { buildRunReport, type ResourceReport, type RunReport } from "../../src/metrics/report.js";
import { play, stations } from "./replay.js";

const resource = (): ResourceReport => ({
  kind: "station", servers: 2, busyMs: 1 / 3, utilisation: 2 / 3, offeredUtilisation: 0.7, bubbleRatio: 1 / 3, fillMs: 1, drainMs: 2,
  internalIdleMs: 3, activeBubbleRatio: 0.25, idleByCauseMs: { starved: 1, upstream: 1, held: 1 },
  serverBusyMs: [1 / 6, 1 / 6], bubbleRatioExcludingStarved: 0.2, firstStartMs: 0, lastEndMs: 9, used: true,
});

const draft = (): RunReport => ({
  scenario: "s", scheduler: "x", seed: 1, scenarioHash: "h", estimator: "ewma", options: { b: 1, a: { d: 2, c: 3 } },
  requests: { admitted: 3, completed: 2, dropped: 1, deadlineMissed: 0, measured: 2 },
  latencyMs: { mean: 2 / 3, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 },
  throughputPerSec: 1000 / 3, makespanMs: 2 / 3, stable: true,
  window: { t0Ms: 0, t1Ms: 2 / 3, measuredFromMs: 0, warmupRequests: 0, emptyMs: 0 },
  bubbleRatio: { overall: 2 / 3, active: 0, excludingStarved: 0 },
  resources: { dev: resource(), cloud: resource() },
  accuracy: { meanLossPct: 0.1 },
});

/** The same object with its keys inserted in reverse order (resource ids keep theirs). */
function reversed(v: unknown, key = ""): unknown {
  if (Array.isArray(v)) return v;
  if (v === null || typeof v !== "object") return v;
  const entries = Object.entries(v);
  if (key !== "resources") entries.reverse();
  return Object.fromEntries(entries.map(([k, x]) => [k, reversed(x, k)]));
}

describe("buildRunReport", () => {
  it("gives the same JSON for drafts built with fields in a different order", () => {
    const a = draft();
    const b = reversed(draft()) as RunReport;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(JSON.stringify(buildRunReport(b))).toBe(JSON.stringify(buildRunReport(a)));
  });

  it("orders the top-level contract fields as DESIGN §6 lists them", () => {
    const contract = ["scenario", "scheduler", "seed", "scenarioHash", "requests", "latencyMs", "throughputPerSec", "makespanMs", "bubbleRatio", "resources", "accuracy"];
    const keys = Object.keys(buildRunReport(reversed(draft()) as RunReport)).filter((k) => contract.includes(k));
    expect(keys).toEqual(contract);
  });

  it("orders a resource's contract fields as DESIGN §6 lists them", () => {
    const contract = ["kind", "servers", "busyMs", "utilisation", "bubbleRatio", "fillMs", "drainMs", "internalIdleMs", "activeBubbleRatio", "idleByCauseMs"];
    const r = buildRunReport(reversed(draft()) as RunReport).resources["dev"]!;
    expect(Object.keys(r).filter((k) => contract.includes(k))).toEqual(contract);
  });

  it("keeps the resources in the draft's (platform) order", () => {
    expect(Object.keys(buildRunReport(draft()).resources)).toEqual(["dev", "cloud"]);
  });

  it("rounds times in ms to 6 decimals and ratios to 9", () => {
    const r = buildRunReport(draft());
    expect([r.makespanMs, r.latencyMs.mean, r.resources["dev"]!.busyMs]).toEqual([0.666667, 0.666667, 0.333333]);
    expect([r.bubbleRatio.overall, r.resources["dev"]!.utilisation, r.throughputPerSec]).toEqual([0.666666667, 0.666666667, 333.333333333]);
  });

  it("sorts scheduler options by key at every level", () => {
    expect(JSON.stringify(buildRunReport(draft()).options)).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it("rounds an interpolated latency quantile to the nanosecond", () => {
    // Latencies 1 ns and 2 ns: p90 = 1.9 ns -> 0.000002 ms.
    const r = play({ resources: stations(1), arrivalsMs: [0, 0], busy: [], complete: [[0, 0.000001], [1, 0.000002]] }).report;
    expect(r.latencyMs.p90).toBe(0.000002);
  });
});
