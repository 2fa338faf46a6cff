// Internal idle split by cause (starved / upstream / held) on a two-server resource, by hand.
import { describe, expect, it } from "vitest";
import { play, stations } from "./replay.js";

// Request A arrives at 0 and completes at 40; request B arrives at 50 and completes at 70.
// Server 0 is busy 0-10, 30-40, 60-70; server 1 is busy 0-5, 50-60. A ready work waits at the
// resource from 20 to 30 without being started (the policy holds it, e.g. a batch timeout).
//   server 0, span 0-70: 10-20 upstream, 20-30 held, 40-50 starved, 50-60 upstream
//   server 1, span 0-60:  5-20 upstream, 20-30 held, 30-40 upstream, 40-50 starved
const twoServers = () =>
  play({
    resources: stations(2),
    arrivalsMs: [0, 50],
    busy: [
      [0, 0, 0, 10], [0, 1, 0, 5], [0, 0, 30, 40], [0, 1, 50, 60], [0, 0, 60, 70],
    ],
    queue: [[0, 1, 20], [0, 0, 30]],
    complete: [[0, 40], [1, 70]],
  }).report.resources["r0"]!;

describe("idle causes", () => {
  it("time with no unfinished request in the system is starved: 10 ms per server", () => {
    expect(twoServers().idleByCauseMs.starved).toBe(20);
  });

  it("time with requests in the system but none waiting here is upstream: (10 + 10) + (15 + 10) ms", () => {
    expect(twoServers().idleByCauseMs.upstream).toBe(45);
  });

  it("time a server is idle while work waits at its resource is held: 10 ms per server", () => {
    expect(twoServers().idleByCauseMs.held).toBe(20);
  });

  it("the three causes add up to the internal idle", () => {
    const r = twoServers();
    // c·W − busy − fill − drain = 2·70 − 45 − 0 − 10 = 85.
    expect(r.internalIdleMs).toBe(85);
    expect(r.idleByCauseMs.starved + r.idleByCauseMs.upstream + r.idleByCauseMs.held).toBe(r.internalIdleMs);
  });

  it("idle after a server's last end is drain, not internal idle", () => {
    expect(twoServers().drainMs).toBe(10); // server 1 ends at 60, the window at 70
  });

  it("the bubble ratio without starved time leaves the system-empty gap out of the window", () => {
    const r = play({
      resources: stations(1),
      arrivalsMs: [0, 30],
      busy: [[0, 0, 0, 10], [0, 0, 30, 40]],
      complete: [[0, 10], [1, 40]],
    }).report;
    // Window 40 ms, empty 10-30: β = 1 − 20/40, without starved time 1 − 20/(40 − 20) = 0.
    expect(r.window.emptyMs).toBe(20);
    expect(r.resources["r0"]!.bubbleRatio).toBeCloseTo(0.5, 9);
    expect(r.resources["r0"]!.bubbleRatioExcludingStarved).toBe(0);
    expect(r.bubbleRatio.excludingStarved).toBe(0);
  });
});
