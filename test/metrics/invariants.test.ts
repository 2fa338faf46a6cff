// Accounting on random schedules (fast-check): every figure equals a brute-force oracle that
// classifies each 1 ms of the window, and the idle parts and busy time fill the window exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { play, stations, type Schedule } from "./replay.js";

/**
 * Random schedule on one resource with 1-3 servers; integer ms keep every figure exact. Busy
 * intervals and stays last at least 1 ms: an end or a leave is handled before a start or an arrival
 * at the same time, so a zero-length one would come out of order.
 */
const schedule = fc
  .record({
    servers: fc.integer({ min: 1, max: 3 }),
    reqs: fc.array(fc.record({ arrive: fc.nat(60), stay: fc.integer({ min: 1, max: 60 }), done: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    work: fc.array(fc.array(fc.record({ gap: fc.nat(20), len: fc.integer({ min: 1, max: 20 }) }), { maxLength: 5 }), { minLength: 3, maxLength: 3 }),
    queue: fc.array(fc.record({ at: fc.nat(120), waiting: fc.nat(2) }), { maxLength: 6 }),
  })
  .map(({ servers, reqs, work, queue }): Schedule => {
    const arrivals = reqs.map((r, i) => (i === 0 ? 0 : r.arrive)).sort((a, b) => a - b);
    const busy: Schedule["busy"] = [];
    for (let s = 0; s < servers; s++) {
      let t = 0;
      for (const w of work[s]!) {
        busy.push([0, s, t + w.gap, t + w.gap + w.len]);
        t += w.gap + w.len;
      }
    }
    const leave = reqs.map((r, i) => [i, arrivals[i]! + r.stay] as [number, number]);
    return {
      resources: stations(servers),
      arrivalsMs: arrivals,
      busy,
      queue: queue.map((q) => [0, q.waiting, q.at] as [number, number, number]),
      complete: leave.filter((_, i) => reqs[i]!.done),
      drop: leave.filter((_, i) => !reqs[i]!.done),
    };
  });

/** Per-ms classification: state over [k, k + 1) is the state after every event at time <= k. */
function oracle(s: Schedule) {
  const leaves = [...s.complete, ...(s.drop ?? [])];
  const all = [...s.arrivalsMs, ...s.busy.flatMap((b) => [b[2], b[3]]), ...(s.queue ?? []).map((q) => q[2]), ...leaves.map((l) => l[1])];
  const t1 = s.complete.length > 0 ? Math.max(...s.complete.map((c) => c[1])) : Math.max(...all);
  const queue = [...(s.queue ?? [])].sort((a, b) => a[2] - b[2]); // stable: the later listed wins a tie
  const out = { busy: 0, fill: 0, drain: 0, starved: 0, upstream: 0, held: 0 };
  for (let srv = 0; srv < s.resources[0]!.servers; srv++) {
    const busyAt = (k: number) => s.busy.some(([, sv, x, y]) => sv === srv && x <= k && k < y);
    const units = Array.from({ length: t1 }, (_, k) => k).filter(busyAt);
    if (units.length === 0) {
      out.fill += t1;
      continue;
    }
    const first = units[0]!;
    const last = units[units.length - 1]! + 1;
    out.busy += units.length;
    out.fill += first;
    out.drain += t1 - last;
    for (let k = first; k < last; k++) {
      if (busyAt(k)) continue;
      const inSystem = s.arrivalsMs.filter((a) => a <= k).length - leaves.filter((l) => l[1] <= k).length;
      const waiting = queue.filter((q) => q[2] <= k).map((q) => q[1]).pop() ?? 0;
      if (inSystem === 0) out.starved++;
      else if (waiting > 0) out.held++;
      else out.upstream++;
    }
  }
  return out;
}

describe("accounting on random schedules", () => {
  it("busy, fill, drain and each idle cause equal a per-millisecond count", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const r = play(s).report.resources["r0"]!;
        const c = r.idleByCauseMs;
        const got = { busy: r.busyMs, fill: r.fillMs, drain: r.drainMs, starved: c.starved, upstream: c.upstream, held: c.held };
        expect(got).toEqual(oracle(s));
      }),
    );
  });

  it("busy + fill + drain + internal idle = c·(T1 − T0) on any schedule", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const { report } = play(s);
        const r = report.resources["r0"]!;
        expect(r.busyMs + r.fillMs + r.drainMs + r.internalIdleMs).toBeCloseTo(r.servers * report.makespanMs, 6);
      }),
    );
  });

  it("starved + upstream + held = internal idle on any schedule", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const r = play(s).report.resources["r0"]!;
        const c = r.idleByCauseMs;
        expect(c.starved + c.upstream + c.held).toBeCloseTo(r.internalIdleMs, 6);
      }),
    );
  });

  it("no idle part or busy time is negative and busy time fits in the window", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const { report } = play(s);
        const r = report.resources["r0"]!;
        const parts = [r.busyMs, r.fillMs, r.drainMs, r.internalIdleMs, r.idleByCauseMs.starved, r.idleByCauseMs.upstream, r.idleByCauseMs.held];
        for (const x of parts) expect(x).toBeGreaterThanOrEqual(0);
        expect(r.busyMs).toBeLessThanOrEqual(r.servers * report.makespanMs + 1e-9);
      }),
    );
  });
});
