// Branch-parallel plans against the simulator and against search written here: the regions DECC
// finds in the zoo, a ResNet cut inside a block sending both tensors it must, the planned makespan
// equal to the simulated one to the nanosecond, and on a two-module GoogLeNet the planner's best
// equal to exhaustive search over every (single cut | region, cut vector, order).
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/scenario/run.js";
import { branchPlan, orderedBranches } from "../../../src/schedulers/planning/branch-plan.js";
import { deccCosts } from "../../../src/schedulers/planning/decc-costs.js";
import { regionMakespan } from "../../../src/schedulers/planning/decc-search.js";
import { forkJoinRegions } from "../../../src/schedulers/planning/fork-join-regions.js";
import { resolveRoute } from "../../../src/schedulers/planning/route.js";
import { articulationLayers } from "../../../src/schedulers/planning/series-parallel.js";
import { splitPlan } from "../../../src/schedulers/planning/split-plan.js";
import { Model } from "../../../src/workload/model.js";
import { builtinModel } from "../../../src/workload/builtin-models.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";
import { emptySystemMakespan, googlenetTwoModules, oneRequest, permutations, simulate, withContext } from "./helpers.js";

const STYLE = { coalesce: false, serialEdge: true, serialCloud: true };
const model = (id: string) => new Model(builtinModel(id)!);

describe("fork–join regions of the zoo", () => {
  it("googlenet: 9 inception modules, branches of 1, 2, 2, 2 layers: 2·3·3·3 cut vectors each", () => {
    const { regions, skipped } = forkJoinRegions(model("googlenet"));
    expect([regions.length, skipped]).toEqual([9, 0]);
    for (const r of regions) expect(r.branches.map((b) => b.length)).toEqual([2, 3, 3, 3]);
  });

  it("resnet50: 16 blocks; the 4 with a projection have 2 branches, the 12 identity ones 1 plus the shortcut", () => {
    const { regions } = forkJoinRegions(model("resnet50"));
    expect(regions).toHaveLength(16);
    expect(regions.filter((r) => r.forkReadByTail)).toHaveLength(12);
    expect(regions.filter((r) => r.branches.length === 2)).toHaveLength(4);
  });

  it("inception-v3 Mixed_7b: a branch with a nested region splits 5 ways fine (∅, 1x1, +1x3, +3x1, all), 3 coarse", () => {
    const m = model("inception-v3");
    const fine = forkJoinRegions(m).regions.find((r) => r.label.endsWith("Mixed_7b.concat"))!;
    const coarse = forkJoinRegions(m, undefined, true).regions.find((r) => r.label.endsWith("Mixed_7b.concat"))!;
    // Branches: 1x1; 3x3 (1x1, then 1x3 ‖ 3x1); 3x3dbl (1x1, 3x3, then 1x3 ‖ 3x1); pool (avg, 1x1).
    expect(fine.branches.map((b) => b.length)).toEqual([2, 5, 6, 3]);
    expect(coarse.branches.map((b) => b.length)).toEqual([2, 3, 4, 3]);
    // A nested sub-branch alone on the device sends its own output and leaves its sibling reading the 1x1.
    const half = fine.branches[1]!.find((o) => o.device.length === 2)!;
    expect(half.tensors).toHaveLength(2);
  });

  it("vgg16 and alexnet are chains: no region", () => {
    for (const id of ["vgg16", "alexnet"]) expect(forkJoinRegions(model(id)).regions).toEqual([]);
  });
});

