// Report metrics from the collector's records: P(latency <= D) over the measured requests
// (deadlineReliability) and the time series of completions and latency per bin (SeriesRecorder).
// Every expected value is worked out by hand in the comment next to it.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { Collector, type CollectorOptions } from "../../src/metrics/collector.js";
import type { RunReport } from "../../src/metrics/report.js";
import { deadlineReliability, SeriesRecorder } from "../../src/metrics/series.js";
import { newRequest, type Request } from "../../src/workload/request.js";
import { META } from "./replay.js";

/**
 * Feeds a Collector and its companion observers (the time series), as a run wires them, requests
 * (times in ms; id = position) in time order, completions before arrivals at equal times.
 */
function collect(opts: CollectorOptions, reqs: Array<{ at: number; done?: number; drop?: number }>): RunReport {
  const collector = new Collector(opts);
  const all = [collector, ...collector.companions()];
  const c = {
    onArrive: (req: Request, t: number) => all.forEach((o) => o.onArrive?.(req, t)),
    onComplete: (req: Request, t: number) => all.forEach((o) => o.onComplete?.(req, t)),
    onDrop: (req: Request, t: number) => all.forEach((o) => o.onDrop?.(req, t)),
  };
  collector.onSetup([]);
  const evs: Array<{ t: number; phase: number; run: () => void }> = [];
  reqs.forEach((r, i) => {
    const req = newRequest(i, 0, i, "m", ms(r.at), -1);
    evs.push({ t: ms(r.at), phase: 1, run: () => c.onArrive(req, ms(r.at)) });
    if (r.done !== undefined) {
      const t = ms(r.done);
      evs.push({ t, phase: 0, run: () => ((req.completion = t), c.onComplete(req, t)) });
    }
    if (r.drop !== undefined) {
      const t = ms(r.drop);
      evs.push({ t, phase: 0, run: () => ((req.dropped = true), c.onDrop(req, t)) });
    }
  });
  evs.sort((a, b) => a.t - b.t || a.phase - b.phase);
  for (const e of evs) e.run();
  collector.onFinish(evs[evs.length - 1]!.t);
  return collector.report(META);
}

const nsOf = (...latMs: number[]) => Float64Array.from(latMs, (x) => ms(x));

describe("deadlineReliability", () => {
  it("is completions within D over measured completions plus measured drops", () => {
    // Latencies 1..10 ms and 2 drops: 12 requests. <= 5 ms: 5 of them; <= 10 ms: all 10 completions.
    expect(deadlineReliability(nsOf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 2, [5, 10])).toEqual([
      { deadlineMs: 5, reliability: 5 / 12 },
      { deadlineMs: 10, reliability: 10 / 12 },
    ]);
  });

  it("counts a latency equal to the deadline as met (<=), to the nanosecond", () => {
    expect(deadlineReliability(nsOf(2.5), 0, [2.5])[0]!.reliability).toBe(1);
    expect(deadlineReliability(Float64Array.of(2_500_001), 0, [2.5])[0]!.reliability).toBe(0);
  });

  it("is 0 for a deadline below every latency, and 0 when nothing was measured", () => {
    expect(deadlineReliability(nsOf(3, 4), 0, [1])[0]!.reliability).toBe(0);
    expect(deadlineReliability(new Float64Array(0), 0, [1])[0]!.reliability).toBe(0);
  });

  it("a drop misses every deadline", () => {
    // One completion of 1 ms and one drop: 1/2 whatever the deadline.
    expect(deadlineReliability(nsOf(1), 1, [1, 1e6]).map((d) => d.reliability)).toEqual([0.5, 0.5]);
  });
});

describe("deadline reliability in the report", () => {
  // Requests at 0, 1, 2, 3 ms; 0 and 1 take 1 ms, 2 and 3 take 10 ms; request 4 at 4 ms is dropped at 4 ms.
  const reqs = [{ at: 0, done: 1 }, { at: 1, done: 2 }, { at: 2, done: 12 }, { at: 3, done: 13 }, { at: 4, drop: 4 }];

  it("leaves out the warm-up requests", () => {
    // Warm-up 2: measured are requests 2, 3 (10 ms each) and the drop of 4. <= 5 ms: 0 of 3;
    // <= 10 ms: 2 of 3. (With the warm-up counted, <= 5 ms would be 2/5.)
    const r = collect({ warmupRequests: 2, deadlinesMs: [5, 10] }, reqs);
    expect(r.deadlineReliability).toEqual([{ deadlineMs: 5, reliability: 0 }, { deadlineMs: 10, reliability: 0.666666667 }]);
  });

  it("without warm-up counts every request", () => {
    // <= 5 ms: requests 0, 1 of 5 = 0.4; <= 10 ms: 4 of 5 = 0.8.
    const r = collect({ warmupRequests: 0, deadlinesMs: [5, 10] }, reqs);
    expect(r.deadlineReliability!.map((d) => d.reliability)).toEqual([0.4, 0.8]);
  });

  it("a drop during the warm-up does not count", () => {
    // Request 0 dropped (warm-up 1); request 1 takes 1 ms: 1/1.
    const r = collect({ warmupRequests: 1, deadlinesMs: [5] }, [{ at: 0, drop: 0 }, { at: 1, done: 2 }]);
    expect(r.deadlineReliability![0]!.reliability).toBe(1);
  });
});

