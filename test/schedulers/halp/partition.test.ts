// The partition ratio (HALP §1.6.4) on the hand example: a one-layer 1×1-conv block of 12
// rows on three identical nodes, 1 ms per row, no overhead, 0.5 ms per row each way, no latency.
// Independent links: (host, ES1, ES2) = (6, 3, 3), 6 ms, speed-up 2.0. One FIFO medium for all
// four links: 7 rows on the host and 3 + 2 outside, 7 ms, speed-up 12/7 = 1.71. The expected
// minima are found by the test's own brute force over every split, with the times written by hand.
import { describe, expect, it } from "vitest";
import { blockScratch, blockTime, type BlockCostSetting, type LinkCost } from "../../../src/schedulers/planning/spatial-cost.js";
import { blockRows, memberRows, type MemberRows } from "../../../src/schedulers/planning/spatial-rows.js";
import { bestPartition, proportionalCounts, SplitSpace } from "../../../src/schedulers/planning/spatial-search.js";
import { builtin, modelOf } from "../../workload/helpers.js";

const MS = 1e6;
// 12 rows of 1000 elements (uint8 raw input: 1000 bytes per row); 1×1 conv, so no overlap.
const model = modelOf({
  name: "one-by-one", input: { shape: [1, 12, 1000] },
  layers: [{ name: "c", kind: "conv", outputShape: [1, 12, 1000], macs: 12_000, geometry: { kernel: 1, stride: 1, padding: 0 } }],
});
const block = blockRows(model, 0, 0);
const node = { slab: (_layer: number, rows: number): number => rows * MS }; // 1 ms per row, no overhead
// 1000-byte rows at 2e6 bytes/s: 0.5 ms per row. The output is fp32 (4000 bytes per row), so the
// return link is 4× faster to keep 0.5 ms per row both ways as the example says.
const link = (bytesPerSec: number, group: number): LinkCost => ({ bytesPerSec, latencyNs: 0, group });
const setting = (shared: boolean): BlockCostSetting => ({
  nodes: [node, node, node],
  out: [null, link(2e6, shared ? 9 : 0), link(2e6, shared ? 9 : 1)],
  back: [null, link(8e6, shared ? 9 : 2), link(8e6, shared ? 9 : 3)],
  inRowBytes: 1000, outRowBytes: 4000, headerBytes: 0, tasks: 1,
});
const HALP = [1, 0, 2]; // ES1 on top, host in the middle, ES2 below

/** The makespan of (host, x1, x2) rows written out by hand, for the test's own brute force. */
function handMs(x1: number, x2: number, shared: boolean): number {
  const host = 12 - x1 - x2;
  if (!shared) return Math.max(host, ...[x1, x2].map((x) => (x > 0 ? 0.5 * x + x + 0.5 * x : 0)));
  // FIFO medium: larger slab sent first; returns in the order they are ready.
  const [a, b] = x1 >= x2 ? [x1, x2] : [x2, x1];
  const sentA = 0.5 * a;
  const sentB = sentA + 0.5 * b;
  const ready = [[sentA + a, a], [sentB + b, b]].filter(([, x]) => x! > 0).sort((p, q) => p[0]! - q[0]!);
  let free = sentB;
  let done = host;
  for (const [r, x] of ready) {
    free = Math.max(free, r!) + 0.5 * x!;
    done = Math.max(done, free);
  }
  return done;
}

function bruteForce(shared: boolean): { ms: number; splits: string[] } {
  let best = Infinity;
  let splits: string[] = [];
  for (let x1 = 0; x1 <= 12; x1++) {
    for (let x2 = 0; x1 + x2 <= 12; x2++) {
      const t = handMs(x1, x2, shared);
      if (t < best - 1e-9) [best, splits] = [t, []];
      if (Math.abs(t - best) < 1e-9) splits.push(`${12 - x1 - x2}:${[x1, x2].sort((p, q) => q - p).join("+")}`);
    }
  }
  return { ms: best, splits: [...new Set(splits)] }; // (3, 2) and (2, 3) mirror each other
}

