// The numbers a run's report draws, on hand-made requests.csv files: the latency CDF (the report's
// sample: completed, after the warm-up), bins of completions, the time split of each resource and
// the Gantt window. Expected values are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { fakeReport } from "../research/compare-fixture.js";
import type { RunReport } from "../../src/metrics/report.js";
import { parseRequestsCsv, splitCsvLine } from "../../src/report/requests-read.js";
import { binRequests, ganttRows, latencyCdf, niceStep, resourceSplits, timeSeriesFigure } from "../../src/report/run-figures.js";

const HEADER = "id,source,model,arrivalMs,completionMs,latencyMs,queueingMs,computeMs,transferMs,cut,bits,bytes,accuracyLossPct,deadlineMet,dropped,dropReason,warmup";

/** Rows [id, arrival, completion | null (dropped), warmup]; latency = completion − arrival. */
function csv(rows: Array<[number, number, number | null, boolean]>): string {
  return [HEADER, ...rows.map(([id, a, c, w]) =>
    `${id},0,alexnet,${a},${c ?? ""},${c === null ? "" : c - a},0.5,1.5,2,features.2,8,100,0,,${c === null},${c === null ? '"queue full, dropped"' : ""},${w}`)].join("\n") + "\n";
}

describe("the latency CDF", () => {
  it("steps by 1/n at each measured latency, leaving out the warm-up and drops", () => {
    // Latencies 4, 1, 3, 2 measured; a warm-up request (latency 100) and a drop left out.
    const req = parseRequestsCsv(csv([[0, 0, 100, true], [1, 10, 14, false], [2, 20, 21, false], [3, 30, null, false], [4, 40, 43, false], [5, 50, 52, false]]), "r.csv");
    expect(latencyCdf(req)).toEqual([[1, 0.25], [2, 0.5], [3, 0.75], [4, 1]]);
  });

  it("beyond the point budget, keeps type-7 quantiles at evenly spaced probabilities, both ends included", () => {
    // Latencies 1..5 with three points: p = 0, 0.5, 1 -> 1, 3, 5.
    const req = parseRequestsCsv(csv([1, 2, 3, 4, 5].map((l, i) => [i, 0, l, false] as [number, number, number, boolean])), "r.csv");
    expect(latencyCdf(req, 3)).toEqual([[1, 0], [3, 0.5], [5, 1]]);
    // Four points: p = 1/3 -> 1 + (4 · 1/3) = 2.333…
    expect(latencyCdf(req, 4)[1]![0]).toBeCloseTo(1 + 4 / 3, 12);
  });
});

describe("bins over time, from requests.csv", () => {
  it("holds completions in [start, end) (the last bin also T1), every request counted, throughput over the bin", () => {
    // T0 = 0, T1 = 1000 ms, 10 bins -> 100 ms each. Completions at 50 | 150, 180 | 1000 (T1: last bin).
    const req = parseRequestsCsv(csv([[0, 40, 50, true], [1, 140, 150, false], [2, 176, 180, false], [3, 990, 1000, false], [4, 995, null, false]]), "r.csv");
    const f = binRequests(req, 0, 1000, 10);
    expect(f.binMs).toBe(100);
    expect(f.tSec).toHaveLength(10);
    expect(f.tSec[0]).toBe(0.05);
    expect(f.throughputPerSec).toEqual([10, 20, 0, 0, 0, 0, 0, 0, 0, 10]);
    // Bin 1 has latencies 10 and 4: p95 (type 7) = 4 + 0.95 · (10 − 4) = 9.7. An empty bin has none.
    expect(f.p95Ms[1]).toBeCloseTo(9.7, 12);
    expect(f.p95Ms[2]).toBeNull();
    expect(f.source).toBe("requests.csv");
  });

  it("takes 1, 2 or 5 times a power of ten as the bin width", () => {
    expect([niceStep(0.3), niceStep(1), niceStep(1.5), niceStep(3), niceStep(7), niceStep(516)]).toEqual([0.5, 1, 2, 5, 10, 1000]);
  });

  it("uses the report's own series when the scenario asked for one", () => {
    const report: RunReport = {
      ...fakeReport("a", 1, { p95: 1 }),
      timeSeries: { binMs: 500, bins: [
        { startMs: 0, endMs: 500, completed: 3, dropped: 0, throughputPerSec: 6, latencyMeanMs: 2, latencyP95Ms: 4, latencyMaxMs: 5 },
        { startMs: 500, endMs: 1000, completed: 0, dropped: 0, throughputPerSec: 0, latencyMeanMs: 0, latencyP95Ms: 0, latencyMaxMs: 0 },
      ] },
    };
    const f = timeSeriesFigure(report, parseRequestsCsv(csv([]), "r.csv"));
    expect(f).toEqual({ source: "report", binMs: 500, tSec: [0.25, 0.75], throughputPerSec: [6, 0], p95Ms: [4, null] });
  });
});

describe("each resource's time", () => {
  it("splits c·(T1 − T0) into busy, fill, drain and idle by cause, as fractions", () => {
    // Window 1000 ms, two servers: capacity 2000 ms = 800 busy + 100 fill + 300 drain + 200 + 400 + 200 idle.
    const report: RunReport = { ...fakeReport("a", 1, { p95: 1 }), window: { t0Ms: 0, t1Ms: 1000, measuredFromMs: 0, warmupRequests: 0, emptyMs: 0 } };
    report.resources = { gpu: {
      kind: "station", servers: 2, busyMs: 800, utilisation: 0.4, offeredUtilisation: 0.4, bubbleRatio: 0.6, fillMs: 100, drainMs: 300,
      internalIdleMs: 800, activeBubbleRatio: 0.5, idleByCauseMs: { starved: 200, upstream: 400, held: 200 }, serverBusyMs: [500, 300],
      bubbleRatioExcludingStarved: 0.5, firstStartMs: 10, lastEndMs: 900, used: true,
    } };
    expect(resourceSplits(report)).toEqual([{ resource: "gpu", utilisation: 0.4, busy: 0.4, fill: 0.05, drain: 0.15, starved: 0.1, upstream: 0.2, held: 0.1 }]);
  });
});

describe("requests.csv", () => {
  it("reads quoted cells and rows in finish order; the Gantt window is in id order with drops marked", () => {
    expect(splitCsvLine('1,"a, ""b""",c')).toEqual(["1", 'a, "b"', "c"]);
    const req = parseRequestsCsv(csv([[2, 20, 25, false], [0, 0, 9, false], [1, 10, null, false], [7, 70, 71, false]]), "r.csv");
    expect(ganttRows(req, 0, 3)).toEqual([
      { id: 0, arrivalMs: 0, completionMs: 9, queueingMs: 0.5, computeMs: 1.5, transferMs: 2 },
      { id: 1, arrivalMs: 10, completionMs: null, queueingMs: 0.5, computeMs: 1.5, transferMs: 2 },
      { id: 2, arrivalMs: 20, completionMs: 25, queueingMs: 0.5, computeMs: 1.5, transferMs: 2 },
    ]);
  });

  it("names the file, line and column of a broken cell", () => {
    expect(() => parseRequestsCsv(`${HEADER}\n0,0,m,x,1,1,0,0,0,c,8,1,0,,false,,false\n`, "r.csv")).toThrow("r.csv:2: arrivalMs is not a number ('x')");
    expect(() => parseRequestsCsv("id,latencyMs\n", "r.csv")).toThrow(/r\.csv: not a requests\.csv of splitsim \(no column arrivalMs/);
  });
});
