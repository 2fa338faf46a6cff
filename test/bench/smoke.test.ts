// The benches cannot rot: every case of the quick plan runs in-process at a tiny size and gives
// finite positive rates; the reference heap pops the same sequence as EventQueue; the
// hand-written M/M/1 matches its closed form; one case goes through the child-process protocol.
// Section 6 (whole processes) has its own tests in whole.test.ts; it is only checked for here.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EventQueue, Phase, type Handler } from "../../src/core/event-queue.js";
import { runCase } from "../../bench/lib/cases.js";
import { figures, key, type Results } from "../../bench/lib/figures.js";
import { plan, runList } from "../../bench/lib/plan.js";
import { mulberry32 } from "../../bench/lib/prng.js";
import type { CaseResult } from "../../bench/lib/result.js";
import { renderTable } from "../../bench/lib/table.js";
import { MM1_SOJOURN_MS } from "../../bench/cases/mm1-reference.js";
import { ReferenceHeap, type RefHandler } from "../../bench/reference/heap.js";
import { runReferenceMm1 } from "../../bench/reference/mm1.js";

describe("reference heap", () => {
  it("pops the same (time, FIFO) sequence as EventQueue, ties included", () => {
    const u = mulberry32(7);
    const q = new EventQueue(2);
    const ref = new ReferenceHeap(2);
    const h: Handler = () => {};
    const rh: RefHandler = () => {};
    const got: number[] = [];
    const want: number[] = [];
    let now = 0;
    let arg = 0;
    // Integer times in a small range make ties common; pops and pushes interleave at random.
    for (let step = 0; step < 20_000; step++) {
      if (u() < 0.55 || q.size === 0) {
        const t = now + Math.floor(u() * 5);
        q.push(t, Phase.Arrive, h, arg);
        ref.push(t, rh, arg++);
      } else {
        q.pop();
        ref.pop();
        now = q.poppedTime;
        expect(ref.poppedTime).toBe(now);
        got.push(ref.poppedArg);
        want.push(q.poppedArg);
      }
    }
    while (q.pop() !== undefined) {
      ref.pop();
      got.push(ref.poppedArg);
      want.push(q.poppedArg);
    }
    expect(ref.pop()).toBeUndefined();
    expect(got).toEqual(want);
    expect(got.length).toBe(arg);
  });
});

describe("hand-written M/M/1", () => {
  it("mean sojourn is within 5 % (about 3 sigma) of 1/(mu - lambda) at 1e5 customers", () => {
    const r = runReferenceMm1({ customers: 1e5, lambda: 0.05, mu: 0.1 });
    expect(r.customers).toBe(1e5);
    expect(r.events).toBe(2e5);
    expect(Math.abs(r.meanSojourn / MM1_SOJOURN_MS - 1)).toBeLessThan(0.05);
  });
});

describe("every bench case at a tiny size", () => {
  const all = runList(plan("quick"));
  const jobs = all.filter((j) => j.group !== 6);
  const results: Results = new Map();

  it("the quick plan covers all six sections", () => {
    expect(new Set(all.map((j) => j.group))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  for (const j of jobs) {
    it(`${j.case} at ${j.size} gives finite positive rates`, async () => {
      const r = await runCase(j.case, j.size, { quick: true });
      expect(r.case).toBe(j.case);
      expect(r.events).toBeGreaterThan(0);
      expect(r.seconds).toBeGreaterThan(0);
      expect(Number.isFinite(r.events / r.seconds)).toBe(true);
      expect(r.rssMB).toBeGreaterThan(0);
      if (j.group >= 2) {
        // Every request goes through: the tiny runs drop nothing.
        expect(r.requests).toBe(j.case.startsWith("many-") ? r.size : j.size);
        expect(Number.isFinite(r.requests! / r.seconds)).toBe(true);
      }
      results.set(key(j.case, j.size), [r]);
    });
  }

  it("both hold queues agree on the checksum, and the figures have a target per section", () => {
    const hs = results.get(key("hold-splitsim", 1e3))?.[0];
    const hr = results.get(key("hold-reference", 1e3))?.[0];
    expect(hs?.extra).toEqual(hr?.extra);
    const rows = figures(results);
    for (const g of [1, 2, 3, 4]) expect(rows.some((r) => r.group === g && r.target !== undefined)).toBe(true);
    expect(rows.some((r) => r.group === 5)).toBe(true);
    for (const r of rows) expect(Number.isFinite(r.value.median)).toBe(true);
    expect(renderTable(rows)).toContain("targets met:");
    // Quick mode's tiny sizes judge nothing: no "0 of 5", no ✓ or ✗.
    const quick = renderTable(rows, true);
    expect(quick).toContain("targets: not judged in quick mode");
    expect(quick).not.toMatch(/✓|✗|targets met/);
  });
});

describe("child-process protocol", () => {
  it("bench/case.ts prints one JSON CaseResult line", () => {
    const p = spawnSync(process.execPath, ["--import", "tsx", "bench/case.ts", "hold-reference", "100", "--quick"], { encoding: "utf8" });
    expect(p.status).toBe(0);
    const r = JSON.parse(p.stdout.trim().split("\n").pop()!) as CaseResult;
    expect(r.case).toBe("hold-reference");
    expect(r.events / r.seconds).toBeGreaterThan(0);
  });

  it("an unknown case is an error", async () => {
    await expect(runCase("no-such-case", 10)).rejects.toThrow(/unknown bench case/);
  });
});
