// The content process in a run: each request carries its source's scene label (`req.content`) and
// the scheduler reads its closeness through `ctx.closeness(req)`. Labels are drawn once per
// (scenario, seed) from the source's own stream `content/<i>`, so they depend on nothing else: not on
// other sources, not on which schedulers run, not on a scheduler's own random draws (DESIGN §2).
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/core/random.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { runScenario } from "../../src/scenario/run.js";
import type { Scheduler, SchedulerContext } from "../../src/schedulers/scheduler.js";
import { drawContent } from "../../src/workload/content.js";
import { makePlan } from "../../src/workload/plan.js";
import type { Request } from "../../src/workload/request.js";
import { scenarioFrom } from "./helpers.js";

const CONTENT = { labels: ["road", "park", "home"], stayProb: 0.8, closeness: { kind: "beta", a: 2, b: 5 } };

/** One node, a one-layer 1 ms model, periodic sources at 100 fps of 200 requests each. */
function scenario(o: { sources: Array<{ content?: object }>; seed?: number; schedulers?: string[] }) {
  return scenarioFrom({
    name: "content",
    seed: o.seed ?? 4,
    model: { name: "one", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 1 }] },
    nodes: { box: { device: "jetson-nano", servers: 4 } },
    sources: o.sources.map((s) => ({ at: "box", arrivals: { kind: "periodic", fps: 100 }, requests: 200, ...s })),
    schedulers: o.schedulers ?? ["device-only"],
  });
}

/** Label of every request of `source`, by request index. */
function labelsOf(requests: readonly Request[], source: number): number[] {
  return requests.filter((r) => r.source === source).sort((a, b) => a.index - b.index).map((r) => r.content);
}

type Seen = Map<string, { content: number; closeness: number }>;

/** A scheduler that runs each request on its origin and records what it sees of the content. */
function recorder(name: string, seen: Seen): Scheduler {
  return {
    name,
    plan(req: Request, ctx: SchedulerContext) {
      seen.set(`${req.source}/${req.index}`, { content: req.content, closeness: ctx.closeness(req) });
      const cost = ctx.computeCost(ctx.source(req.source).origin, ctx.model(req.model), [0]);
      return makePlan([{ kind: "compute", station: ctx.source(req.source).origin, cost, deps: [] }], { cut: "work", bits: 0, bytesSent: 0, accuracyLossPct: 0 });
    },
  };
}

describe("content labels in a run", () => {
  it("req.content is the label drawn from the source's stream content/<i>", () => {
    const s = scenario({ sources: [{}, { content: CONTENT }] });
    const { requests } = runScenario(s, "device-only");
    const expected = drawContent(s.sources[1]!.content!, 200, createStream(4, "content/1")).label;
    expect(labelsOf(requests, 1)).toEqual(Array.from(expected));
  });

  it("the same scenario and seed give identical labels", () => {
    const s = () => scenario({ sources: [{ content: CONTENT }] });
    expect(labelsOf(runScenario(s(), "device-only").requests, 0)).toEqual(labelsOf(runScenario(s(), "device-only").requests, 0));
  });

  it("another seed gives other labels", () => {
    const a = labelsOf(runScenario(scenario({ sources: [{ content: CONTENT }], seed: 4 }), "device-only").requests, 0);
    const b = labelsOf(runScenario(scenario({ sources: [{ content: CONTENT }], seed: 5 }), "device-only").requests, 0);
    expect(b).not.toEqual(a);
  });

  it("adding a second source does not change the first source's labels", () => {
    const one = runScenario(scenario({ sources: [{ content: CONTENT }] }), "device-only").requests;
    const two = runScenario(scenario({ sources: [{ content: CONTENT }, { content: { labels: 7, stayProb: 0.3 } }] }), "device-only").requests;
    expect(labelsOf(two, 0)).toEqual(labelsOf(one, 0));
    expect(labelsOf(two, 0)).toHaveLength(200);
  });

  it("adding a scheduler to the scenario does not change the labels", () => {
    const one = scenario({ sources: [{ content: CONTENT }] });
    const two = scenario({ sources: [{ content: CONTENT }], schedulers: ["cloud-only", "device-only"] });
    expect(labelsOf(runScenario(two, "device-only").requests, 0)).toEqual(labelsOf(runScenario(one, "device-only").requests, 0));
    expect(Array.from(generateWorkload(two).sources[0]!.content!.closeness)).toEqual(Array.from(generateWorkload(one).sources[0]!.content!.closeness));
  });

  it("every scheduler sees the same label and closeness for each request", () => {
    const s = scenario({ sources: [{ content: CONTENT }, { content: { labels: 2, stayProb: 0.5, closeness: { kind: "uniform" } } }] });
    const [a, b]: [Seen, Seen] = [new Map(), new Map()];
    runScenario(s, recorder("rec-a", a));
    // The second draws from its own random stream before each plan: that may not shift the
    // content it sees.
    const base = recorder("rec-b", b);
    runScenario(s, { ...base, plan: (req, ctx) => (ctx.rng("coin").next(), base.plan(req, ctx)) });
    expect(a.size).toBe(400);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    const w = generateWorkload(s);
    for (const [key, v] of a) {
      const [src, index] = key.split("/").map(Number) as [number, number];
      expect(v).toEqual({ content: w.sources[src]!.content!.label[index], closeness: w.sources[src]!.content!.closeness[index] });
      expect(v.closeness >= 0 && v.closeness <= 1).toBe(true);
    }
  });
});

describe("a source without content", () => {
  it("has req.content -1 and ctx.closeness NaN, next to a source with content", () => {
    const seen: Seen = new Map();
    runScenario(scenario({ sources: [{ content: CONTENT }, {}] }), recorder("rec", seen));
    const plain = [...seen.entries()].filter(([k]) => k.startsWith("1/")).map(([, v]) => v);
    expect(plain).toHaveLength(200);
    expect(plain.every((v) => v.content === -1 && Number.isNaN(v.closeness))).toBe(true);
    const withContent = [...seen.entries()].filter(([k]) => k.startsWith("0/")).map(([, v]) => v);
    expect(withContent.every((v) => v.content >= 0 && v.content < 3 && v.closeness >= 0 && v.closeness <= 1)).toBe(true);
  });

  it("draws no content at all when no source has it", () => {
    const s = scenario({ sources: [{}] });
    expect(generateWorkload(s).sources[0]!.content).toBeNull();
    expect(runScenario(s, "device-only").requests.every((r) => r.content === -1)).toBe(true);
  });
});
