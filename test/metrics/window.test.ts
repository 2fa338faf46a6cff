// The run window [T0, T1] and which resources count: drops, runs with no completion, unused
// resources, and work that runs past the last completion.
import { describe, expect, it } from "vitest";
import { play, stations } from "./replay.js";

describe("run window", () => {
  it("a drop after the last completion does not extend T1", () => {
    const r = play({
      resources: stations(1),
      arrivalsMs: [0, 5],
      busy: [[0, 0, 0, 10]],
      complete: [[0, 10]],
      drop: [[1, 20]],
    }).report;
    expect([r.window.t0Ms, r.window.t1Ms, r.makespanMs]).toEqual([0, 10, 10]);
  });

  it("T0 is the first arrival, not time 0", () => {
    const r = play({ resources: stations(1), arrivalsMs: [7], busy: [[0, 0, 7, 10]], complete: [[0, 10]] }).report;
    expect([r.window.t0Ms, r.makespanMs, r.resources["r0"]!.fillMs]).toEqual([7, 3, 0]);
  });

  it("when nothing completes, T1 is the last event seen", () => {
    const r = play({
      resources: stations(1),
      arrivalsMs: [0],
      busy: [[0, 0, 0, 8]],
      complete: [],
      drop: [[0, 12]],
    }).report;
    // Busy 8 of 12 ms.
    expect(r.makespanMs).toBe(12);
    expect(r.resources["r0"]!.bubbleRatio).toBeCloseTo(1 - 8 / 12, 9);
    expect(r.throughputPerSec).toBe(0);
  });
});

describe("unused resources", () => {
  const deviceOnly = () =>
    play({
      resources: [...stations(1), { id: "up", kind: "link", servers: 1 }],
      arrivalsMs: [0],
      busy: [[0, 0, 0, 10]],
      complete: [[0, 10]],
    }).report;

  it("an unused resource is reported with bubble ratio 1 and its whole window as fill", () => {
    const up = deviceOnly().resources["up"]!;
    expect([up.used, up.bubbleRatio, up.fillMs, up.drainMs, up.internalIdleMs]).toEqual([false, 1, 10, 0, 0]);
    expect([up.firstStartMs, up.lastEndMs]).toEqual([-1, -1]);
  });

  it("an unused resource does not count in the overall bubble ratio", () => {
    expect(deviceOnly().bubbleRatio.overall).toBe(0);
  });
});

describe("work after the last completion", () => {
  // Request 0 runs on r0 0-10 and completes at 10. Request 1 runs on r1 from 5; it is dropped at 20
  // (a sibling step was refused) while its step keeps r1 busy until 30.
  const late = () =>
    play({
      resources: stations(1, 1),
      arrivalsMs: [0, 0],
      busy: [[0, 0, 0, 10], [1, 0, 5, 30]],
      complete: [[0, 10]],
      drop: [[1, 20]],
    }).report;

  it("busy time is clipped to the window, so the drain is never negative", () => {
    const r1 = late().resources["r1"]!;
    expect([r1.busyMs, r1.fillMs, r1.drainMs, r1.internalIdleMs, r1.lastEndMs]).toEqual([5, 5, 0, 0, 10]);
  });

  it("the overall ratio uses the clipped busy time: 1 − (10 + 5)/(2·10)", () => {
    expect(late().bubbleRatio.overall).toBeCloseTo(0.25, 9);
  });

  it("a server first started after T1 counts as unused", () => {
    const r = play({
      resources: stations(1, 1),
      arrivalsMs: [0, 0],
      busy: [[0, 0, 0, 10], [1, 0, 10, 30]],
      complete: [[0, 10]],
      drop: [[1, 30]],
    }).report;
    expect([r.resources["r1"]!.used, r.resources["r1"]!.busyMs, r.bubbleRatio.overall]).toEqual([false, 0, 0]);
  });
});
