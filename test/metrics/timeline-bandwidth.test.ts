// Bandwidth counters of the timeline: the estimated series is what the scheduler itself saw (a probe
// scheduler records ctx.bandwidthBps at every plan), and the true series steps exactly as the
// looping profile of two-cameras' up2 link: 50 Mbit/s over trace time [0, 1) and [3, 4) s, 5 over [1, 3),
// period 4 s, so the rate changes every 2 s, starting where the workload's trace offset puts it.
import { describe, expect, it } from "vitest";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { BUILTIN_SCHEDULERS } from "../../src/scenario/scheduler-source.js";
import { timelineLinks } from "../../src/scenario/timeline-links.js";
import { TimelineRecorder } from "../../src/metrics/timeline-recorder.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";

const UP2 = 1;
const s = loadScenario("scenarios/examples/two-cameras.yaml");
const workload = generateWorkload(s);
const inner = BUILTIN_SCHEDULERS.create("cloud-only", {});
const seen: Array<[number, number]> = [];
const probe: Scheduler = {
  name: "probe",
  plan(req, ctx) {
    seen.push([ctx.now, ctx.bandwidthBps(UP2)]);
    return inner.plan(req, ctx);
  },
};
const recorder = new TimelineRecorder({ selection: {}, links: timelineLinks(s, workload, "probe") });
runScenario(s, probe, { workload, observers: [recorder] });
const rec = recorder.recording();

/** The series' value at t: its last point at or before t. */
function at(points: ReadonlyArray<[number, number]>, t: number): number {
  let v = NaN;
  for (const [pt, pv] of points) if (pt <= t) v = pv;
  return v;
}

describe("bandwidth counters", () => {
  it("the estimated series equals the scheduler's own estimate (ewma, alpha 0.3) at every plan", () => {
    const est = rec.bandwidth[UP2]!.estimated!;
    const planned = seen.filter(([t]) => t >= rec.fromNs);
    expect(planned.length).toBeGreaterThan(50);
    // The estimate learns from transfers: it must move, or the comparison proves little.
    expect(new Set(planned.map(([, v]) => v)).size).toBeGreaterThan(5);
    for (const [t, v] of planned) expect(at(est, t)).toBe(v);
  });

  it("the true series alternates 50 and 5 Mbit/s (6.25e6 and 6.25e5 B/s) every 2 s from the trace offset", () => {
    const pts = rec.bandwidth[UP2]!.true!;
    const offsetNs = workload.traceOffsetsNs[UP2]!;
    // Trace time at T0, within the 4 s period; 5 Mbit/s over [1, 3) s, 50 elsewhere.
    const tau = (rec.fromNs + offsetNs) % 4e9;
    const firstRate = tau >= 1e9 && tau < 3e9 ? 6.25e5 : 6.25e6;
    const nextChange = tau < 1e9 ? 1e9 - tau : tau < 3e9 ? 3e9 - tau : 5e9 - tau;
    expect(pts[0]).toEqual([rec.fromNs, firstRate]);
    expect(pts[1]![0]).toBe(rec.fromNs + nextChange);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i]![1]).toBe(pts[i - 1]![1] === 6.25e6 ? 6.25e5 : 6.25e6);
      if (i >= 2) expect(pts[i]![0] - pts[i - 1]![0]).toBe(2e9);
    }
    expect(pts[pts.length - 1]![0]).toBeLessThanOrEqual(rec.toNs);
    expect(rec.toNs - pts[pts.length - 1]![0]).toBeLessThan(2e9);
  });

  it("a constant link has one true step, and the oracle estimator draws no separate estimate", () => {
    const oracle = loadScenario("scenarios/examples/two-cameras.yaml", { sets: ["estimator=oracle"] });
    const links = timelineLinks(oracle, generateWorkload(oracle), "cloud-only");
    expect(links.map((l) => l.estimator)).toEqual([null, null, null, null]);
    expect(rec.bandwidth[0]!.true).toEqual([[rec.fromNs, 2.5e6]]);
  });
});
