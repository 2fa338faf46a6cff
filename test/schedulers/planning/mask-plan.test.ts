// maskPlan: a prefix's mask gives splitPlan's plan (same steps, the same cost objects, same summary),
// and a non-prefix set runs exactly its layers on each side and sends each boundary tensor once.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/scenario/run.js";
import type { SchedulerContext } from "../../../src/schedulers/context.js";
import { maskCut } from "../../../src/schedulers/planning/mask-cut.js";
import { maskPlan } from "../../../src/schedulers/planning/mask-plan.js";
import { resolveRoute } from "../../../src/schedulers/planning/route.js";
import { splitPlan } from "../../../src/schedulers/planning/split-plan.js";
import type { Model } from "../../../src/workload/model.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

/** Runs `f` with a real context of a phone → cloud scenario running `model` (then drops the request). */
function withContext(model: unknown, f: (ctx: SchedulerContext) => void): void {
  let done = false;
  runScenario(scenarioFrom({
    name: "mask-plan", model,
    nodes: { phone: { device: "raspberry-pi-4" }, cloud: { device: "t4" } },
    links: { up: { from: "phone", to: "cloud", bandwidthMbps: 8, latencyMs: 5 }, down: { from: "cloud", to: "phone", bandwidthMbps: 8 } },
    workload: { arrivals: { kind: "periodic", fps: 1 }, requests: 1 },
  }), { name: "probe", plan(_req, ctx) { if (!done) f(ctx); done = true; return null; } });
}

const prefixMask = (model: Model, k: number): Uint8Array => Uint8Array.from({ length: model.layerCount }, (_, v) => (v < k ? 1 : 0));

describe("maskPlan", () => {
  for (const id of ["vgg16", "resnet18", "googlenet"]) {
    it(`${id}: every prefix mask gives splitPlan's plan (with the prefix's label)`, () => {
      withContext(id, (ctx) => {
        const model = ctx.model(id);
        const route = resolveRoute(ctx, 0, undefined);
        for (const cut of model.prefixCuts()) {
          for (const bits of [8, 32]) {
            const m = { ...maskCut(model, prefixMask(model, cut.upstreamCount)), label: cut.label };
            expect(maskPlan(ctx, model, route, m, bits)).toEqual(splitPlan(ctx, model, route, cut, bits));
          }
        }
      });
    });
  }

  it("vgg16 (a chain): the mask's own label is the prefix's, so the plans are equal as they come", () => {
    withContext("vgg16", (ctx) => {
      const model = ctx.model("vgg16");
      const route = resolveRoute(ctx, 0, undefined);
      for (const cut of model.prefixCuts())
        expect(maskPlan(ctx, model, route, maskCut(model, prefixMask(model, cut.upstreamCount)), 32)).toEqual(splitPlan(ctx, model, route, cut, 32));
    });
  });

  it("a non-prefix set: its layers upstream, the rest downstream, a tensor read by two cloud layers sent once", () => {
    // input → a → {b, c}; b, c → d. Upstream {a}: a's 100 fp32 elements go once (400 B, no header),
    // although b and c both read them; b, c, d run on the cloud.
    const model = {
      name: "fork", input: { shape: [10] },
      layers: [
        { name: "a", outputShape: [100], macs: 1000 },
        { name: "b", inputs: ["a"], outputShape: [10], macs: 1000 },
        { name: "c", inputs: ["a"], outputShape: [10], macs: 1000 },
        { name: "d", inputs: ["b", "c"], outputShape: [10], macs: 1000 },
      ],
    };
    withContext(model, (ctx) => {
      const m = ctx.model("fork");
      const route = resolveRoute(ctx, 0, undefined);
      const plan = maskPlan(ctx, m, route, maskCut(m, Uint8Array.of(1, 0, 0, 0)), 32);
      const header = ctx.headerBytes;
      expect(plan.steps.map((s) => s.kind)).toEqual(["compute", "transfer", "compute", "transfer"]);
      expect(plan.steps[0]).toMatchObject({ station: 0, cost: ctx.computeCost(0, m, [0]) });
      expect(plan.steps[1]).toMatchObject({ link: route.uplink, bytes: 400 + header });
      expect(plan.steps[2]).toMatchObject({ station: 1, cost: ctx.computeCost(1, m, [1, 2, 3]) });
      expect(plan.summary).toMatchObject({ cut: "a", bits: 32, bytesSent: 400 + header });
      // Upstream {a, b}: a (read by c) and b (read by d) are both sent, label "b" (a is not maximal).
      const two = maskPlan(ctx, m, route, maskCut(m, Uint8Array.of(1, 1, 0, 0)), 32);
      expect(two.summary).toMatchObject({ cut: "b", bytesSent: 400 + 40 + 2 * header });
      expect(two.steps[2]).toMatchObject({ cost: ctx.computeCost(1, m, [2, 3]) });
    });
  });
});
