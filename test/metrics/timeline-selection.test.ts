// What a bounded timeline keeps, on the flow shop of timeline-flow-shop.test.ts (schedule in ms:
// device r_j [2j, 2j+2]; uplink [2,6] [6,10] [10,14] [14,18] [18,22]; cloud [6,7] [10,11] [14,15]
// [18,19] [22,23]; completions 7, 11, 15, 19, 23), and the cap.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { isSplitsimError } from "../../src/errors.js";
import { flowShop, pidOf, runWithTimeline, slicesMs } from "./timeline-helpers.js";


const idleMs = (ev: ReturnType<typeof runWithTimeline>["events"], id: string) =>
  ev.filter((e) => e.ph === "X" && e.cat === "idle" && e.pid === pidOf(ev, id))
    .map((e) => [e.name, e.ts! / 1000, (e.ts! + e.dur!) / 1000])
    .sort((a, b) => (a[1] as number) - (b[1] as number));

describe("--timeline-requests 1..2", () => {
  const { events: ev, recording } = runWithTimeline(flowShop, "fixed-split", { requests: { first: 1, last: 2 } });

  it("keeps the slices of requests 1 and 2 only", () => {
    expect(slicesMs(ev, pidOf(ev, "device"), "compute")).toEqual([[2, 4], [4, 6]]);
    expect(slicesMs(ev, pidOf(ev, "up"), "transfer")).toEqual([[6, 10], [10, 14]]);
    expect(slicesMs(ev, pidOf(ev, "cloud"), "compute")).toEqual([[10, 11], [14, 15]]);
  });

  it("shows the span from request 1's arrival (0) to the last of them leaving (15 ms)", () => {
    expect([recording.fromNs, recording.toNs]).toEqual([0, ms(15)]);
  });

  it("clips idle slices to that span, keeping the whole run's names (the device's drain starts at 10)", () => {
    expect(idleMs(ev, "device")).toEqual([["idle: drain", 10, 15]]);
    expect(idleMs(ev, "up")).toEqual([["idle: fill", 0, 2]]);
    expect(idleMs(ev, "cloud")).toEqual([["idle: fill", 0, 6], ["idle: upstream", 7, 10], ["idle: upstream", 11, 14]]);
  });

  it("draws arrows and request slices for the selected requests only", () => {
    expect(ev.filter((e) => e.ph === "s")).toHaveLength(4);
    expect(ev.filter((e) => e.ph === "b").map((e) => e.id2!.local)).toEqual([1, 2]);
    expect(recording.requestCount).toBe(2);
  });
});

describe("--timeline-window-ms 9..16", () => {
  const { events: ev } = runWithTimeline(flowShop, "fixed-split", { window: { fromNs: ms(9), toNs: ms(16) } });

  it("keeps every slice that meets the window, whole", () => {
    expect(slicesMs(ev, pidOf(ev, "device"), "compute")).toEqual([[8, 10]]);
    expect(slicesMs(ev, pidOf(ev, "up"), "transfer")).toEqual([[6, 10], [10, 14], [14, 18]]);
    expect(slicesMs(ev, pidOf(ev, "cloud"), "compute")).toEqual([[10, 11], [14, 15]]);
  });

  it("clips idle slices to the window", () => {
    expect(idleMs(ev, "device")).toEqual([["idle: drain", 10, 16]]);
    expect(idleMs(ev, "up")).toEqual([]);
    expect(idleMs(ev, "cloud")).toEqual([["idle: upstream", 9, 10], ["idle: upstream", 11, 14], ["idle: upstream", 15, 16]]);
  });

  it("keeps the arrows whose two ends are shown: uplink -> cloud for requests 1 and 2", () => {
    const starts = ev.filter((e) => e.ph === "s");
    expect(starts.map((e) => [e.pid, e.ts! / 1000])).toEqual([[pidOf(ev, "up"), 8], [pidOf(ev, "up"), 12]]);
  });

  it("the device queue opens the window with the value it had: 0 since 8 ms, when the last request started", () => {
    const q = ev.filter((e) => e.ph === "C" && e.name === "queue" && e.pid === pidOf(ev, "device")).map((e) => [e.ts! / 1000, e.args!["waiting"]]);
    expect(q).toEqual([[9, 0]]);
  });
});

describe("the cap", () => {
  it("a timeline of more requests than the cap fails with a SplitsimError that says how to narrow it", () => {
    let thrown: unknown;
    try {
      runWithTimeline(flowShop, "fixed-split", { maxRequests: 3 });
    } catch (e) {
      thrown = e;
    }
    expect(isSplitsimError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/more than 3 requests/);
  });

  it("a selection within the cap runs", () => {
    expect(runWithTimeline(flowShop, "fixed-split", { maxRequests: 3, requests: { first: 2, last: 4 } }).recording.requestCount).toBe(3);
  });

  it("a range past the last request shows nothing and does not fail", () => {
    const { recording } = runWithTimeline(flowShop, "fixed-split", { requests: { first: 10, last: 20 } });
    expect([recording.slices.length, recording.idle.length, recording.requests.length]).toEqual([0, 0, 0]);
  });
});