describe("the time series", () => {
  /** The series over [t0Ms, t1Ms] of completions [timeMs, latencyMs] and drops (ms), in bins of binMs. */
  function series(binMs: number, t0Ms: number, t1Ms: number, done: Array<[number, number]>, drops: number[] = []) {
    const rec = new SeriesRecorder(ms(binMs));
    for (const [t, lat] of done) rec.complete(ms(t), ms(lat));
    for (const t of drops) rec.drop(ms(t));
    return rec.series(ms(t0Ms), ms(t1Ms));
  }

  it("bins start at T0 and the last one ends at T1", () => {
    // Window [5, 30] ms in bins of 10: [5, 15) [15, 25) [25, 30].
    const s = series(10, 5, 30, [[30, 1]]);
    expect(s.binMs).toBe(10);
    expect(s.bins.map((b) => [b.startMs, b.endMs])).toEqual([[5, 15], [15, 25], [25, 30]]);
  });

  it("a completion on a bin boundary goes to the later bin, and one at T1 to the last bin", () => {
    // Window [0, 30] in bins of 10: 10 ms opens [10, 20); 30 ms = T1 closes [20, 30].
    const s = series(10, 0, 30, [[10, 1], [30, 1]]);
    expect(s.bins.map((b) => b.completed)).toEqual([0, 1, 1]);
  });

  it("each bin's throughput is over its own width", () => {
    // Window [0, 25]: bins [0, 10) with 2 completions (200/s) and [10, 20) with 1 (100/s), then
    // [20, 25] with 3 over 5 ms = 600/s.
    const s = series(10, 0, 25, [[1, 1], [2, 1], [15, 1], [21, 1], [22, 1], [25, 1]]);
    expect(s.bins.map((b) => b.throughputPerSec)).toEqual([200, 100, 600]);
  });

  it("gives mean, p95 (type 7) and max latency per bin", () => {
    // Bin [0, 10): latencies 2, 4, 9 ms: mean 5; p95 at h = 2·0.95 = 1.9: 4 + 0.9·(9 − 4) = 8.5; max 9.
    const b = series(10, 0, 20, [[1, 2], [5, 4], [9, 9], [12, 7]]).bins[0]!;
    expect([b.latencyMeanMs, b.latencyMaxMs]).toEqual([5, 9]);
    expect(b.latencyP95Ms).toBeCloseTo(8.5, 9);
  });

  it("an empty bin has zero counts, throughput and latency figures (never NaN)", () => {
    const b = series(10, 0, 30, [[25, 3]]).bins[1]!;
    expect(b).toEqual({ startMs: 10, endMs: 20, completed: 0, dropped: 0, throughputPerSec: 0, latencyMeanMs: 0, latencyP95Ms: 0, latencyMaxMs: 0 });
  });

  it("counts drops in the bin of their time", () => {
    const s = series(10, 0, 30, [[29, 1]], [3, 12, 18]);
    expect(s.bins.map((b) => b.dropped)).toEqual([1, 2, 0]);
  });

  it("a bin wider than the window gives one bin [T0, T1]", () => {
    // 4 completions over [0, 8] ms = 500/s.
    const s = series(100, 0, 8, [[2, 2], [4, 2], [6, 2], [8, 2]]);
    expect(s.bins).toHaveLength(1);
    expect(s.bins[0]).toMatchObject({ startMs: 0, endMs: 8, completed: 4, throughputPerSec: 500 });
  });

  it("counts warm-up requests too (it shows the whole run)", () => {
    // Requests at 0 and 1 complete at 1 and 2; warm-up 1. Window [0, 2] in bins of 1 ms: [0, 1)
    // and [1, 2], which holds both (2 ms is T1), the warm-up request included.
    const r = collect({ warmupRequests: 1, binMs: 1 }, [{ at: 0, done: 1 }, { at: 1, done: 2 }]);
    expect(r.timeSeries!.bins.map((b) => b.completed)).toEqual([0, 2]);
  });
});

describe("the time series' bounds", () => {
  it("a drop after T1 is counted in the last bin, so the bins add up to the run's drops", () => {
    // T0 = 0, T1 = 20 ms, bins of 10 ms: [0, 10) and [10, 20]; a drop at 25 ms goes to the second.
    const rec = new SeriesRecorder(ms(10));
    rec.complete(ms(20), ms(5));
    rec.drop(ms(25));
    const s = rec.series(0, ms(20));
    expect(s.bins.map((b) => [b.completed, b.dropped])).toEqual([[0, 0], [1, 1]]);
  });

  it("more than a million bins is an error that names metrics.binMs", () => {
    // 1 ns bins over a 2 ms run: 2,000,000 bins.
    const rec = new SeriesRecorder(1);
    expect(() => rec.series(0, ms(2))).toThrow(/metrics\.binMs: 0\.000001 ms bins would cut the run's 2 ms into 2000000 bins \(at most 1000000\)/);
  });
});
