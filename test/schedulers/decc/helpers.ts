// Shared by the DECC tests: a real scheduler context for a scenario, a one-request run of a given
// plan, an independent empty-system evaluator of a plan's DAG, and the two-module GoogLeNet.
import { runScenario } from "../../../src/scenario/run.js";
import type { SchedulerContext } from "../../../src/schedulers/context.js";
import type { Plan } from "../../../src/workload/plan.js";
import { builtinModel } from "../../../src/workload/builtin-models.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

export const TOPOLOGY = {
  nodes: { cam: { device: "jetson-nano" }, cloud: { device: "t4" } },
  links: {
    up: { from: "cam", to: "cloud", bandwidthMbps: 20, latencyMs: 5 },
    down: { from: "cloud", to: "cam", bandwidthMbps: 20, latencyMs: 5 },
  },
};

export function oneRequest(model: unknown, extra: Record<string, unknown> = {}) {
  return { name: "decc-probe", model, ...TOPOLOGY, workload: { arrivals: { kind: "batch" }, requests: 1 }, estimator: "oracle", ...extra };
}

/** Runs `f` with the context of a one-request run of `scenario` (the request is then refused). */
export function withContext<T>(scenario: unknown, f: (ctx: SchedulerContext) => T): T {
  let out: T | undefined;
  runScenario(scenarioFrom(scenario), { name: "probe", plan(_req, ctx) { out ??= f(ctx); return null; } });
  return out!;
}

/** The simulated latency (ns) of one request run on `make(ctx)`'s plan. */
export function simulate(scenario: unknown, make: (ctx: SchedulerContext) => Plan): number {
  const { requests } = runScenario(scenarioFrom(scenario), { name: "probe", plan: (_req, ctx) => make(ctx) });
  return requests[0]!.completion - requests[0]!.arrival;
}

/**
 * The plan's makespan on an empty system by list scheduling, written independently of the planner:
 * every resource (station or link) one server, FIFO by (ready time, step index); a transfer holds
 * its link for its transmission and is delivered one propagation later.
 */
export function emptySystemMakespan(ctx: SchedulerContext, plan: Plan): number {
  const n = plan.steps.length;
  const done = new Array<number>(n).fill(-1);
  const free = new Map<string, number>();
  for (let left = n; left > 0; left--) {
    let pick = -1;
    let pickReady = Infinity;
    plan.steps.forEach((s, i) => {
      if (done[i]! >= 0 || s.deps.some((d) => done[d]! < 0)) return;
      const ready = Math.max(0, ...s.deps.map((d) => done[d]!));
      if (ready < pickReady) [pick, pickReady] = [i, ready];
    });
    const s = plan.steps[pick]!;
    const res = s.kind === "compute" ? `s${s.station}` : `l${s.link}`;
    const start = Math.max(pickReady, free.get(res) ?? 0);
    if (s.kind === "compute") {
      done[pick] = start + s.cost.ns(1);
      free.set(res, done[pick]!);
    } else {
      const latency = ctx.topology.links[s.link]!.latencyNs;
      const end = start + ctx.transferNs(s.link, s.bytes) - latency;
      free.set(res, end);
      done[pick] = end + latency;
    }
  }
  return Math.max(...done);
}

/** GoogLeNet cut after its second inception module (3b): a stem and two 4-branch regions. */
export function googlenetTwoModules() {
  const spec = builtinModel("googlenet")!;
  const k = spec.layers.findIndex((l) => l.name === "inception3b.concat");
  const layers = spec.layers.slice(0, k + 1).map((l) => ({
    name: l.name, kind: l.kind, inputs: l.inputs, outputShape: l.outputShape, macs: l.macs, weightBytes: l.weightBytes,
    ...(l.geometry ? { geometry: l.geometry } : {}),
  }));
  return { name: "googlenet-2", input: { shape: [3, 224, 224] }, layers };
}

/** Every permutation of xs, in lexicographic order of positions. */
export function permutations(xs: readonly number[]): number[][] {
  if (xs.length <= 1) return [xs.slice()];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** The four branches, (a, d, c) in ms. */
export const JOBS: [number, number, number][] = [[3, 2, 1], [1, 4, 2], [2, 1, 3], [4, 3, 1]];

/**
 * The hand-built inception module (see inception-module.test.ts); 8 Mbit/s = 1,000 B per ms; a fp32 element is 4 B, so d ms is 250·d elements.
 */
export function inceptionScenario(extra: Record<string, unknown> = {}) {
  const branches = JOBS.flatMap(([a, d, c], k) => [
    { name: `b${k + 1}d`, inputs: ["stem"], outputShape: [250 * d], macs: 0, timeMs: { "raspberry-pi-4": a, a100: 1000 } },
    { name: `b${k + 1}c`, inputs: [`b${k + 1}d`], outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 1000, a100: c } },
  ]);
  return {
    name: "inception-module",
    model: {
      name: "module",
      input: { shape: [3, 1000, 1000] }, // 3 MB as uint8: 3 s to send
      layers: [
        { name: "stem", outputShape: [1_000_000], macs: 0, timeMs: { "raspberry-pi-4": 2, a100: 1000 } }, // 4 MB: 4 s
        ...branches,
        { name: "concat", inputs: ["b1c", "b2c", "b3c", "b4c"], outputShape: [40], macs: 0, timeMs: { "raspberry-pi-4": 1000, a100: 1 } },
      ],
    },
    nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 8 } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "batch" }, requests: 1 },
    estimator: "oracle",
    schedulers: ["decc"],
    options: { decc: { objective: "latency", ...extra } },
  };
}

