// The flow-shop recurrence: hand-worked schedules with release times, closed forms, validation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowShopMakespan, flowShopSchedule, sequenceMakespan } from "../../../src/schedulers/planning/flow-shop.js";
import { instanceArb } from "./flow-shop-helpers.js";

describe("flowShopSchedule, hand-worked", () => {
  it("3 jobs on 2 machines with releases: start and end of every job, order 1, 0, 2", () => {
    // Job j has (p1, p2, r) = j0 (3, 2, 0), j1 (2, 5, 1), j2 (4, 1, 7).
    //        machine 1                         machine 2
    // j1: start max(r=1, free 0)  = 1, end 3 | start max(3, free 0)   = 3,  end 8
    // j0: start max(r=0, free 3)  = 3, end 6 | start max(6, free 8)   = 8,  end 10
    // j2: start max(r=7, free 6)  = 7, end 11| start max(11, free 10) = 11, end 12
    // Machine 1 idles over [6, 7) waiting for j2's release; C_max = 12.
    const inst = { times: [[3, 2, 4], [2, 5, 1]], release: [0, 1, 7] };
    const s = flowShopSchedule(inst, [1, 0, 2]);
    expect(s.start).toEqual([[3, 1, 7], [8, 3, 11]]);
    expect(s.end).toEqual([[6, 3, 11], [10, 8, 12]]);
    expect(s.makespan).toBe(12);
    expect(s.order).toEqual([1, 0, 2]);
  });

  it("4 jobs on 3 machines with releases: start and end of every job, order 1, 0, 2, 3", () => {
    // Job j has (p1, p2, p3, r) = j0 (4, 3, 2, 2), j1 (2, 5, 3, 0), j2 (3, 2, 6, 5), j3 (1, 4, 2, 12).
    //        machine 1                      machine 2                  machine 3
    // j1: max(r=0, 0)  = 0  -> 2   | max(2, 0)   = 2  -> 7   | max(7, 0)   = 7  -> 10
    // j0: max(r=2, 2)  = 2  -> 6   | max(6, 7)   = 7  -> 10  | max(10, 10) = 10 -> 12
    // j2: max(r=5, 6)  = 6  -> 9   | max(9, 10)  = 10 -> 12  | max(12, 12) = 12 -> 18
    // j3: max(r=12, 9) = 12 -> 13  | max(13, 12) = 13 -> 17  | max(17, 18) = 18 -> 20
    const inst = { times: [[4, 2, 3, 1], [3, 5, 2, 4], [2, 3, 6, 2]], release: [2, 0, 5, 12] };
    const s = flowShopSchedule(inst, [1, 0, 2, 3]);
    expect(s.start).toEqual([[2, 0, 6, 12], [7, 2, 10, 13], [10, 7, 12, 18]]);
    expect(s.end).toEqual([[6, 2, 9, 13], [10, 7, 12, 17], [12, 10, 18, 20]]);
    expect(s.makespan).toBe(20);
    expect(flowShopMakespan(inst, [1, 0, 2, 3])).toBe(20);
  });

  it("a lag delays the next machine's start after the job's end (Mitten's time lag)", () => {
    // j0 (a=2, b=4, lag 5), j1 (a=3, b=1, lag 0), order 0, 1:
    // j0: machine 1 [0, 2); machine 2 starts at max(2 + 5, 0) = 7, ends 11.
    // j1: machine 1 [2, 5); machine 2 starts at max(5 + 0, 11) = 11, ends 12.
    const s = flowShopSchedule({ times: [[2, 3], [4, 1]], lags: [[5, 0]] }, [0, 1]);
    expect(s.start).toEqual([[0, 2], [7, 11]]);
    expect(s.end).toEqual([[2, 5], [11, 12]]);
    expect(s.makespan).toBe(12);
  });

  it("no jobs: makespan 0", () => {
    expect(flowShopSchedule({ times: [[], []] }, []).makespan).toBe(0);
    expect(sequenceMakespan({ times: [[]] }, [])).toBe(0);
  });

  it("one machine: the jobs run back to back from the first release, idling only for releases", () => {
    // p = (2, 3), r = (4, 0), order 1, 0: j1 [0, 3), j0 [max(4, 3) = 4, 6).
    expect(flowShopSchedule({ times: [[2, 3]], release: [4, 0] }, [1, 0]).end).toEqual([[6, 3]]);
  });
});

