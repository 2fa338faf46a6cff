// The default divide-and-conquer search against search: exact (every articulation cut and every
// region cut vector) on the zoo, each plan within the accuracy budget; and on inception-v3 a plan
// inside a region that is predecessor-closed with bits on every boundary tensor.
import { describe, expect, it } from "vitest";
import { coachSearch } from "../../../src/schedulers/planning/coach-search.js";
import { resolveRoute } from "../../../src/schedulers/planning/route.js";
import { run } from "../../scenario-runs/helpers.js";
import { withContext } from "../decc/helpers.js";

function plan(model: string, mbps: number, search: string): Record<string, unknown> {
  const { report } = run({
    name: "coach-search",
    nodes: { cam: { device: "jetson-xavier-nx" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: mbps } },
    workload: { model, arrivals: { kind: "batch" }, requests: 1 },
    estimator: "oracle",
    schedulers: ["coach"],
    options: { coach: { mode: "offline-only", search } },
  }, "coach");
  return (report.policy!["plans"] as Record<string, unknown>[])[0]!;
}

const bottleneck = (p: Record<string, unknown>): number => Math.max(...Object.values(p["stagesMs"] as Record<string, number>));

describe("coach: divide and conquer against exact search", () => {
  for (const model of ["vgg16", "alexnet", "resnet50"]) {
    it(`${model} at 5, 20, 100 Mbit/s: bottleneck within 5 % of exact's, loss within 0.5 points`, () => {
      for (const mbps of [5, 20, 100]) {
        const dc = plan(model, mbps, "dc");
        const exact = plan(model, mbps, "exact");
        expect(bottleneck(dc) / bottleneck(exact), `${model} ${mbps}`).toBeLessThanOrEqual(1.05);
        expect(bottleneck(exact)).toBeLessThanOrEqual(bottleneck(dc)); // exact is exact over the same space
        for (const p of [dc, exact]) expect(p["lossPct"] as number).toBeLessThanOrEqual(0.5 + 1e-9);
        // dc tries far fewer plans than exact on the DAGs (exact: every region vector)
        if (model === "resnet50") expect(dc["evaluated"] as number).toBeLessThan(exact["evaluated"] as number);
      }
    });
  }

  it("inception-v3 at 100 Mbit/s: a plan inside a region, predecessor-closed, every boundary tensor with its bits", () => {
    const choice = withContext({
      name: "coach-v3",
      nodes: { cam: { device: "jetson-xavier-nx" }, cloud: { device: "a100" } },
      links: { up: { from: "cam", to: "cloud", bandwidthMbps: 100 } },
      workload: { model: "inception-v3", arrivals: { kind: "batch" }, requests: 1 },
      estimator: "oracle",
    }, (ctx) => {
      const m = ctx.model("inception-v3");
      const route = resolveRoute(ctx, 0, undefined);
      const costs = { quantizePass: true, lookupNs: () => 0, sendNs: (b: number) => ctx.transferNs(0, b) };
      return { m, c: coachSearch(ctx, m, route, costs, { search: "dc", objective: "lexicographic", weight: 0.1, bubbleStages: "all", budgetPct: 0.5, combine: "sum", window: 2 }) };
    });
    const { m, c } = choice;
    const mask = new Uint8Array(m.layerCount);
    for (const v of c.device) mask[v] = 1;
    expect(m.isPredecessorClosed(mask)).toBe(true);
    expect(c.label.split("+").length).toBeGreaterThan(1); // several maximal device layers: branches of one region
    expect(Array.from(c.tensors)).toEqual(Array.from(m.boundaryOf(mask)));
    expect(c.tensors.length).toBeGreaterThan(1);
    expect(c.bits).toHaveLength(c.tensors.length);
    for (const b of c.bits) expect([2, 3, 4, 5, 6, 7, 8, 16, 32]).toContain(b);
    expect(c.lossPct).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(c.device.length + c.cloud.length).toBe(m.layerCount);
  });
});
