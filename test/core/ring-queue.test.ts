// RingQueue keeps FIFO order across growth and removal from the middle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RingQueue } from "../../src/core/ring-queue.js";

describe("RingQueue", () => {
  it("keeps FIFO order across wrap-around and growth", () => {
    const q = new RingQueue<number>(2);
    q.push(1);
    q.push(2);
    expect(q.shift()).toBe(1);
    q.push(3);
    q.push(4); // grows while wrapped
    expect(q.toArray()).toEqual([2, 3, 4]);
  });
  it("removes an item from the middle keeping the others in order", () => {
    const q = new RingQueue<string>(4);
    for (const s of ["a", "b", "c", "d"]) q.push(s);
    q.shift();
    q.push("e");
    expect(q.removeAt(2)).toBe("d");
    expect(q.toArray()).toEqual(["b", "c", "e"]);
  });
  it("behaves like an array under any mix of push, shift and removeAt, from any capacity", () => {
    const op = fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat({ max: 40 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(op, { maxLength: 200 }), (cap, ops) => {
        const q = new RingQueue<number>(cap);
        const ref: number[] = [];
        let next = 0;
        for (const o of ops) {
          if (o === -1 || ref.length === 0) {
            q.push(next);
            ref.push(next++);
          } else if (o === -2) expect(q.shift()).toBe(ref.shift());
          else {
            const i = o % ref.length;
            expect(q.removeAt(i)).toBe(ref.splice(i, 1)[0]);
          }
          expect(q.length).toBe(ref.length);
        }
        expect(q.toArray()).toEqual(ref);
      }),
    );
  });
});
