// Dispatch events at the current instant bypass the heap (simulator.ts). These tests pin that the
// shortcut is invisible: events still run in exact (time, phase, seq) order, cancel still works,
// and `pending` still counts them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Phase, Simulator } from "../../src/core/simulator.js";

describe("same-instant Dispatch events", () => {
  it("run after the instant's Complete and Arrive events, before its Observe events", () => {
    const sim = new Simulator(1);
    const seen: string[] = [];
    sim.at(10, Phase.Complete, () => {
      seen.push("complete");
      sim.at(10, Phase.Dispatch, () => seen.push("dispatch (from complete)"));
    });
    sim.at(10, Phase.Observe, () => seen.push("observe"));
    sim.at(10, Phase.Arrive, () => seen.push("arrive"));
    sim.at(10, Phase.Dispatch, () => seen.push("dispatch (scheduled at 0)"));
    sim.run();
    expect(seen).toEqual(["complete", "arrive", "dispatch (scheduled at 0)", "dispatch (from complete)", "observe"]);
    expect(sim.eventCount).toBe(5);
  });

  it("let a zero-duration Complete scheduled by a dispatch run before the next dispatch", () => {
    const sim = new Simulator(1);
    const seen: string[] = [];
    sim.at(5, Phase.Arrive, () => {
      sim.at(5, Phase.Dispatch, () => {
        seen.push("d1");
        sim.at(5, Phase.Complete, () => seen.push("c"));
      });
      sim.at(5, Phase.Dispatch, () => seen.push("d2"));
    });
    sim.run();
    expect(seen).toEqual(["d1", "c", "d2"]);
  });

  it("can be cancelled, and count as pending until they run", () => {
    const sim = new Simulator(1);
    const seen: number[] = [];
    const a = sim.at(0, Phase.Dispatch, (x) => seen.push(x), 1);
    sim.at(0, Phase.Dispatch, (x) => seen.push(x), 2);
    expect(sim.pending).toBe(2);
    sim.cancel(a);
    sim.run();
    expect(seen).toEqual([2]);
    expect(sim.eventCount).toBe(1);
    expect(sim.pending).toBe(0);
  });

  it("stop() inside the list leaves the rest for the next run()", () => {
    const sim = new Simulator(1);
    const seen: number[] = [];
    sim.at(0, Phase.Dispatch, () => { seen.push(1); sim.stop(); });
    sim.at(0, Phase.Dispatch, () => seen.push(2));
    sim.at(3, Phase.Arrive, () => seen.push(3));
    sim.run();
    expect([seen, sim.now]).toEqual([[1], 0]);
    sim.run();
    expect(seen).toEqual([1, 2, 3]);
  });

  it("any program of handlers runs in the order of a sorted (time, phase, seq) reference", () => {
    // Each event, when it runs, schedules its children at now + delay (delay 0 is common, so
    // same-instant Dispatch events and heap events interleave); some children first cancel the event
    // scheduled `cancelBack` schedules ago (anywhere in the instant list or the heap, or already run).
    type Child = { delay: number; phase: number; cancelBack: number };
    const childArb = fc.record({
      delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
      phase: fc.integer({ min: 0, max: 4 }),
      cancelBack: fc.integer({ min: 0, max: 6 }), // 0: cancel nothing
    });
    const programArb = fc.array(fc.array(childArb, { maxLength: 3 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(programArb, (program: Child[][]) => {
        // The reference: a plain list sorted on (time, phase, seq) at every step.
        const ref: Array<{ time: number; phase: number; seq: number; node: number }> = [];
        const refCancelled = new Set<number>();
        let refSeq = 0;
        let refNext = 0;
        const refOrder: number[] = [];
        const refSchedule = (time: number, phase: number): void => {
          const node = refNext++;
          if (node < program.length) ref.push({ time, phase, seq: refSeq++, node });
        };
        refSchedule(0, Phase.Arrive);
        while (ref.length > 0) {
          ref.sort((a, b) => a.time - b.time || a.phase - b.phase || a.seq - b.seq);
          const e = ref.shift()!;
          if (refCancelled.has(e.seq)) continue;
          refOrder.push(e.node);
          for (const c of program[e.node]!) {
            if (c.cancelBack > 0 && refSeq - c.cancelBack >= 0) refCancelled.add(refSeq - c.cancelBack);
            if (refNext >= program.length) break;
            refSchedule(e.time + c.delay, c.phase);
          }
        }

        const sim = new Simulator(1);
        let next = 0;
        const order: number[] = [];
        const run = (node: number): void => {
          order.push(node);
          for (const c of program[node]!) {
            // Ids are the seqs 0, 1, 2, ... in scheduling order, as in the reference.
            if (c.cancelBack > 0 && next - c.cancelBack >= 0) sim.cancel(next - c.cancelBack);
            if (next >= program.length) break;
            sim.at(sim.now + c.delay, c.phase as Phase, run, next++);
          }
        };
        sim.at(0, Phase.Arrive, run, next++);
        sim.run();
        expect(order).toEqual(refOrder);
        expect(sim.eventCount).toBe(refOrder.length);
      }),
      { numRuns: 400 },
    );
  });
});
