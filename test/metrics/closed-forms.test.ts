// Bubble figures against the flow-shop closed forms of DESIGN §6 (reference §4.2-4.3), on
// schedules written out by hand.
import { describe, expect, it } from "vitest";
import { play, stations } from "./replay.js";

// p = 3 equal stages of t = 10 ms, m = 4 requests released at 0, a perfect pipeline:
// request j runs on stage s over [10(j+s), 10(j+s)+10]; it completes at 10(j+3).
const equal = () =>
  play({
    resources: stations(1, 1, 1),
    arrivalsMs: [0, 0, 0, 0],
    busy: [
      [0, 0, 0, 10], [0, 0, 10, 20], [0, 0, 20, 30], [0, 0, 30, 40],
      [1, 0, 10, 20], [1, 0, 20, 30], [1, 0, 30, 40], [1, 0, 40, 50],
      [2, 0, 20, 30], [2, 0, 30, 40], [2, 0, 40, 50], [2, 0, 50, 60],
    ],
    complete: [[0, 30], [1, 40], [2, 50], [3, 60]],
  }).report;

// Identical requests over unequal stages a = 10, b = 30, c = 20 ms, m = 3, all released at 0.
const unequal = () =>
  play({
    resources: stations(1, 1, 1),
    arrivalsMs: [0, 0, 0],
    busy: [
      [0, 0, 0, 10], [0, 0, 10, 20], [0, 0, 20, 30],
      [1, 0, 10, 40], [1, 0, 40, 70], [1, 0, 70, 100],
      [2, 0, 40, 60], [2, 0, 70, 90], [2, 0, 100, 120],
    ],
    complete: [[0, 60], [1, 90], [2, 120]],
  }).report;

describe("equal stages (p = 3, m = 4, t = 10 ms)", () => {
  it("makespan is (m + p − 1)·t = 60 ms", () => {
    expect(equal().makespanMs).toBe(60);
  });

  it("the overall bubble ratio is (p − 1)/(m + p − 1) = 2/6", () => {
    expect(equal().bubbleRatio.overall).toBeCloseTo(2 / 6, 9);
  });

  it("every stage has the same bubble ratio 2/6", () => {
    const r = equal().resources;
    for (const id of ["r0", "r1", "r2"]) expect(r[id]!.bubbleRatio).toBeCloseTo(2 / 6, 9);
  });

  it("stage s fills for s·t and drains for (p − 1 − s)·t, with no internal idle", () => {
    const r = equal().resources;
    const rows = ["r0", "r1", "r2"].map((id) => [r[id]!.fillMs, r[id]!.drainMs, r[id]!.internalIdleMs]);
    expect(rows).toEqual([[0, 20, 0], [10, 10, 0], [20, 0, 0]]);
  });

  it("the active-window ratio is 0 when stages never stall between first start and last end", () => {
    expect(equal().bubbleRatio.active).toBe(0);
  });
});

describe("unequal stages (10, 30, 20 ms, m = 3)", () => {
  it("makespan is Σ p_s + (m − 1)·max p_s = 60 + 2·30 = 120 ms", () => {
    expect(unequal().makespanMs).toBe(120);
  });

  it("stage s has bubble ratio 1 − m·p_s / makespan", () => {
    const r = unequal().resources;
    expect(r["r0"]!.bubbleRatio).toBeCloseTo(1 - 30 / 120, 9);
    expect(r["r1"]!.bubbleRatio).toBeCloseTo(1 - 90 / 120, 9);
    expect(r["r2"]!.bubbleRatio).toBeCloseTo(1 - 60 / 120, 9);
  });

  it("the overall bubble ratio is 1 − Σ B / (p·makespan) = 1 − 180/360", () => {
    expect(unequal().bubbleRatio.overall).toBeCloseTo(0.5, 9);
  });

  it("the stage after the bottleneck waits on upstream between its jobs", () => {
    // Stage 2 runs 40-60, 70-90, 100-120: idle 60-70 and 90-100 while requests are in the system.
    const r2 = unequal().resources["r2"]!;
    expect(r2.idleByCauseMs).toEqual({ starved: 0, upstream: 20, held: 0 });
    expect([r2.fillMs, r2.drainMs, r2.internalIdleMs]).toEqual([40, 0, 20]);
  });

  it("the active-window ratio is 1 − busy / (last end − first start)", () => {
    expect(unequal().resources["r2"]!.activeBubbleRatio).toBeCloseTo(1 - 60 / 80, 9);
  });
});
