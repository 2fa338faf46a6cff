// RowPool, WorkPool and Request rows: slots are reused only after release, a released request's
// times cannot be read by mistake, and a frozen one keeps them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { newRequest, REQUEST_ROW_WIDTH } from "../../src/workload/request.js";
import { RowPool } from "../../src/workload/row-pool.js";
import { WorkPool } from "../../src/workload/work-pool.js";

describe("RowPool", () => {
  it("never hands out a slot that is held, and reuses released ones before growing", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), (ops) => {
        const pool = new RowPool(2, 3); // 8 rows per chunk, so chunks are crossed often
        const held: number[] = [];
        let highest = -1;
        for (const take of ops) {
          if (take || held.length === 0) {
            const freeBefore = highest + 1 - held.length;
            const s = pool.acquire();
            expect(held).not.toContain(s);
            if (freeBefore > 0) expect(s).toBeLessThanOrEqual(highest); // a released slot, no growth
            highest = Math.max(highest, s);
            held.push(s);
          } else {
            pool.release(held.splice(held.length >> 1, 1)[0]!);
          }
          expect(pool.inUse).toBe(held.length);
        }
      }),
    );
  });

  it("gives each held slot its own row: writes to one never show in another", () => {
    const pool = new RowPool(3, 2);
    const slots = Array.from({ length: 10 }, () => pool.acquire());
    slots.forEach((s, i) => pool.chunk(s).fill(i, pool.offset(s), pool.offset(s) + 3));
    slots.forEach((s, i) => expect(Array.from(pool.chunk(s).subarray(pool.offset(s), pool.offset(s) + 3))).toEqual([i, i, i]));
  });
});

describe("Request rows", () => {
  it("reads and writes its times through a pooled row", () => {
    const pool = new RowPool(REQUEST_ROW_WIDTH);
    const r = newRequest(7, 0, 7, "m", 1_000, 9_000, pool);
    r.queueingNs += 5;
    r.computeNs = 2.5;
    r.completion = 4_000;
    expect([r.arrival, r.deadline, r.completion, r.queueingNs, r.computeNs, r.transferNs]).toEqual([1_000, 9_000, 4_000, 5, 2.5, 0]);
  });

  it("refuses to read times after release, since the row now belongs to another request", () => {
    const pool = new RowPool(REQUEST_ROW_WIDTH);
    const a = newRequest(1, 0, 1, "m", 10, -1, pool);
    a.release();
    const b = newRequest(2, 0, 2, "m", 20, -1, pool); // takes a's row
    expect(b.arrival).toBe(20);
    expect(() => a.arrival).toThrow(/request 1 has left the system/);
    expect(() => {
      a.computeNs = 1;
    }).toThrow(/freeze/);
  });

  it("keeps a frozen request's times, whatever later takes its row", () => {
    const pool = new RowPool(REQUEST_ROW_WIDTH);
    const a = newRequest(1, 0, 1, "m", 10, 50, pool);
    a.completion = 30;
    a.freeze();
    a.release(); // a no-op once frozen
    const b = newRequest(2, 0, 2, "m", 99, -1, pool);
    b.completion = 123;
    expect([a.arrival, a.deadline, a.completion]).toEqual([10, 50, 30]);
    expect(pool.inUse).toBe(1);
  });

  it("serialises every field, getters included", () => {
    const r = newRequest(3, 1, 0, "m", 5, -1);
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ id: 3, source: 1, model: "m", arrival: 5, completion: -1, cut: "", bits: 0 });
  });
});

describe("WorkPool", () => {
  it("reuses a released record and resets its numbers", () => {
    const pool = new WorkPool();
    const req = newRequest(0, 0, 0, "m", 0, -1);
    const w = pool.acquire(req, 2, 100, null, 4096);
    w.start = 150;
    expect([w.step, w.ready, w.start, w.bytes]).toEqual([2, 100, 150, 4096]);
    pool.release(w);
    const again = pool.acquire(req, 0, 300, null, 0);
    expect(again).toBe(w);
    expect([again.step, again.ready, again.start, again.bytes]).toEqual([0, 300, -1, 0]);
  });

  it("keeps the numbers of records held at the same time apart", () => {
    const pool = new WorkPool();
    const req = newRequest(0, 0, 0, "m", 0, -1);
    const ws = Array.from({ length: 2000 }, (_, i) => pool.acquire(req, i, i * 10, null, i));
    ws.forEach((w, i) => expect([w.step, w.ready, w.bytes]).toEqual([i, i * 10, i]));
  });
});
