// The hand-built inception module: a 2 ms trunk on the device; four branches, each one
// device layer, one tensor and one target layer, with (a, d, c) = (3, 2, 1), (1, 4, 2), (2, 1, 3),
// (4, 3, 1) ms; a 1 ms concat on the target. Every other plan is made hopeless (huge raw input and
// trunk output, branch heads slow on the device), so the cut vector "one layer of each branch on
// the device" is the one to beat, and the order decides: brute force over the 24 orders gives
// 16 ms (e.g. J3, J2, J4, J1), file order 18 ms, Johnson on (a, c) alone 17 ms.
import { describe, expect, it } from "vitest";
import type { Observer } from "../../../src/platform/observer.js";
import { runScenario } from "../../../src/scenario/run.js";
import { run, scenarioFrom } from "../../scenario-runs/helpers.js";

import { inceptionScenario, JOBS } from "./helpers.js";

/** The flow-shop recurrence by hand: trunk 2, then e += a, l = max(l, e) + d, g = max(g, l) + c; concat 1. */
function makespan(order: number[]): number {
  let e = 2;
  let l = 0;
  let g = 0;
  for (const j of order) {
    const [a, d, c] = JOBS[j]!;
    e += a;
    l = Math.max(l, e) + d;
    g = Math.max(g, l) + c;
  }
  return g + 1;
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe("decc: the hand-built inception module", () => {
  it("the hand recurrence: best 16 ms over the 24 orders (J3 J2 J4 J1), file order 18, Johnson (a, c) 17", () => {
    const all = permutations([0, 1, 2, 3]).map(makespan);
    expect(Math.min(...all)).toBe(16);
    expect(makespan([2, 1, 3, 0])).toBe(16);
    expect(makespan([0, 1, 2, 3])).toBe(18);
    expect(makespan([1, 2, 0, 3])).toBe(17); // Johnson on (a, c): a ≤ c by a (J2, J3), then by c descending (J1, J4)
  });

  it("plans 16 ms, and the emitted plan, simulated, ends at 16 ms to the nanosecond", () => {
    const { requests, report } = run(inceptionScenario(), "decc");
    const flow = (report.policy!["flows"] as Record<string, unknown>[])[0]!;
    expect(flow["predictedMakespanMs"]).toBe(16);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(16_000_000);
    expect(requests[0]!.cut).toBe("b1d+b2d+b3d+b4d");
    // Bytes: each branch's tensor once, 250·d elements × 4 B.
    expect(requests[0]!.bytesSent).toBe(JOBS.reduce((s, [, d]) => s + 1000 * d, 0));
  });

  it("the device starts the four branches released at one instant in the plan's order, and the uplink carries each tensor once", () => {
    const starts: [number, number][] = [];
    let upBytes = 0;
    let upSends = 0;
    // Resources: stations cam 0, cloud 1, then link up 2.
    const watch: Observer = {
      onStepStart(work, res, _server, t) {
        if (res === 0) starts.push([t / 1e6, work.cost!.ns(1) / 1e6]);
        if (res === 2) [upBytes, upSends] = [upBytes + work.bytes, upSends + 1];
      },
    };
    const { report } = runScenario(scenarioFrom(inceptionScenario()), "decc", { observers: [watch] });
    // The plan lists its branches in its order π (the policy names them by their device layer).
    const frontier = (report.policy!["flows"] as Record<string, unknown>[])[0]!["frontier"] as string;
    const order = frontier.replace(/^.*order /, "").split(" > ").map((name) => Number(name.slice(1, 2)) - 1);
    expect(makespan(order)).toBe(16); // one of the optimal orders (ties go to the first in enumeration)
    // (start, device time): the trunk, then each branch's a back to back, in π.
    const expected: [number, number][] = [[0, 2]];
    for (const j of order) expected.push([expected[expected.length - 1]![0] + expected[expected.length - 1]![1], JOBS[j]![0]]);
    expect(starts).toEqual(expected);
    expect([upBytes, upSends]).toEqual([1000 * (2 + 4 + 1 + 3), 4]);
  });

  it("CDS finds 16 ms too: its (a + d, d + c) surrogate gives J3, J2 | J4, J1 by hand", () => {
    // Surrogate 1 is Johnson on (a, c): 17 ms. Surrogate 2: (5, 3), (5, 6), (3, 4), (7, 4); a' ≤ b'
    // first by a' (J3, J2), then by b' descending (J4, J1): 16 ms, and CDS keeps the better.
    const { requests } = run(inceptionScenario({ order: "cds" }), "decc");
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(16_000_000);
  });
});
