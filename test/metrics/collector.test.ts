// The collector's figures on hand-written event sequences: closed forms, idle causes, warm-up,
// quantiles and stable output.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { Collector } from "../../src/metrics/collector.js";
import { requestsCsv } from "../../src/metrics/csv.js";
import type { ResourceInfo } from "../../src/metrics/observer.js";
import { summarize } from "../../src/metrics/stats.js";
import { newRequest, type Request } from "../../src/workload/request.js";

const META = { scenario: "s", scheduler: "x", options: {}, seed: 1, scenarioHash: "h", estimator: "ewma(alpha=0.3)" };

function stations(...servers: number[]): ResourceInfo[] {
  return servers.map((c, i) => ({ id: `r${i}`, kind: "station", servers: c }));
}

/** Feeds a perfect pipeline: request j runs on stage s over [start(j,s), start + p_s]. */
function pipeline(p: number[], m: number, warmup = 0) {
  const c = new Collector({ warmupRequests: warmup });
  c.onSetup(stations(...p.map(() => 1)));
  const reqs: Request[] = [];
  type Ev = { t: number; order: number; run: () => void };
  const evs: Ev[] = [];
  for (let j = 0; j < m; j++) {
    const req = newRequest(j, 0, j, "m", 0, -1);
    reqs.push(req);
    evs.push({ t: 0, order: 0, run: () => c.onArrive(req, 0) });
  }
  // Flow-shop recursion C[s][j] = max(C[s-1][j], C[s][j-1]) + p_s.
  const C: number[][] = p.map(() => []);
  p.forEach((ps, s) => {
    for (let j = 0; j < m; j++) {
      const start = Math.max(s > 0 ? C[s - 1]![j]! : 0, j > 0 ? C[s]![j - 1]! : 0);
      C[s]![j] = start + ps;
      evs.push({ t: ms(start), order: 2, run: () => c.onStart(s, 0, ms(start)) });
      evs.push({ t: ms(start + ps), order: 1, run: () => c.onEnd(s, 0, ms(start + ps)) });
    }
  });
  for (let j = 0; j < m; j++) {
    const done = ms(C[p.length - 1]![j]!);
    evs.push({ t: done, order: 1.5, run: () => { reqs[j]!.completion = done; c.onComplete(reqs[j]!, done); } });
  }
  evs.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const e of evs) e.run();
  c.onFinish(evs[evs.length - 1]!.t);
  return c.report(META);
}

describe("Collector on closed forms", () => {
  it("equal stages p=3, m=4, t=10 ms: makespan 60 ms and bubble 2/6", () => {
    const r = pipeline([10, 10, 10], 4);
    expect(r.makespanMs).toBe(60);
    expect(r.bubbleRatio.overall).toBeCloseTo(2 / 6, 9);
    // Stage 0 runs 0-40: no fill, 20 ms drain; stage 2 runs 20-60: 20 ms fill, no drain.
    expect([r.resources["r0"]!.fillMs, r.resources["r0"]!.drainMs]).toEqual([0, 20]);
    expect([r.resources["r2"]!.fillMs, r.resources["r2"]!.drainMs]).toEqual([20, 0]);
    expect(r.resources["r1"]!.internalIdleMs).toBe(0);
  });

  it("unequal stages a=10, b=30, c=20, m=3: makespan Σp + (m-1)·max = 120 ms", () => {
    const r = pipeline([10, 30, 20], 3);
    expect(r.makespanMs).toBe(120);
    expect(r.resources["r0"]!.bubbleRatio).toBeCloseTo(1 - 30 / 120, 9);
    expect(r.resources["r1"]!.bubbleRatio).toBeCloseTo(1 - 90 / 120, 9);
    expect(r.resources["r2"]!.bubbleRatio).toBeCloseTo(1 - 60 / 120, 9);
    // Stage 2 runs 40-60, 70-90, 100-120: two 10 ms gaps waiting on the 30 ms stage.
    expect(r.resources["r2"]!.idleByCauseMs).toEqual({ starved: 0, upstream: 20, held: 0 });
    expect(r.resources["r2"]!.activeBubbleRatio).toBeCloseTo(1 - 60 / 80, 9);
  });

  it("latency and throughput leave out the warm-up requests", () => {
    // Completions at 30, 40, 50, 60 ms; warm-up 1 leaves latencies 40, 50, 60 and throughput
    // 3 requests over [arrival of request 1 = 0, 60 ms] = 50/s.
    const r = pipeline([10, 10, 10], 4, 1);
    expect(r.latencyMs.mean).toBe(50);
    expect(r.latencyMs.max).toBe(60);
    expect(r.throughputPerSec).toBe(50);
  });
});

