// RingQueue keeps FIFO order across growth and removal from the middle.
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
});
