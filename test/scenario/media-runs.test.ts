// Shared media (issue 22, item 1): links on one medium are served by ONE server, FIFO or processor
// sharing across all of them, and reported as one resource. Times by hand: 8 Mbit/s = 1e6 B/s, so
// 1 MB (1e6 B) takes 1 s alone; each medium and link has a 5 ms latency.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { runScenario } from "../../src/scenario/run.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";
import { makePlan } from "../../src/workload/plan.js";
import type { Request } from "../../src/workload/request.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

const MB = 1_000_000;
const FREE = { name: "free", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 0 }] };
const NODES = { host: { device: "jetson-nano" }, es1: { device: "a100" }, es2: { device: "a100" } };
const OWN = { bandwidthMbps: 8, latencyMs: 5 };
/** host -> ES1, host -> ES2 and ES1 -> host, all on the medium `wifi`. */
const ON_WIFI = { h1: { from: "host", to: "es1", medium: "wifi" }, h2: { from: "host", to: "es2", medium: "wifi" }, back: { from: "es1", to: "host", medium: "wifi" } };
const INDEPENDENT = { h1: { from: "host", to: "es1", ...OWN }, h2: { from: "host", to: "es2", ...OWN }, back: { from: "es1", to: "host", ...OWN } };

function scenario(links: object, media: object = {}, extra: object = {}) {
  return scenarioFrom({
    name: "media", model: FREE, nodes: NODES, links, media, wire: { headerBytes: 0 },
    sources: [{ at: "host", arrivals: { kind: "batch" }, requests: 2 }], schedulers: ["cloud-only"], ...extra,
  });
}

/** Sends each request's 1 MB over the link `route` names for it, and nothing else. */
function sender(route: (req: Request) => string, hooks: Partial<Scheduler> = {}): Scheduler {
  return {
    name: "sender",
    plan(req, ctx) {
      const link = ctx.topology.links.findIndex((l) => l.name === route(req));
      return makePlan([{ kind: "transfer", link, bytes: MB, deps: [] }], { cut: "input", bits: 8, bytesSent: MB, accuracyLossPct: 0 });
    },
    ...hooks,
  };
}
/** Request 0 over h1, request 1 over h2. */
const SPLIT = sender((req) => (req.id === 0 ? "h1" : "h2"));

const completions = (r: ReturnType<typeof runScenario>): number[] => r.requests.map((q) => q.completion).sort((a, b) => a - b);

describe("a fifo medium", () => {
  it("serves two transfers released together on different links one after the other (1 s, then 2 s, + latency)", () => {
    const r = runScenario(scenario(ON_WIFI, { wifi: OWN }), SPLIT);
    expect(r.requests.map((q) => q.completion)).toEqual([ms(1005), ms(2005)]);
  });

  it("whereas independent links send both at once (1 s + latency each)", () => {
    const r = runScenario(scenario(INDEPENDENT), SPLIT);
    expect(r.requests.map((q) => q.completion)).toEqual([ms(1005), ms(1005)]);
  });

  it("serializes a host -> ES1 transfer and an ES1 -> host transfer", () => {
    const s = scenario(ON_WIFI, { wifi: OWN }, {
      sources: [{ at: "host", arrivals: { kind: "batch" }, requests: 1 }, { at: "es1", arrivals: { kind: "batch" }, requests: 1 }],
    });
    const r = runScenario(s, sender((req) => (req.source === 0 ? "h1" : "back")));
    expect(completions(r)).toEqual([ms(1005), ms(2005)]);
  });

  it("is one resource in the report, named after the medium, busy while either link sends", () => {
    const { report } = runScenario(scenario(ON_WIFI, { wifi: OWN }), SPLIT);
    expect(Object.keys(report.resources)).toEqual(["host", "es1", "es2", "wifi"]);
    expect(report.resources["wifi"]).toMatchObject({ kind: "link", servers: 1, busyMs: 2000 });
  });
});

describe("a shared medium", () => {
  it("shares its rate between transfers on different links: both finish at 2 s (+ latency)", () => {
    const r = runScenario(scenario(ON_WIFI, { wifi: { ...OWN, discipline: "shared" } }), SPLIT);
    expect(r.requests.map((q) => q.completion)).toEqual([ms(2005), ms(2005)]);
    expect(r.report.resources["wifi"]!.busyMs).toBe(2000);
  });

  it("gives one estimator to all its links: h2 learns the contended rate (0.5e6 B/s) from transfers on h1 only", () => {
    const seen: number[] = [];
    const policy = sender(() => "h1", { onComplete: (_req, ctx) => void seen.push(ctx.bandwidthBps(ctx.topology.links.findIndex((l) => l.name === "h2"))) });
    runScenario(scenario(ON_WIFI, { wifi: { ...OWN, discipline: "shared" } }, { estimator: "last" }), policy);
    expect(seen).toEqual([500_000, 500_000]);
  });
});

describe("links on a medium, as schedulers see them", () => {
  it("keep their own indices, with the medium's latency, and report the medium's queue", () => {
    const seen: Array<[number, number, number, string | undefined]> = [];
    const policy: Scheduler = {
      name: "probe",
      plan(req, ctx) {
        const h2 = ctx.topology.linkBetween(ctx.topology.stationIndex("host"), ctx.topology.stationIndex("es2"));
        // Request 1 is planned at t = 0 while request 0's transfer on h1 waits for the Dispatch phase.
        seen.push([ctx.linkQueueLength(h2), ctx.transferNs(h2, MB), ctx.topology.links[h2]!.latencyNs, ctx.topology.links[h2]!.medium]);
        return SPLIT.plan(req, ctx) as ReturnType<Scheduler["plan"]>;
      },
    };
    runScenario(scenario(ON_WIFI, { wifi: OWN }, { estimator: "oracle" }), policy);
    expect(seen).toEqual([[0, ms(1005), ms(5), "wifi"], [1, ms(1005), ms(5), "wifi"]]);
    seen.length = 0;
    runScenario(scenario(INDEPENDENT, {}, { estimator: "oracle" }), policy);
    expect(seen).toEqual([[0, ms(1005), ms(5), undefined], [0, ms(1005), ms(5), undefined]]);
  });

  it("ask a transfer policy once for the whole medium, with its first link, over the transfers of all its links", () => {
    const asked: Array<[number, number]> = [];
    const lastFirst = sender((req) => (req.id === 0 ? "h1" : "h2"), {
      pickTransfer: (link, waiting) => {
        asked.push([link, waiting.length]);
        return waiting.length - 1;
      },
    });
    const r = runScenario(scenario(ON_WIFI, { wifi: OWN }), lastFirst);
    // Both wait at t = 0; the later one (request 1, on h2) is chosen first.
    expect(r.requests.map((q) => q.completion)).toEqual([ms(2005), ms(1005)]);
    expect(asked[0]).toEqual([0, 2]);
  });
});

describe("resources with media", () => {
  it("list stations, then each link of its own and each medium once, in order of first appearance", () => {
    const links = { h1: ON_WIFI.h1, direct: { from: "host", to: "es2", ...OWN }, back: ON_WIFI.back };
    const { report } = runScenario(scenario(links, { wifi: OWN }), sender((req) => (req.id === 0 ? "h1" : "direct")));
    expect(Object.keys(report.resources)).toEqual(["host", "es1", "es2", "wifi", "direct"]);
    expect(report.resources["direct"]!.busyMs).toBe(1000);
    expect(report.resources["wifi"]!.busyMs).toBe(1000);
  });
});
