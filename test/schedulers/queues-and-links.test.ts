// Queue views and transfer order (scheduler API v2): pick and batch see the live queue without a
// copy, links take a pickTransfer hook (FIFO without one) on both disciplines, and the context
// reports link queues and busy transfers.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { runScenario } from "../../src/scenario/run.js";
import type { SchedulerContext } from "../../src/schedulers/context.js";
import type { QueueView, Scheduler } from "../../src/schedulers/scheduler.js";
import { makePlan } from "../../src/workload/plan.js";
import type { Request } from "../../src/workload/request.js";
import type { Work } from "../../src/workload/work.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

/** A device and a cloud joined by an 8 Mbit/s (10^6 B/s) link; requests only send their bytes. */
function linkScenario(discipline: "fifo" | "shared", requests: number) {
  return scenarioFrom({
    name: "links",
    model: { name: "net", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 1 }] },
    nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
    links: { up: { from: "phone", to: "cloud", bandwidthMbps: 8, discipline } },
    workload: { at: "phone", arrivals: { kind: "batch" }, requests },
    schedulers: ["device-only"],
  });
}

/** Request i sends BYTES[i] bytes over link 0 and is done when they arrive. */
const BYTES = [3000, 1000, 2000];
function sender(extra: Partial<Scheduler>): Scheduler {
  return {
    name: "sender",
    plan: (req: Request) => makePlan([{ kind: "transfer", link: 0, bytes: BYTES[req.id]!, deps: [] }], { cut: "input", bits: 8, bytesSent: BYTES[req.id]!, accuracyLossPct: 0 }),
    ...extra,
  };
}
const byId = (reqs: readonly Request[]) => reqs.map((r) => r.completion);

/** The waiting transfer with the fewest bytes (shortest first). */
function fewestBytes(waiting: QueueView<Work>): number {
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting.at(i).bytes < waiting.at(best).bytes) best = i;
  return best;
}

describe("transfer order on a link", () => {
  it("without pickTransfer a FIFO link sends in arrival order: 3, 4, 6 ms", () => {
    // 3000 B at 10^6 B/s = 3 ms, then 1000 B (1 ms) and 2000 B (2 ms).
    expect(byId(runScenario(linkScenario("fifo", 3), sender({})).requests)).toEqual([ms(3), ms(4), ms(6)]);
  });

  it("pickTransfer choosing the fewest bytes sends 1000, 2000, 3000: done at 1, 3, 6 ms", () => {
    const { requests } = runScenario(linkScenario("fifo", 3), sender({ pickTransfer: (_l, w) => fewestBytes(w) }));
    expect(byId(requests)).toEqual([ms(6), ms(1), ms(3)]);
  });

  it("on a shared link, pickTransfer admits one flow at a time and -1 holds the rest until wakeLink", () => {
    // Admit only while nothing is in flight: the shared link then behaves like shortest-first FIFO.
    const s = sender({
      pickTransfer: (link, w, ctx) => (ctx.linkBusy(link) > 0 ? -1 : fewestBytes(w)),
      onComplete: (_r, ctx) => ctx.wakeLink(0),
    });
    expect(byId(runScenario(linkScenario("shared", 3), s).requests)).toEqual([ms(6), ms(1), ms(3)]);
  });

  it("without pickTransfer a shared link shares: 1000 B done at 3 ms, 2000 B at 5 ms, 3000 B at 6 ms", () => {
    // Three flows at 1/3 each: 1000 B after 3 ms; then two at 1/2: 1000 B more after 2 ms (5 ms); then 1000 B alone (6 ms).
    expect(byId(runScenario(linkScenario("shared", 3), sender({})).requests)).toEqual([ms(6), ms(3), ms(5)]);
  });

  it("the context reports a link's waiting transfers and transfers in progress", () => {
    const seen: Array<[number, number, number]> = [];
    const s = sender({
      pickTransfer(link, w, ctx: SchedulerContext) {
        seen.push([ctx.now, ctx.linkQueueLength(link), ctx.linkBusy(link)]);
        expect(ctx.linkQueueLength(link)).toBe(w.length);
        return 0;
      },
    });
    runScenario(linkScenario("fifo", 3), s);
    // Picks happen when the link is free: at 0 (3 waiting), 3 ms (2 waiting), 4 ms (1 waiting).
    expect(seen).toEqual([[0, 3, 0], [ms(3), 2, 0], [ms(4), 1, 0]]);
  });

  it("a pickTransfer index outside the queue fails the run with the scheduler's name", () => {
    expect(() => runScenario(linkScenario("fifo", 3), sender({ pickTransfer: () => 5 }))).toThrow(/sender: pickTransfer\(0\) returned 5 for a queue of 3/);
  });
});

describe("queue views", () => {
  it("pick gets the live queue, the same object every call, not a copied array", () => {
    const views = new Set<unknown>();
    const s: Scheduler = {
      name: "watch",
      plan: (req, ctx) => makePlan([{ kind: "compute", station: 0, cost: ctx.computeCost(0, ctx.model(req.model), [0]), deps: [] }], { cut: "work", bits: 0, bytesSent: 0, accuracyLossPct: 0 }),
      pick(_st, waiting) {
        views.add(waiting);
        expect(Array.isArray(waiting)).toBe(false);
        return waiting.length - 1;
      },
    };
    runScenario(linkScenario("fifo", 3), s);
    expect(views.size).toBe(1);
  });

  it("a pick that is outside the queue or not a whole index fails the run with the scheduler's name", () => {
    const base: Scheduler = {
      name: "bad",
      plan: (req, ctx) => makePlan([{ kind: "compute", station: 0, cost: ctx.computeCost(0, ctx.model(req.model), [0]), deps: [] }], { cut: "work", bits: 0, bytesSent: 0, accuracyLossPct: 0 }),
    };
    expect(() => runScenario(linkScenario("fifo", 2), { ...base, pick: () => 2 })).toThrow(/bad: pick\(0\) returned 2 for a queue of 2/);
    expect(() => runScenario(linkScenario("fifo", 2), { ...base, pick: () => 0.5 })).toThrow(/bad: pick\(0\) returned 0.5/);
  });
});
