// Collector request figures: counts, warm-up, throughput, deadlines, accuracy, kept requests.
import { describe, expect, it } from "vitest";
import { play, stations } from "./replay.js";
import { makePlan } from "../../src/workload/plan.js";

// One server; request j arrives at 10j and runs [10j, 10j + 5 + j]: latencies 5, 6, 7, 8 ms,
// T0 = 0, T1 = 38 ms.
const staggered = (warmupRequests: number) =>
  play({
    resources: stations(1),
    arrivalsMs: [0, 10, 20, 30],
    busy: [[0, 0, 0, 5], [0, 0, 10, 16], [0, 0, 20, 27], [0, 0, 30, 38]],
    complete: [[0, 5], [1, 16], [2, 27], [3, 38]],
    warmupRequests,
  }).report;

describe("warm-up", () => {
  it("latency statistics leave out the first warmupRequests requests", () => {
    // Measured latencies 7 and 8 ms.
    const r = staggered(2);
    expect([r.latencyMs.mean, r.latencyMs.p50, r.latencyMs.max]).toEqual([7.5, 7.5, 8]);
    expect(r.requests.measured).toBe(2);
  });

  it("throughput counts completions after the warm-up over [first measured arrival, T1]", () => {
    // 2 requests over 38 − 20 = 18 ms.
    expect(staggered(2).throughputPerSec).toBeCloseTo(2000 / 18, 6);
    expect(staggered(2).window.measuredFromMs).toBe(20);
  });

  it("without warm-up throughput is completed / (T1 − T0)", () => {
    expect(staggered(0).throughputPerSec).toBeCloseTo(4000 / 38, 6);
  });

  it("warm-up does not change the counts, the makespan or the bubble ratios", () => {
    const [a, b] = [staggered(0), staggered(2)];
    expect(b.requests).toEqual({ ...a.requests, measured: 2 });
    expect([b.makespanMs, b.bubbleRatio.overall]).toEqual([a.makespanMs, a.bubbleRatio.overall]);
  });
});

describe("request counts", () => {
  const withDrops = () =>
    play({
      resources: stations(1),
      arrivalsMs: [0, 1, 2, 3],
      deadlinesMs: [20, 5, 30, 4],
      busy: [[0, 0, 0, 10], [0, 0, 10, 20]],
      complete: [[0, 10], [1, 20]],
      drop: [[2, 2], [3, 3]],
    });

  it("admitted counts arrivals, completed plus dropped equals admitted", () => {
    expect(withDrops().report.requests).toMatchObject({ admitted: 4, completed: 2, dropped: 2 });
  });

  it("deadlineMissed counts late completions and dropped requests that had a deadline", () => {
    // Request 0 meets 20 ms; request 1 finishes at 20 > 5; requests 2 and 3 are dropped.
    expect(withDrops().report.requests.deadlineMissed).toBe(3);
  });

  it("a request without a deadline never misses it", () => {
    const r = play({ resources: stations(1), arrivalsMs: [0], busy: [[0, 0, 0, 99]], complete: [[0, 99]], drop: [] });
    expect(r.report.requests.deadlineMissed).toBe(0);
  });

  it("keeps every finished request, completed and dropped, in id order", () => {
    expect(withDrops().collector.requests.map((q) => q.id)).toEqual([0, 1, 2, 3]);
  });
});

describe("accuracy", () => {
  it("meanLossPct averages the accuracy loss over completed requests", () => {
    const { collector, requests } = play({
      resources: stations(1),
      arrivalsMs: [0, 0, 0],
      busy: [],
      complete: [],
    });
    const losses = [1.5, 0.5, 9];
    requests.forEach((q, i) => (q.plan = makePlan([], { cut: "c", bits: 8, bytesSent: 0, accuracyLossPct: losses[i]! })));
    requests[0]!.completion = 1;
    collector.onComplete(requests[0]!, 1);
    requests[1]!.completion = 2;
    collector.onComplete(requests[1]!, 2);
    requests[2]!.dropped = true;
    collector.onDrop(requests[2]!, 3);
    expect(collector.report({ scenario: "s", scheduler: "x", options: {}, seed: 1, scenarioHash: "h", estimator: "e" }).accuracy.meanLossPct).toBe(1);
  });
});