describe("branch plans", () => {
  it("a resnet50 cut inside an identity block sends two tensors: the block input and the residual intermediate", () => {
    const bytes = withContext(oneRequest("resnet50"), (ctx) => {
      const m = ctx.model("resnet50");
      const r = forkJoinRegions(m).regions.find((x) => x.label === "layer1.0.add→layer1.1.add")!;
      const conv1 = r.branches[0]!.findIndex((o) => o.device.length === 1); // layer1.1.conv1 on the device
      const plan = branchPlan(ctx, m, resolveRoute(ctx, 0, undefined), r, [conv1], [0], STYLE);
      const sends = plan.steps.filter((s) => s.kind === "transfer" && s.link === 0);
      return { sends: sends.map((s) => (s.kind === "transfer" ? s.bytes : 0)), total: plan.summary.bytesSent };
    });
    // layer1.0.add: 256×56×56 fp32; layer1.1.conv1: 64×56×56 fp32; 16 B header each.
    expect(bytes.sends).toEqual([256 * 56 * 56 * 4 + 16, 64 * 56 * 56 * 4 + 16]);
    expect(bytes.total).toBe(256 * 56 * 56 * 4 + 16 + 64 * 56 * 56 * 4 + 16);
  });

  it("planned makespan = simulated latency to the ns, for 24 random (region, vector, order) of googlenet", () => {
    const scenario = oneRequest("googlenet");
    let seed = 12345;
    const next = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % k);
    for (let t = 0; t < 24; t++) {
      const pick = withContext(scenario, (ctx) => {
        const m = ctx.model("googlenet");
        const route = resolveRoute(ctx, 0, undefined);
        const { regions } = forkJoinRegions(m);
        const ri = next(regions.length);
        const region = regions[ri]!;
        const choice = region.branches.map((b) => next(b.length));
        const movable = orderedBranches(region, choice);
        const orders = permutations(movable);
        const order = orders[next(orders.length)]!;
        const costs = deccCosts(ctx, m, route, regions);
        const rc = costs.regions[ri]!;
        const opts = region.branches.map((b, i) => b[choice[i]!]!);
        const sendsFork = region.forkReadByTail || opts.some((o) => o.readsFork);
        const forkC = opts.reduce((s, o, i) => s + (o.device.length === 0 ? rc.c[i]![choice[i]!]! : 0), 0);
        const predicted = regionMakespan(costs, rc, choice, order, sendsFork ? rc.forkTx : 0, forkC) + costs.resultTx + costs.downLatency;
        return { ri, choice, order, predicted };
      });
      const simulated = simulate(scenario, (ctx) => {
        const m = ctx.model("googlenet");
        return branchPlan(ctx, m, resolveRoute(ctx, 0, undefined), forkJoinRegions(m).regions[pick.ri]!, pick.choice, pick.order, STYLE);
      });
      expect(simulated, `region ${pick.ri} choice ${pick.choice} order ${pick.order}`).toBe(pick.predicted);
    }
  });
});

describe("decc on a two-module GoogLeNet equals exhaustive search", () => {
  const scenario = oneRequest(googlenetTwoModules(), { links: { up: { from: "cam", to: "cloud", bandwidthMbps: 40, latencyMs: 2 } } });

  it("over every single cut and every (region, cut vector, order), evaluated by list scheduling here", () => {
    const best = withContext(scenario, (ctx) => {
      const m = ctx.model("googlenet-2");
      const route = resolveRoute(ctx, 0, undefined);
      let min = Infinity;
      const cuts = m.prefixCuts();
      for (const k of [0, ...articulationLayers(m).map((a) => a + 1), m.layerCount])
        min = Math.min(min, emptySystemMakespan(ctx, splitPlan(ctx, m, route, cuts[k]!, 32)));
      let count = 0;
      for (const region of forkJoinRegions(m).regions) {
        const vectors = region.branches.reduce<number[][]>((acc, b) => acc.flatMap((v) => b.map((_, i) => [...v, i])), [[]]);
        for (const choice of vectors)
          for (const order of permutations(orderedBranches(region, choice))) {
            min = Math.min(min, emptySystemMakespan(ctx, branchPlan(ctx, m, route, region, choice, order, STYLE)));
            count++;
          }
      }
      return { min, count };
    });
    // Per region, vectors by branches with a device part (k) times k! orders: device options per
    // branch 1, 2, 2, 2, so 1·1 + 7·1 + 18·2 + 20·6 + 8·24 = 356 (of 54 vectors); two regions.
    expect(best.count).toBe(712);
    const s = scenarioFrom({ ...scenario, schedulers: ["decc"], options: { decc: { objective: "latency" } } });
    const { requests, report } = runScenario(s, "decc");
    const flow = (report.policy!["flows"] as Record<string, unknown>[])[0]!;
    expect(Math.round((flow["predictedMakespanMs"] as number) * 1e6)).toBe(best.min);
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(best.min);
  });
});
