// The js-sdsl bench cases (issue 15, item 6) compare like with like: at small sizes every side
// pops or takes the same sequence (equal checksums), ties included. Correctness only: no timing
// is asserted. Also pins the js-sdsl 4.4.2 Deque bug that made the bench write its own removeAt.
import { Deque } from "js-sdsl";
import { describe, expect, it } from "vitest";
import { runCase } from "../../bench/lib/cases.js";
import { FIFO_SIDES, sdslFifo } from "../../bench/cases/sdsl-deque.js";
import { HOLD_SIDES, sdslHold } from "../../bench/cases/sdsl-heap.js";

describe("sdsl hold: EventQueue and js-sdsl PriorityQueue", () => {
  // A mean delay of 3 ns makes equal times (and so the phase and seq tie-breaks) very common.
  for (const [pending, meanNs] of [[1, 3], [50, 3], [300, 3], [300, 1e6]] as const) {
    it(`every side pops the same sequence (${pending} pending, mean ${meanNs} ns)`, () => {
      const rs = HOLD_SIDES.map((side) => sdslHold(side, pending, 5_000, meanNs));
      for (const r of rs) {
        expect(r.events).toBe(5_000);
        expect(r.extra).toEqual(rs[0]!.extra);
      }
      expect(rs[0]!.extra?.["lastTime"]).toBeGreaterThan(0);
    });
  }
});

describe("sdsl fifo and pick: RingQueue and js-sdsl Deque", () => {
  for (const workload of ["fifo", "pick"] as const) {
    for (const length of [1, 2, 16, 100]) {
      it(`${workload} at length ${length}: both sides take the same sequence`, () => {
        const rs = FIFO_SIDES.map((side) => sdslFifo(side, workload, length, 10_000));
        expect(rs[1]!.extra).toEqual(rs[0]!.extra);
        // The pick workload really removes from the middle (except at length 1, where 1 is the end).
        if (workload === "pick") expect(rs[0]!.extra?.["picked"]).toBeGreaterThan(100);
        else expect(rs[0]!.extra?.["picked"]).toBe(0);
      });
    }
  }
});

describe("registration", () => {
  it("runCase runs every sdsl case and refuses an unknown side", async () => {
    for (const side of HOLD_SIDES) expect((await runCase(`sdsl-hold-${side}`, 100, { quick: true })).case).toBe(`sdsl-hold-${side}`);
    for (const w of ["fifo", "pick"]) {
      for (const side of FIFO_SIDES) expect((await runCase(`sdsl-${w}-${side}`, 16, { quick: true })).case).toBe(`sdsl-${w}-${side}`);
    }
    await expect(runCase("sdsl-hold-nope", 10)).rejects.toThrow(/unknown bench case/);
  });
});

describe("js-sdsl 4.4.2 Deque.eraseElementByPos (why the bench has its own removeAt)", () => {
  it("drops the last element instead of the one at a middle position", () => {
    const d = new Deque<number>();
    for (let i = 0; i < 8; i++) d.pushBack(i);
    d.eraseElementByPos(2);
    const got: number[] = [];
    d.forEach((x) => got.push(x));
    // Correct would be [0, 1, 3, 4, 5, 6, 7]. If this fails after an upgrade, the bug is fixed.
    expect(got).toEqual([0, 1, 3, 3, 4, 5, 6]);
  });
});
