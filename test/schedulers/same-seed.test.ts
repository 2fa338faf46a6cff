// Same scenario, same seed: the paper schedulers give byte-identical report JSON and
// requests.csv (their own columns included: `order`, `exit`). Each case puts randomness where the
// scheduler meets it (Poisson arrivals, a trace read from a random offset, compute noise), so a
// different seed must change what happened, not only the seed and hash the report repeats.
// One case per scheduler: a new scheduler adds one entry to CASES.
import { describe, expect, it } from "vitest";
import { requestsCsv } from "../../src/metrics/csv.js";
import type { RunReport } from "../../src/metrics/report.js";
import { loadScenario } from "../../src/scenario/load.js";
import { requestCsvOptions } from "../../src/scenario/request-csv-options.js";
import { runScenario } from "../../src/scenario/run.js";
import { BUILTIN_SCHEDULERS } from "../../src/scenario/scheduler-source.js";

interface Case {
  scheduler: string;
  file: string;
  sets: string[];
  /** The request column the scheduler adds, which must be in the CSV compared. */
  column: string;
  /** That the --set values took: the run is the case described. */
  check: (report: RunReport) => void;
}

const CASES: Case[] = [
  {
    // A Poisson stream of VGG-16 jobs planned 5 at a time, over the LTE-like trace read from a
    // random offset per seed: the arrivals, the windows and the rates each plan sees move with it.
    scheduler: "job-offloading",
    file: "scenarios/papers/job-offloading.yaml",
    sets: [
      "workload.arrivals={kind: poisson, ratePerSec: 2}",
      "workload.requests=60",
      "links.up.trace=../../traces/lte-like-uplink.csv",
      "links.up.offsetS=random",
      "options.job-offloading.windowRequests=5",
    ],
    column: "order",
    check: (report) => {
      expect(report.policy!["windows"]).toBe(12); // 60 requests, one per instant, 5 a window
      expect(report.traceOffsetS?.["up"]).toBeGreaterThan(0);
    },
  },
  {
    // The paper scenario's resnet18 with a deadline, under Poisson load and compute noise.
    scheduler: "edgent",
    file: "scenarios/papers/edgent.yaml",
    sets: ["workload.arrivals={kind: poisson, ratePerSec: 4}", "workload.requests=60", "noise.compute={kind: lognormal, cv: 0.1}"],
    column: "exit",
    check: (report) => {
      expect(report.requests.completed).toBe(60);
      expect(report.resources["pi"]!.busyMs).toBeGreaterThan(0);
    },
  },
  {
    // ResNet-18 at Poisson 5 frames/s over the LTE-like trace from a random offset: the rate each
    // decision sees, and so the cut and the light/heavy mode, move with the seed.
    scheduler: "dads",
    file: "scenarios/papers/dads.yaml",
    sets: [
      "workload.arrivals={kind: poisson, ratePerSec: 5}",
      "workload.requests=200",
      "links.up.trace=../../traces/lte-like-uplink.csv",
      "links.up.offsetS=random",
    ],
    column: "mode",
    check: (report) => {
      expect(report.requests.completed).toBe(200);
      expect(report.policy!["decisions"]).toBeGreaterThan(1); // the trace moves the estimate (40 s of it)
    },
  },
  {
    // GoogLeNet at Poisson 10 frames/s over the LTE-like trace from a random offset, the rate
    // estimated from the arrivals: the estimates each plan is made with move with the seed.
    scheduler: "decc",
    file: "scenarios/papers/decc.yaml",
    sets: [
      "workload.arrivals={kind: poisson, ratePerSec: 10}",
      "workload.requests=300",
      "links.up.bandwidthMbps=null",
      "links.up.trace=../../traces/lte-like-uplink.csv",
      "links.up.offsetS=random",
      "options.decc.rate=estimate",
    ],
    column: "cut", // decc adds no column of its own: its choice is the cut
    check: (report) => {
      expect(report.requests.completed).toBe(300);
      expect(report.policy!["replans"]).toBeGreaterThan(1);
    },
  },
  {
    // ResNet-50 at 30 frames/s over the LTE-like trace from a random offset, with the semantic
    // cache and online bits on: the scene, the hits' correctness draws and the estimates move.
    scheduler: "coach",
    file: "scenarios/papers/coach.yaml",
    sets: [
      "workload.requests=300",
      "links.up.bandwidthMbps=null",
      "links.up.trace=../../traces/lte-like-uplink.csv",
      "links.up.offsetS=random",
    ],
    column: "cacheHit",
    check: (report) => {
      expect(report.requests.completed).toBe(300);
      expect(report.policy!["hitRatio"]).toBeGreaterThan(0);
    },
  },
];

function runCase(c: Case, seed: number): { json: string; csv: string; varying: string } {
  const s = loadScenario(c.file, { sets: c.sets, seed });
  const r = runScenario(s, c.scheduler);
  c.check(r.report);
  const { seed: _seed, scenarioHash: _hash, ...rest } = r.report as unknown as Record<string, unknown>;
  return {
    json: JSON.stringify(r.report, null, 2),
    csv: requestsCsv(r.requests, requestCsvOptions(s, BUILTIN_SCHEDULERS, c.scheduler)),
    // What the run did, without the fields that only repeat the seed.
    varying: JSON.stringify(rest),
  };
}

describe.each(CASES)("$scheduler: same seed, same results", (c) => {
  it("two runs with seed 1 give byte-identical report JSON and requests.csv", () => {
    const a = runCase(c, 1);
    const b = runCase(c, 1);
    expect(a.csv.split("\n")[0]!.split(",")).toContain(c.column);
    expect(a.json).toBe(b.json);
    expect(a.csv).toBe(b.csv);
  });

  it("seed 2 changes the requests and the report beyond its seed and hash", () => {
    const a = runCase(c, 1);
    const b = runCase(c, 2);
    expect(a.csv).not.toBe(b.csv);
    expect(a.varying).not.toBe(b.varying);
  });
});
