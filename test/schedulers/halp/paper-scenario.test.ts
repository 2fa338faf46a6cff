// The trend checks of halp-bps.md §1.9 in scenarios/papers/halp.yaml (one VGG-16 task, three
// identical nodes, independent links at 50–1000 Mbit/s), on the Jetson AGX Xavier and the
// Raspberry Pi 4; the full grid (GTX 1080 Ti, K = 4, one medium) is scripts/halp-grid.ts and its
// table in docs/schedulers/halp.md, which also says which checks do not hold and why.
import { describe, expect, it } from "vitest";
import { pointSets, RATES, runPoint } from "../../../scripts/halp-grid.js";
import { loadScenario } from "../../../src/scenario/load.js";
import { runScenario } from "../../../src/scenario/run.js";

const grid = (platform: string): Array<Record<string, number>> => RATES.map((mbps) => runPoint({ platform, mbps, tasks: 1, medium: false }));

describe("halp paper scenario: trends (§1.9)", () => {
  const xavier = grid("xavier");
  const pi = grid("pi4");

  it("1: the speed-up over the host alone stays below 3 (three nodes) and never falls as the links get faster", () => {
    for (const rows of [xavier, pi]) {
      for (const s of ["halp", "rfs"]) {
        const x = rows.map((r) => r[`${s} ×`]!);
        for (const v of x) expect(v).toBeLessThan(3);
        for (let i = 1; i < x.length; i++) expect(x[i]!, `${s} at ${RATES[i]} Mbit/s`).toBeGreaterThanOrEqual(x[i - 1]! - 1e-9);
      }
    }
  });

  it("1: on the Pi, where compute dominates, the gain per doubling of the rate falls from 100 → 200 Mbit/s on", () => {
    // Levelling off as the gain per doubling: Δ(speed-up) / log2(rate ratio) over 100→200, 200→500, 500→1000.
    // 50 → 100 is left out: there halp (reading A) gains little (docs/schedulers/halp.md, "What does not hold").
    const x = pi.map((r) => r["halp ×"]!);
    const perDoubling = [1, 2, 3].map((i) => (x[i + 1]! - x[i]!) / Math.log2(RATES[i + 1]! / RATES[i]!));
    expect(perDoubling[1]!).toBeLessThan(perDoubling[0]!);
    expect(perDoubling[2]!).toBeLessThan(perDoubling[1]!);
  });

  it("1: at 1000 Mbit/s halp beats the host alone on both platforms", () => {
    expect(xavier[4]!["halp ×"]!).toBeGreaterThan(1.1);
    expect(pi[4]!["halp ×"]!).toBeGreaterThan(2);
  });

  it("3: rfs and halp beat MoDNN's per-layer scatter/gather at every rate, by more at 50 than at 1000 Mbit/s", () => {
    for (const rows of [xavier, pi]) {
      for (const r of rows) {
        expect(r["halp ×"]!).toBeGreaterThan(r["modnn ×"]!);
        expect(r["rfs ×"]!).toBeGreaterThan(r["modnn ×"]!);
      }
      const gap = (r: Record<string, number>): number => r["halp ×"]! / r["modnn ×"]!;
      expect(gap(rows[0]!)).toBeGreaterThan(gap(rows[4]!));
    }
  });

  it("6: halp's bubble ratio is the lowest of the three partitioners (Pi, 200 Mbit/s)", () => {
    const s = loadScenario("scenarios/papers/halp.yaml", { sets: pointSets({ platform: "pi4", mbps: 200, tasks: 1, medium: false }) });
    const bubble = (name: string): number => runScenario(s, name).report.bubbleRatio.overall;
    expect(bubble("halp")).toBeLessThan(bubble("rfs"));
    expect(bubble("halp")).toBeLessThan(bubble("modnn"));
  });
});

describe("halp paper scenario: every plan runs", () => {
  it("reading B on the Pi with one medium, one task, 50 Mbit/s: a secondary whose first rows lie above level 1 waits only on its halo", () => {
    // There the search gives a secondary no rows at the first level of a later block (the host's
    // regions cover them), so it receives no block input. Its compute used to depend on the previous
    // block's host steps directly, reading host data with no transfer: the executor refused the plan.
    for (const mbps of [50, 100]) {
      const r = runPoint({ platform: "pi4", mbps, tasks: 1, medium: true }, ["halp-halo"]);
      expect(r["halp-halo"], `${mbps} Mbit/s`).toBeGreaterThan(0);
      expect(r["halp-halo ×"]!, `${mbps} Mbit/s`).toBeGreaterThan(1);
    }
  });
});
