// The timeline of the flow-shop example of issue 17: stages (2, 4, 1) ms — the device computes 2 ms,
// the uplink carries 5,000 B at 10 Mbit/s (1.25e6 B/s: 4 ms), the cloud computes 1 ms — and
// 5 requests released at 0, run in arrival order by fixed-split.
//
// Hand-computed schedule (ms): request j runs on the device over [2j, 2j+2]; the uplink takes it when
// both it is sent and the link is free: r0 [2, 6], then back to back [6, 10], [10, 14], [14, 18],
// [18, 22]; the cloud runs it as soon as it lands: [6, 7], [10, 11], [14, 15], [18, 19], [22, 23].
// T0 = 0, T1 = 23 (makespan Σp + (m−1)·max p = 7 + 4·4 = 23). Idle, per stage:
//   device: drain [10, 23]                              = 13 = 23 − 5·2
//   uplink: fill [0, 2], drain [22, 23]                 =  3 = 23 − 5·4
//   cloud:  fill [0, 6], upstream [7,10] [11,14] [15,18] [19,22]  = 18 = 23 − 5·1
import { describe, expect, it } from "vitest";
import { flowShop, pidOf, runWithTimeline, slicesMs } from "./timeline-helpers.js";


const run = runWithTimeline(flowShop, "fixed-split");
const ev = run.events;
const idleSumMs = (pid: number): number => slicesMs(ev, pid, "idle").reduce((a, [s, e]) => a + (e - s), 0);

describe("timeline of the flow shop (2, 4, 1) ms with 5 requests at 0", () => {
  it("device slices are the hand-computed [2j, 2j+2]", () => {
    expect(slicesMs(ev, pidOf(ev, "device"), "compute")).toEqual([[0, 2], [2, 4], [4, 6], [6, 8], [8, 10]]);
  });

  it("uplink slices start when the previous transfer ends: [2,6] then back to back", () => {
    expect(slicesMs(ev, pidOf(ev, "up"), "transfer")).toEqual([[2, 6], [6, 10], [10, 14], [14, 18], [18, 22]]);
  });

  it("cloud slices follow each landing: [6,7], [10,11], [14,15], [18,19], [22,23]", () => {
    expect(slicesMs(ev, pidOf(ev, "cloud"), "compute")).toEqual([[6, 7], [10, 11], [14, 15], [18, 19], [22, 23]]);
  });

  it("slices carry the request, step, bytes and bits of their step", () => {
    const up = ev.filter((e) => e.ph === "X" && e.pid === pidOf(ev, "up") && e.cat === "transfer");
    expect(up.map((e) => e.args)).toEqual([0, 1, 2, 3, 4].map((r) => ({ request: r, step: 1, bytes: 5_000, bits: 32, batch: 1 })));
    expect(up.map((e) => e.name)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
  });

  it("idle slices are the hand-computed ones, named by cause", () => {
    const idle = (id: string) =>
      ev.filter((e) => e.ph === "X" && e.cat === "idle" && e.pid === pidOf(ev, id))
        .map((e) => [e.name, e.ts! / 1000, (e.ts! + e.dur!) / 1000])
        .sort((a, b) => (a[1] as number) - (b[1] as number));
    expect(idle("device")).toEqual([["idle: drain", 10, 23]]);
    expect(idle("up")).toEqual([["idle: fill", 0, 2], ["idle: drain", 22, 23]]);
    expect(idle("cloud")).toEqual([
      ["idle: fill", 0, 6], ["idle: upstream", 7, 10], ["idle: upstream", 11, 14], ["idle: upstream", 15, 18], ["idle: upstream", 19, 22],
    ]);
  });

  it("each stage's idle slices sum to its bubble time in the report: c·(T1 − T0) − busy = 13, 3, 18 ms", () => {
    for (const [id, ms] of [["device", 13], ["up", 3], ["cloud", 18]] as const) {
      const r = run.report.resources[id]!;
      const bubbleMs = r.servers * run.report.makespanMs - r.busyMs;
      expect(bubbleMs).toBeCloseTo(ms, 9);
      expect(idleSumMs(pidOf(ev, id))).toBeCloseTo(bubbleMs, 9);
    }
  });

  it("idle slices by cause sum to the report's fill, drain and idleByCauseMs", () => {
    for (const id of ["device", "up", "cloud"]) {
      const r = run.report.resources[id]!;
      const sum = (name: string) =>
        ev.filter((e) => e.ph === "X" && e.pid === pidOf(ev, id) && e.name === `idle: ${name}`).reduce((a, e) => a + e.dur! / 1000, 0);
      expect([sum("fill"), sum("drain"), sum("starved"), sum("upstream"), sum("held")]).toEqual([
        r.fillMs, r.drainMs, r.idleByCauseMs.starved, r.idleByCauseMs.upstream, r.idleByCauseMs.held,
      ]);
    }
  });

  it("ts and dur are the simulator's integer ns divided by 1000, exactly", () => {
    const cloud = ev.filter((e) => e.ph === "X" && e.pid === pidOf(ev, "cloud") && e.cat === "compute");
    expect(cloud.map((e) => [e.ts, e.dur])).toEqual([[6e6 / 1000, 1e6 / 1000], [10e6 / 1000, 1e6 / 1000], [14e6 / 1000, 1e6 / 1000], [18e6 / 1000, 1e6 / 1000], [22e6 / 1000, 1e6 / 1000]]);
  });

  it("two flow arrows per request: device -> uplink -> cloud, each inside its slices", () => {
    const starts = ev.filter((e) => e.ph === "s");
    const ends = ev.filter((e) => e.ph === "f");
    expect(starts).toHaveLength(10);
    expect(ends.every((e) => e.bp === "e")).toBe(true);
    // r0: device [0,2] -> up [2,6] -> cloud [6,7]; arrows leave and land at the slices' middles.
    const first = starts.find((e) => e.ts === 1000)!;
    expect(first.pid).toBe(pidOf(ev, "device"));
    const land = ends.find((e) => e.id === first.id)!;
    expect([land.pid, land.ts]).toEqual([pidOf(ev, "up"), 4000]);
    const next = starts.find((e) => e.pid === pidOf(ev, "up") && e.ts === 4000)!;
    expect(ends.find((e) => e.id === next.id)).toMatchObject({ pid: pidOf(ev, "cloud"), ts: 6500 });
  });

  it("the device queue counter steps 4, 3, 2, 1, 0 as each request starts", () => {
    const q = ev.filter((e) => e.ph === "C" && e.name === "queue" && e.pid === pidOf(ev, "device")).map((e) => [e.ts! / 1000, e.args!["waiting"]]);
    expect(q).toEqual([[0, 4], [2, 3], [4, 2], [6, 1], [8, 0]]);
  });

  it("the uplink's true bandwidth is one step of 10 Mbit/s", () => {
    const bw = ev.filter((e) => e.ph === "C" && e.name === "bandwidth true (Mbit/s)");
    expect(bw.map((e) => [e.ts, e.args!["value"]])).toEqual([[0, 10]]);
  });

  it("each request is an async slice from arrival (0) to completion (its cloud end)", () => {
    const b = ev.filter((e) => e.ph === "b").map((e) => [e.id2!.local, e.ts! / 1000]);
    const e = ev.filter((x) => x.ph === "e").map((x) => [x.id2!.local, x.ts! / 1000]);
    expect(b).toEqual([[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]]);
    expect(e).toEqual([[0, 7], [1, 11], [2, 15], [3, 19], [4, 23]]);
  });
});
