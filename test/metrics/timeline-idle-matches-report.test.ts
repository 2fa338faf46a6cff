// Idle slices and the report's bubble accounting agree on every resource of real runs: per resource,
// the idle slices named fill, drain, starved, upstream and held sum to the report's fillMs, drainMs
// and idleByCauseMs, and compute slices sum to busyMs — with noise, batching (held work), several
// sources, a looping bandwidth profile, a sharing link and a two-server station.
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runWithTimeline, type TimelineRun } from "./timeline-helpers.js";

function sums(run: TimelineRun, res: number): Record<string, number> {
  const out: Record<string, number> = { fill: 0, drain: 0, starved: 0, upstream: 0, held: 0 };
  for (const seg of run.recording.idle) if (seg.res === res) out[seg.kind]! += seg.toNs - seg.fromNs;
  return out;
}

const cases: Array<[string, string, string[]]> = [
  ["scenarios/quickstart.yaml", "device-only", ["workload.requests=400"]],
  ["scenarios/quickstart.yaml", "cloud-only", ["workload.requests=400"]],
  ["scenarios/quickstart.yaml", "neurosurgeon", ["workload.requests=400"]],
  ["scenarios/examples/two-cameras.yaml", "cloud-only", []],
  ["scenarios/examples/two-cameras.yaml", "neurosurgeon", []],
  ["scenarios/examples/two-cameras.yaml", "cloud-only", ["links.up2.discipline=shared", "links.up1.discipline=shared"]],
  ["scenarios/examples/two-cameras.yaml", "cloud-only", ["nodes.cloud.servers=2"]],
];

describe("idle slices against the report", () => {
  const causes = { starved: 0, upstream: 0, held: 0 };
  for (const [file, scheduler, sets] of cases) {
    const label = `${file.split("/").pop()} ${scheduler}${sets.length > 0 ? ` (${sets.join(", ")})` : ""}`;
    it(`${label}: idle by kind = fill, drain and idleByCauseMs of every resource; compute slices = busyMs`, () => {
      const run = runWithTimeline(loadScenario(file, { sets }), scheduler);
      run.recording.resources.forEach((info, res) => {
        const r = run.report.resources[info.id]!;
        const s = sums(run, res);
        expect([s.fill! / 1e6, s.drain! / 1e6, s.starved! / 1e6, s.upstream! / 1e6, s.held! / 1e6], info.id).toEqual([
          r.fillMs, r.drainMs, r.idleByCauseMs.starved, r.idleByCauseMs.upstream, r.idleByCauseMs.held,
        ]);
        causes.starved += s.starved!;
        causes.upstream += s.upstream!;
        causes.held += s.held!;
        if (info.kind === "station") {
          const busy = run.recording.slices.filter((x) => x.res === res).reduce((a, x) => a + (x.toNs - x.fromNs), 0);
          expect(busy / 1e6, info.id).toBeCloseTo(r.busyMs, 9);
        }
      });
    });
  }

  it("the cases above exercise every internal cause (starved, upstream and held all occur)", () => {
    expect(causes.starved).toBeGreaterThan(0);
    expect(causes.upstream).toBeGreaterThan(0);
    expect(causes.held).toBeGreaterThan(0);
  });

  it("a sharing link puts overlapping transfers on lanes of their own", () => {
    const run = runWithTimeline(loadScenario("scenarios/examples/two-cameras.yaml", { sets: ["links.up1.discipline=shared", "links.up2.discipline=shared"] }), "cloud-only");
    const lanes = run.events.filter((e) => e.ph === "M" && e.name === "thread_name" && String(e.args?.["name"]).startsWith("transfers (lane"));
    expect(lanes.length).toBeGreaterThan(0);
  });
});