describe("flowShopSchedule, closed forms", () => {
  it("identical jobs: C_max = Σ_s p_s + (n − 1) · max_s p_s", () => {
    const arb = fc.tuple(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 12 }));
    fc.assert(
      fc.property(arb, ([p, n]) => {
        const times = p.map((ps) => new Array<number>(n).fill(ps));
        const order = Array.from({ length: n }, (_, j) => j);
        const sum = p.reduce((a, b) => a + b, 0);
        expect(flowShopMakespan({ times }, order)).toBe(sum + (n - 1) * Math.max(...p));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("two machines, no releases: C_max(π) = max_u (Σ_{i≤u} a_π(i) + Σ_{i≥u} b_π(i))", () => {
    fc.assert(
      fc.property(instanceArb(2, { minJobs: 1 }), (inst) => {
        const [a, b] = inst.times as [number[], number[]];
        const order = a.map((_, j) => j);
        let best = 0;
        for (let u = 0; u < order.length; u++) {
          const head = a.slice(0, u + 1).reduce((x, y) => x + y, 0);
          const tail = b.slice(u).reduce((x, y) => x + y, 0);
          best = Math.max(best, head + tail);
        }
        expect(flowShopMakespan(inst, order)).toBe(best);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("flowShopSchedule, invariants", () => {
  it("every job waits for its release, its previous machine plus lag, and its predecessor; with no idle inserted", () => {
    fc.assert(
      fc.property(instanceArb(3, { minJobs: 1, release: true, lags: true }), (inst) => {
        const n = inst.times[0]!.length;
        const order = Array.from({ length: n }, (_, j) => n - 1 - j);
        const { start, end, makespan } = flowShopSchedule(inst, order);
        for (let s = 0; s < 3; s++) {
          order.forEach((j, k) => {
            const ready = s === 0 ? inst.release![j]! : end[s - 1]![j]! + inst.lags![s - 1]![j]!;
            const free = k === 0 ? 0 : end[s]![order[k - 1]!]!;
            expect(start[s]![j]).toBe(Math.max(ready, free));
            expect(end[s]![j]).toBe(start[s]![j]! + inst.times[s]![j]!);
          });
        }
        expect(makespan).toBe(Math.max(...end[2]!));
        expect(sequenceMakespan(inst, order)).toBe(makespan);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("flow-shop input checks", () => {
  it("rejects ragged rows, negative or non-finite times, and bad release or lag shapes", () => {
    expect(() => flowShopMakespan({ times: [] }, [])).toThrow(RangeError);
    expect(() => flowShopMakespan({ times: [[1, 2], [3]] }, [0, 1])).toThrow(/times\[1\] has 1 jobs, expected 2/);
    expect(() => flowShopMakespan({ times: [[1, -2]] }, [0, 1])).toThrow(/times\[0\]\[1\] = -2/);
    expect(() => flowShopMakespan({ times: [[1, Number.NaN]] }, [0, 1])).toThrow(RangeError);
    expect(() => flowShopMakespan({ times: [[1, Infinity]] }, [0, 1])).toThrow(RangeError);
    expect(() => flowShopMakespan({ times: [[1, 2]], release: [0] }, [0, 1])).toThrow(/release has 1 jobs/);
    expect(() => flowShopMakespan({ times: [[1, 2], [1, 2]], lags: [] }, [0, 1])).toThrow(/lags has 0 rows, expected 1/);
  });

  it("rejects an order that is not a permutation of the jobs", () => {
    const inst = { times: [[1, 2, 3]] };
    expect(() => flowShopSchedule(inst, [0, 1])).toThrow(/order has 2 jobs, expected 3/);
    expect(() => flowShopSchedule(inst, [0, 1, 1])).toThrow(/not a permutation/);
    expect(() => flowShopSchedule(inst, [0, 1, 3])).toThrow(/not a permutation/);
  });
});