describe("idle causes", () => {
  it("splits a two-server resource's internal idle into starved, upstream and held", () => {
    const c = new Collector({ warmupRequests: 0 });
    c.onSetup(stations(2));
    const a = newRequest(0, 0, 0, "m", 0, -1);
    const b = newRequest(1, 0, 1, "m", ms(50), -1);
    c.onArrive(a, 0);
    c.onStart(0, 0, 0); // server 0 busy 0-10
    c.onStart(0, 1, 0); // server 1 busy 0-5
    c.onEnd(0, 1, ms(5));
    c.onEnd(0, 0, ms(10)); // a still in the system, nothing waiting: upstream 10-20 (server 0)
    c.onQueue(0, 1, ms(20)); // a ready work waits but is held until 30
    c.onQueue(0, 0, ms(30));
    c.onStart(0, 0, ms(30));
    c.onEnd(0, 0, ms(40));
    a.completion = ms(40);
    c.onComplete(a, ms(40)); // system empty 40-50: starved
    c.onArrive(b, ms(50));
    c.onStart(0, 1, ms(50));
    c.onEnd(0, 1, ms(60));
    c.onQueue(0, 0, ms(60));
    c.onStart(0, 0, ms(60));
    c.onEnd(0, 0, ms(70));
    b.completion = ms(70);
    c.onComplete(b, ms(70));
    const r = c.report(META).resources["r0"]!;
    // Server 0, active 0-70: idle 10-20 upstream, 20-30 held, 40-50 starved, 50-60 upstream.
    // Server 1, active 0-60: idle 5-20 upstream, 20-30 held, 30-40 upstream, 40-50 starved.
    // Upstream = (10 + 10) + (15 + 10) = 45; internal idle = 40 + 45 = 85.
    expect(r.idleByCauseMs).toEqual({ starved: 20, upstream: 45, held: 20 });
    expect(r.internalIdleMs).toBe(85);
    expect(r.drainMs).toBe(10); // server 1 ends at 60, the run at 70
  });
});

describe("statistics and output", () => {
  it("quantiles interpolate linearly between order statistics (type 7)", () => {
    const s = summarize(Float64Array.from([4, 1, 3, 2]));
    // p90: h = (4-1)·0.9 = 2.7 -> x[2] + 0.7·(x[3] - x[2]) = 3.7; p50 = 2.5.
    expect([s.p50, s.p90, s.mean, s.max]).toEqual([2.5, 3.7, 2.5, 4]);
  });

  it("writes requests.csv with times in ms to six decimals and empty cells for a dropped request", () => {
    const a = newRequest(0, 0, 0, "vgg16", 1, -1);
    Object.assign(a, { completion: 2_500_001, cut: "pool5", bits: 8, bytesSent: 25104, queueingNs: 1000, computeNs: 2_000_000, transferNs: 499_000 });
    const b = newRequest(1, 1, 0, "vgg16", 3_000_000, 5_000_000);
    b.dropped = true;
    expect(requestsCsv([b, a])).toBe(
      "id,source,model,arrivalMs,completionMs,latencyMs,queueingMs,computeMs,transferMs,cut,bits,bytes,accuracyLossPct,deadlineMet,dropped\n" +
        "0,0,vgg16,0.000001,2.500001,2.500000,0.001000,2.000000,0.499000,pool5,8,25104,0,,false\n" +
        "1,1,vgg16,3.000000,,,0.000000,0.000000,0.000000,,0,0,0,false,true\n",
    );
  });

  it("builds the report with a stable key order", () => {
    const keys = Object.keys(pipeline([10], 1));
    expect(keys).toEqual([
      "scenario", "scheduler", "options", "estimator", "seed", "scenarioHash", "requests", "latencyMs", "throughputPerSec",
      "makespanMs", "window", "bubbleRatio", "resources", "accuracy",
    ]);
  });
});