describe("partition ratio by brute force (the issue's 12-row example)", () => {
  it("independent links: (6, 3, 3), 6 ms, speed-up 12/6 = 2.0", () => {
    expect(bruteForce(false)).toEqual({ ms: 6, splits: ["6:3+3"] });
    const p = bestPartition(block, setting(false), HALP, "search");
    expect(Array.from(p.counts)).toEqual([3, 6, 3]);
    expect(p.time.makespan / MS).toBeCloseTo(6, 9);
    expect(12 / (p.time.makespan / MS)).toBeCloseTo(2.0, 9);
  });

  it("one FIFO medium: 7 rows on the host and 3 + 2 outside, 7 ms, speed-up 12/7 = 1.71", () => {
    const truth = bruteForce(true);
    expect(truth.ms).toBe(7);
    expect(truth.splits).toEqual(["7:3+2"]);
    const p = bestPartition(block, setting(true), HALP, "search");
    expect(p.counts[1]).toBe(7);
    expect([p.counts[0], p.counts[2]].sort()).toEqual([2, 3]);
    expect(p.time.makespan / MS).toBeCloseTo(7, 9);
    expect(12 / (p.time.makespan / MS)).toBeCloseTo(1.714, 3);
  });

  it("the predicted makespan of every split equals the hand formula", () => {
    for (const shared of [false, true]) {
      for (let x1 = 0; x1 <= 12; x1++) {
        for (let x2 = 0; x1 + x2 <= 12; x2++) {
          const rows = memberRows(block, HALP, [x1, 12 - x1 - x2, x2], 3);
          const t = blockTimeOf(rows, shared);
          expect(t, `x1 ${x1} x2 ${x2} shared ${shared}`).toBeCloseTo(handMs(x1, x2, shared), 9);
        }
      }
    }
  });

  it("tasks > 1: the objective adds (K − 1) steady-state cycles; proportional deals rows by speed", () => {
    const four = { ...setting(false), tasks: 4 };
    const p = bestPartition(block, four, HALP, "search");
    // Independent links, K = 4: cycle = the busiest node or link per task (a link is busy 0.5 ms
    // per row, less than the compute): (6, 3, 3) gives 6 + 3·6 = 24 ms, (4, 4, 4) gives
    // max(4, 0.5·4 + 4 + 0.5·4 = 8) + 3·4 = 20 ms; the test's brute force finds the least.
    expect(p.time.objective / MS).toBeCloseTo(bruteForceTasks(4), 9);
    expect(Array.from(proportionalCounts(block, setting(false), HALP))).toEqual([4, 4, 4]);
  });
});


function blockTimeOf(rows: MemberRows, shared: boolean): number {
  return blockTime(block, setting(shared), rows, blockScratch(10, 3)).makespan / MS;
}

function bruteForceTasks(k: number): number {
  let best = Infinity;
  for (let x1 = 0; x1 <= 12; x1++) {
    for (let x2 = 0; x1 + x2 <= 12; x2++) {
      const host = 12 - x1 - x2;
      const cycle = Math.max(host, x1, x2, 0.5 * x1, 0.5 * x2); // each link busy 0.5 ms per row
      best = Math.min(best, handMs(x1, x2, false) + (k - 1) * cycle);
    }
  }
  return best;
}

describe("the search's fast paths agree with the general block time", () => {
  // VGG-16's conv4 stage on three nodes of different speeds, links at assorted rates: the split the
  // search picks has the least general-model objective of all splits, on independent links and on
  // one medium (the two fast paths), for one task and for four.
  const vgg = builtin("vgg16");
  const b = blockRows(vgg, vgg.indexOf("conv4_1"), vgg.indexOf("pool4"));
  const speeds = [1, 0.7, 1.3];
  const nodes = speeds.map((f) => ({ slab: (layer: number, rows: number): number => f * (0.05 * MS + rows * (layer + 1) * 0.01 * MS) }));
  for (const [rate, shared, tasks] of [[2e6, false, 1], [2e7, true, 1], [5e6, true, 4], [1e8, false, 4]] as const) {
    it(`${rate} B/s, ${shared ? "one medium" : "independent"}, ${tasks} task(s)`, () => {
      const l = (g: number): LinkCost => ({ bytesPerSec: rate, latencyNs: 0.3 * MS, group: shared ? 0 : g });
      const s: BlockCostSetting = { nodes, out: [null, l(1), l(2)], back: [null, l(3), l(4)], inRowBytes: 28 * 512 * 4, outRowBytes: 14 * 512 * 4, headerBytes: 16, tasks };
      const space = new SplitSpace(b, nodes, HALP);
      const k = space.bestIndex(s);
      let least = Infinity;
      const H = b.heights[b.heights.length - 1]!;
      for (let x1 = 0; x1 <= H; x1++) for (let x2 = 0; x1 + x2 <= H; x2++) {
        const m = memberRows(b, HALP, [x1, H - x1 - x2, x2], 3);
        least = Math.min(least, blockTime(b, s, m, blockScratch(5, 3)).objective);
      }
      expect(space.lastObjective).toBeCloseTo(least, 3);
      const counts = Array.from(space.counts.slice(k * 3, k * 3 + 3));
      expect(blockTime(b, s, memberRows(b, HALP, counts, 3), blockScratch(5, 3)).objective).toBeCloseTo(least, 3);
    });
  }
});
