// The future-event list pops in (time, phase, seq) order and skips cancelled events.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue, Phase, type Handler } from "../../src/core/event-queue.js";

const noop: Handler = () => {};

describe("EventQueue", () => {
  it("pops by time, then phase, then insertion order", () => {
    const q = new EventQueue(2);
    q.push(5, Phase.Dispatch, noop, 1);
    q.push(5, Phase.Complete, noop, 2);
    q.push(3, Phase.Observe, noop, 3);
    q.push(5, Phase.Complete, noop, 4);
    q.push(5, Phase.Trace, noop, 5);
    const order: number[] = [];
    while (q.pop()) order.push(q.poppedArg);
    expect(order).toEqual([3, 5, 2, 4, 1]);
  });

  it("skips a cancelled event", () => {
    const q = new EventQueue();
    q.push(1, Phase.Arrive, noop, 1);
    const id = q.push(2, Phase.Arrive, noop, 2);
    q.push(3, Phase.Arrive, noop, 3);
    q.cancel(id);
    const order: number[] = [];
    while (q.pop()) order.push(q.poppedArg);
    expect(order).toEqual([1, 3]);
  });

  it("any interleaving of pushes, cancels and pops matches a sorted reference", () => {
    type Op = { op: "push"; time: number; phase: number } | { op: "pop" } | { op: "cancel"; pick: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant("push" as const), time: fc.integer({ min: 0, max: 20 }), phase: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ op: fc.constant("pop" as const) }),
      fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const q = new EventQueue(1);
        // Reference: a list of live entries, popped by sorting on (time, phase, seq).
        let ref: Array<{ time: number; phase: number; seq: number }> = [];
        let seq = 0;
        let now = 0;
        for (const o of ops) {
          if (o.op === "push") {
            const time = now + o.time; // never in the past, like the simulator
            const id = q.push(time, o.phase as Phase, noop, seq);
            expect(id).toBe(seq);
            ref.push({ time, phase: o.phase, seq: seq++ });
          } else if (o.op === "cancel") {
            if (ref.length === 0) continue;
            const victim = ref[o.pick % ref.length]!;
            q.cancel(victim.seq);
            ref = ref.filter((e) => e !== victim);
          } else {
            ref.sort((a, b) => a.time - b.time || a.phase - b.phase || a.seq - b.seq);
            const want = ref.shift();
            const got = q.pop();
            if (want === undefined) expect(got).toBeUndefined();
            else {
              expect(got).toBe(noop);
              expect([q.poppedTime, q.poppedArg]).toEqual([want.time, want.seq]);
              now = want.time;
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
