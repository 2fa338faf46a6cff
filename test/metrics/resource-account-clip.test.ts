// ResourceAccounts without clipping (no in-flight drops possible) must give exactly the figures
// of the clipping accounts whenever no server changes state after the last completion — the
// promise the collector relies on when no resource can refuse work.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HELD, ResourceAccounts, STARVED, UPSTREAM } from "../../src/metrics/resource-account.js";

type Op = { kind: "arrive" | "leave" | "queue" | "toggle"; r: number; s: number; n: number; dt: number };

const op = fc.record({
  kind: fc.constantFrom("arrive", "leave", "queue", "toggle"),
  r: fc.nat(1),
  s: fc.nat(2),
  n: fc.nat(3),
  dt: fc.nat(5),
}) as fc.Arbitrary<Op>;

/** Plays a consistent event sequence into both accounts; ends with every server idle and a completion last. */
function play(ops: Op[], accounts: ResourceAccounts[]): number {
  const servers = [2, 3];
  const busy = servers.map((c) => new Array<boolean>(c).fill(false));
  let t = 0;
  let inSystem = 0;
  const each = (f: (a: ResourceAccounts) => void): void => accounts.forEach(f);
  for (const o of ops) {
    t += o.dt;
    const s = o.s % servers[o.r]!;
    if (o.kind === "arrive") {
      inSystem++;
      each((a) => a.arrive(t));
    } else if (o.kind === "leave" && inSystem > 0) {
      inSystem--;
      each((a) => a.leave(t, true));
    } else if (o.kind === "queue") {
      each((a) => a.setWaiting(o.r, o.n, t));
    } else if (o.kind === "toggle" && inSystem > 0) {
      busy[o.r]![s] = !busy[o.r]![s];
      each((a) => (busy[o.r]![s] ? a.start(o.r, s, t) : a.end(o.r, s, t)));
    }
  }
  // Finish: free every server, then complete the remaining requests (the last completion is T1).
  t += 1;
  busy.forEach((row, r) => row.forEach((b, s) => b && each((a) => a.end(r, s, t))));
  each((a) => a.arrive(t));
  inSystem++;
  t += 1;
  while (inSystem-- > 0) each((a) => a.leave(t, true));
  return t;
}

describe("ResourceAccounts without clipping", () => {
  it("matches the clipping accounts when nothing runs after the last completion", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const clipped = new ResourceAccounts([2, 3], true);
        const plain = new ResourceAccounts([2, 3], false);
        const t1 = play(ops, [clipped, plain]);
        clipped.settle(t1);
        plain.settle(t1);
        for (let r = 0; r < 2; r++) {
          for (let s = 0; s < clipped.servers(r); s++) {
            expect(plain.windowBusyNs(r, s)).toBe(clipped.windowBusyNs(r, s));
            expect(plain.windowFirstStart(r, s)).toBe(clipped.windowFirstStart(r, s));
            expect(plain.windowLastEnd(r, s)).toBe(clipped.windowLastEnd(r, s));
            for (const k of [STARVED, UPSTREAM, HELD]) expect(plain.internalIdleNs(r, s, k)).toBe(clipped.internalIdleNs(r, s, k));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
