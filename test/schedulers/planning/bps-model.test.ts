// BPS's analytic model against hand calculations (every expected value derived in a comment):
// stage times, pipelined vs not, batching, a codec, δ and the link, the DP mix at α = 0, ½, 1
// against local-only and offload-only, the offered-rate cap, the enumeration's order and ties,
// the issue's acceptance numbers, and — on real scenario contexts — the simulator's own costs.
import { describe, expect, it } from "vitest";
import { bpsCosts } from "../../../src/schedulers/planning/bps-costs.js";
import { bestBpsConfig, bpsEstimate, type BpsConfig, type BpsCosts, type CodecCost } from "../../../src/schedulers/planning/bps-model.js";
import { resolveRoute } from "../../../src/schedulers/planning/route.js";
import { range } from "../../../src/schedulers/planning/split-plan.js";
import { boundaryBytes } from "../../../src/workload/quantization.js";
import { oneRequest, withContext } from "../decc/helpers.js";

const MS = 1e6;

/** Hand costs: per-layer ms at batches 1 and 4 on each side, bytes per cut, bandwidth and δ. */
function handCosts(spec: {
  device: Record<number, number[]>; remote: Record<number, number[]>; bytes: number[];
  bandwidthBps: number; latencyMs: number; codec?: (name: string, k: number, b: number) => CodecCost | undefined;
}): BpsCosts {
  const n = spec.bytes.length - 1;
  const sum = (xs: number[], from: number, to: number): number => xs.slice(from, to).reduce((a, x) => a + x, 0) * MS;
  const costs: BpsCosts = {
    layers: n,
    deviceNs: (k, b) => sum(spec.device[b]!, 0, k),
    remoteNs: (k, b) => sum(spec.remote[b]!, k, n),
    bytes: (k) => spec.bytes[k]!,
    bandwidthBps: spec.bandwidthBps,
    latencyNs: spec.latencyMs * MS,
  };
  return spec.codec ? { ...costs, codec: spec.codec } : costs;
}

/**
 * A 3-layer chain. Device per layer: 4, 6, 8 ms at b = 1; 8, 12, 16 ms at b = 4. Remote: 1 ms per
 * layer at b = 1, 2 ms at b = 4. Bytes per request at cuts 0..3: 40,000 (raw), 20,000, 5,000, 0.
 * 1e6 B/s, so 1,000 bytes take 1 ms; δ = 2 ms.
 */
const chain = (codec?: (name: string, k: number, b: number) => CodecCost | undefined): BpsCosts => handCosts({
  device: { 1: [4, 6, 8], 4: [8, 12, 16] }, remote: { 1: [1, 1, 1], 4: [2, 2, 2] },
  bytes: [40_000, 20_000, 5_000, 0], bandwidthBps: 1e6, latencyMs: 2, ...(codec ? { codec } : {}),
});

const cfg = (over: Partial<BpsConfig>): BpsConfig =>
  ({ cut: 2, batch: 1, localBatch: 1, alpha: 0, codec: "off", pipelined: true, ...over });

describe("bpsEstimate on a 3-layer chain", () => {
  it("cut 2, b = 1: S = (10, 7, 1) ms; pipelined 1/10 ms = 100/s (device), not 1/18 ms = 55.6/s", () => {
    // S1 = 4 + 6 = 10; S2 = δ 2 + 5,000 B at 1e6 B/s = 7; S3 = layer 3 remote = 1.
    const p = bpsEstimate(cfg({}), chain());
    expect([p.s1Ns, p.s2Ns, p.s3Ns]).toEqual([10 * MS, 7 * MS, 1 * MS]);
    expect(p.throughput).toBeCloseTo(100, 9);
    expect(p.bottleneck).toBe("device");
    expect(p.latencyNs).toBe(18 * MS);
    const s = bpsEstimate(cfg({ pipelined: false }), chain());
    expect(s.throughput).toBeCloseTo(1000 / 18, 9);
    expect(s.bottleneck).toBe("lane");
    expect(s.latencyNs).toBe(18 * MS);
  });

  it("batching: cut 2, b = 4: S = (20, 22, 2) ms; pipelined 4/20 ms = 200/s, not 4/44 ms = 90.9/s", () => {
    // S1 = 8 + 12 = 20; transmission 4 · 5,000 B = 20 ms, S2 = 22; S3 = 2. The link is busy 20 ms
    // per batch (δ is propagation), tying the device at 5 ms per request.
    const p = bpsEstimate(cfg({ batch: 4 }), chain());
    expect([p.s1Ns, p.s2Ns, p.s3Ns]).toEqual([20 * MS, 22 * MS, 2 * MS]);
    expect(p.deviceNsPerRequest).toBe(5 * MS);
    expect(p.linkNsPerRequest).toBe(5 * MS);
    expect(p.remoteNsPerRequest).toBe(0.5 * MS);
    expect(p.throughput).toBeCloseTo(200, 9);
    expect(bpsEstimate(cfg({ batch: 4, pipelined: false }), chain()).throughput).toBeCloseTo(4000 / 44, 9);
  });

  it("δ is not link busy time by default: cut 1, b = 1 is link-bound at 1/20 ms = 50/s; linkBusy 'stage' gives 1/22 ms", () => {
    // S1 = 4, transmission 20,000 B = 20 ms, S2 = 22, S3 = 1 + 1 = 2.
    const c = cfg({ cut: 1 });
    const p = bpsEstimate(c, chain());
    expect([p.s1Ns, p.s2Ns, p.s3Ns]).toEqual([4 * MS, 22 * MS, 2 * MS]);
    expect(p.throughput).toBeCloseTo(50, 9);
    expect(p.bottleneck).toBe("link");
    expect(bpsEstimate(c, chain(), { linkBusy: "stage" }).throughput).toBeCloseTo(1000 / 22, 9);
    // Unpipelined: 1 / (4 + 22 + 2) ms = 35.7/s whatever linkBusy says.
    expect(bpsEstimate({ ...c, pipelined: false }, chain()).throughput).toBeCloseTo(1000 / 28, 9);
  });

  it("the ends: cut 0 sends the raw input (1/40 ms = 25/s); cut 3 sends nothing (b = 4: 4/36 ms = 111.1/s)", () => {
    // Cut 0: S1 = 0, transmission 40 ms, S3 = 3 · 1 = 3. Cut 3: S1 = 8 + 12 + 16 = 36, no S2, S3.
    const raw = bpsEstimate(cfg({ cut: 0 }), chain());
    expect([raw.s1Ns, raw.s2Ns, raw.s3Ns]).toEqual([0, 42 * MS, 3 * MS]);
    expect(raw.throughput).toBeCloseTo(25, 9);
    const local = bpsEstimate(cfg({ cut: 3, batch: 4 }), chain());
    expect([local.s1Ns, local.s2Ns, local.s3Ns, local.bytesPerRequest]).toEqual([36 * MS, 0, 0, 0]);
    expect(local.throughput).toBeCloseTo(4000 / 36, 9);
  });

  it("a codec (ρ ¼, enc 1 ms, dec 0.5 ms) at cut 1: S = (5, 7, 2.5) ms, 200/s pipelined, 1/14.5 ms not", () => {
    // 20,000 · ¼ = 5,000 B → 5 ms + δ 2 = 7; S1 = 4 + 1 = 5; S3 = 0.5 + 2 = 2.5.
    const q = (name: string): CodecCost | undefined => (name === "q" ? { ratio: 0.25, encNs: 1 * MS, decNs: 0.5 * MS } : undefined);
    const p = bpsEstimate(cfg({ cut: 1, codec: "q" }), chain(q));
    expect(p.bytesPerRequest).toBe(5_000);
    expect([p.s1Ns, p.s2Ns, p.s3Ns]).toEqual([5 * MS, 7 * MS, 2.5 * MS]);
    expect(p.throughput).toBeCloseTo(200, 9);
    expect(bpsEstimate(cfg({ cut: 1, codec: "q", pipelined: false }), chain(q)).throughput).toBeCloseTo(1000 / 14.5, 9);
    // Nothing is sent at cut 3, so the codec costs nothing there.
    expect(bpsEstimate(cfg({ cut: 3, codec: "q" }), chain(q)).s1Ns).toBe(18 * MS);
    expect(() => bpsEstimate(cfg({ codec: "ff" }), chain(q))).toThrow(/no codec 'ff'/);
    expect(() => bpsEstimate(cfg({ codec: "q" }), chain())).toThrow(/no codec 'q'/);
  });
});

describe("the DP mix (cut 2, b = b_L = 4)", () => {
  // Local lane: 36 ms per batch of 4 = 9 ms per request. Offload lane per request: device 5,
  // link 5, remote 0.5; unpipelined cycle (20 + 22 + 2)/4 = 11.
  const dp = (alpha: number, pipelined = true) => bpsEstimate(cfg({ batch: 4, localBatch: 4, alpha, pipelined }), chain());
  const offloadOnly = bpsEstimate(cfg({ batch: 4 }), chain());
  const localOnly = bpsEstimate(cfg({ cut: 3, batch: 4 }), chain());

  it("α = 0 is offload-only (200/s) and α = 1 local-only (111.1/s)", () => {
    expect(dp(0).throughput).toBeCloseTo(offloadOnly.throughput, 9);
    expect(dp(0).latencyNs).toBe(offloadOnly.latencyNs);
    expect(dp(1).throughput).toBeCloseTo(localOnly.throughput, 9);
    expect(dp(1).throughput).toBeCloseTo(4000 / 36, 9);
    expect(dp(1).latencyNs).toBe(36 * MS);
    expect([dp(1).linkNsPerRequest, dp(1).remoteNsPerRequest]).toEqual([0, 0]);
    expect(dp(0, false).throughput).toBeCloseTo(4000 / 44, 9);
    expect(dp(1, false).throughput).toBeCloseTo(4000 / 36, 9);
  });

  it("α = ½: device ½·9 + ½·5 = 7 ms per request → 142.9/s; link 2.5, remote 0.25; latency ½·36 + ½·44 = 40 ms", () => {
    const e = dp(0.5);
    expect(e.deviceNsPerRequest).toBeCloseTo(7 * MS, 6);
    expect(e.linkNsPerRequest).toBeCloseTo(2.5 * MS, 6);
    expect(e.remoteNsPerRequest).toBeCloseTo(0.25 * MS, 6);
    expect(e.throughput).toBeCloseTo(1000 / 7, 9);
    expect(e.latencyNs).toBeCloseTo(40 * MS, 6);
    // Unpipelined the lane's share is ½ · 11 = 5.5 < 7: still the device.
    expect(dp(0.5, false).throughput).toBeCloseTo(1000 / 7, 9);
  });

  it("unpipelined α = ¼: device ¼·9 + ¾·5 = 6, lane ¾·11 = 8.25 ms per request → 121.2/s, lane-bound", () => {
    const e = dp(0.25, false);
    expect(e.throughput).toBeCloseTo(1000 / 8.25, 9);
    expect(e.bottleneck).toBe("lane");
  });
});

describe("the offered rate and bestBpsConfig", () => {
  const b1 = cfg({});
  const b4 = cfg({ batch: 4 });

  it("without a rate b = 4 wins (200/s > 100/s); at 50/s both sustain it and b = 1 waits less", () => {
    expect(bestBpsConfig([b1, b4], chain()).index).toBe(1);
    // b = 1: 18 ms. b = 4: 44 ms + the wait for 3 more arrivals on average half-filled: 3/(2 · 50) s = 30 ms.
    const choice = bestBpsConfig([b1, b4], chain(), { rate: 50 });
    expect(choice.index).toBe(0);
    expect(choice.estimates.map((e) => e.throughput)).toEqual([50, 50]);
    expect(choice.estimates[0]!.bottleneck).toBe("rate");
    expect(choice.estimates[1]!.latencyNs).toBeCloseTo(74 * MS, 6);
  });

  it("DP batch fill at 50/s: each lane gets 25/s and waits 3/(2·25) s = 60 ms; mean 40 + 60 = 100 ms", () => {
    const e = bpsEstimate(cfg({ batch: 4, localBatch: 4, alpha: 0.5 }), chain(), { rate: 50 });
    expect(e.latencyNs).toBeCloseTo(100 * MS, 6);
  });

  it("exact ties keep the earlier configuration; equal throughput goes to the lower latency in any order", () => {
    expect(bestBpsConfig([b4, b4], chain()).index).toBe(0);
    // Local-only at b = 4 written two ways: the cut-3 offload lane, or α = 1 (both 111.1/s, 36 ms).
    expect(bestBpsConfig([cfg({ cut: 3, batch: 4 }), cfg({ alpha: 1, localBatch: 4 })], chain()).index).toBe(0);
    expect(bestBpsConfig([cfg({ alpha: 1, localBatch: 4 }), cfg({ cut: 3, batch: 4 })], chain()).index).toBe(0);
    // At 50/s (above): b = 1 (18 ms) beats b = 4 (74 ms) from either place in the list.
    expect(bestBpsConfig([b4, b1], chain(), { rate: 50 }).index).toBe(1);
  });

  it("with accWeight it ranks by the learner's reward rate, throughput × (1 − accWeight × points lost per request)", () => {
    // Cut 1, b 1: off sends 20,000 B (20 ms on the link: 50/s); "ff" (ρ ⅛, no enc/dec time, 0.262
    // points) sends 2,500 B (2.5 ms), so the device's 4 ms binds: 250/s, at 0.262 points a request.
    const ff = (name: string): CodecCost | undefined => (name === "ff" ? { ratio: 1 / 8, encNs: 0, decNs: 0, dropPct: 0.262 } : undefined);
    const configs = [cfg({ cut: 1 }), cfg({ cut: 1, codec: "ff" })];
    const best = (accWeight?: number): number => bestBpsConfig(configs, chain(ff), accWeight === undefined ? {} : { accWeight }).index;
    expect(bpsEstimate(configs[0]!, chain(ff)).throughput).toBeCloseTo(50, 9);
    expect(bpsEstimate(configs[1]!, chain(ff)).throughput).toBeCloseTo(250, 9);
    // 250 (1 − 0.262 w) = 50 at w = 0.8 / 0.262 = 3.053: ff below it, off above.
    expect([best(), best(0), best(3), best(3.1), best(10)]).toEqual([1, 1, 1, 0, 0]);
    // Only offloaded requests lose accuracy: α ½ halves the loss per request; local-only loses none.
    expect(bpsEstimate(cfg({ cut: 1, codec: "ff", alpha: 0.5 }), chain(ff)).lossPctPerRequest).toBeCloseTo(0.131, 12);
    expect(bpsEstimate(cfg({ cut: 3, codec: "ff" }), chain(ff)).lossPctPerRequest).toBe(0);
  });

  it("refuses bad configurations", () => {
    expect(() => bpsEstimate(cfg({ batch: 0 }), chain())).toThrow(/batch must be/);
    expect(() => bpsEstimate(cfg({ localBatch: 1.5 }), chain())).toThrow(/localBatch must be/);
    expect(() => bpsEstimate(cfg({ alpha: 1.5 }), chain())).toThrow(/alpha must be in \[0, 1\]/);
    expect(() => bpsEstimate(cfg({ cut: 4 }), chain())).toThrow(/cut must be a whole number in 0..3/);
    expect(() => bpsEstimate(cfg({}), chain(), { rate: 0 })).toThrow(/rate must be > 0/);
    expect(() => bestBpsConfig([], chain())).toThrow(/no configurations/);
  });
});

/**
 * The issue's acceptance model: chain a → b; device 10 ms per layer at b = 1, 24 ms at b = 4;
 * remote 2 and 4 ms; raw input 50,000 B (uint8), a's output 12,500 B; 10 Mbit/s = 1.25e6 B/s, δ 0.
 */
const ISSUE = { device: { 1: [10, 10], 4: [24, 24] }, remote: { 1: [2, 2], 4: [4, 4] }, bytes: [50_000, 12_500, 0], bandwidthBps: 1.25e6, latencyMs: 0 };
const alphas = Array.from({ length: 11 }, (_, i) => i / 10);

function issueNumbers(costs: BpsCosts): void {
  // Local-only b_L = 4: 4 / 48 ms = 83.3/s.
  expect(bpsEstimate(cfg({ alpha: 1, localBatch: 4 }), costs).throughput).toBeCloseTo(4000 / 48, 6);
  // Remote-only b = 4: transmission 4 · 50,000 B = 160 ms → 25/s.
  expect(bpsEstimate(cfg({ cut: 0, batch: 4 }), costs).throughput).toBeCloseTo(25, 6);
  // Neurosurgeon (b = 1, unpipelined): latencies 44 (raw), 10 + 10 + 2 = 22 (cut a), 20 ms (local) → local, 50/s.
  const ns = bestBpsConfig([0, 1, 2].map((cut) => cfg({ cut, pipelined: false })), costs);
  expect(ns.estimates.map((e) => e.latencyNs)).toEqual([44 * MS, 22 * MS, 20 * MS]);
  expect(ns.index).toBe(2);
  expect(ns.estimate.throughput).toBeCloseTo(50, 6);
  // Cut a, b = 4: S = (24, 40, 4) ms → 4/40 ms = 100/s pipelined, 4/68 ms = 58.8/s not.
  const cutA = bpsEstimate(cfg({ cut: 1, batch: 4 }), costs);
  expect([cutA.s1Ns, cutA.s2Ns, cutA.s3Ns]).toEqual([24 * MS, 40 * MS, 4 * MS]);
  expect(cutA.throughput).toBeCloseTo(100, 6);
  expect(bpsEstimate(cfg({ cut: 1, batch: 4, pipelined: false }), costs).throughput).toBeCloseTo(4000 / 68, 6);
  // DP at α = 0.3: device 0.3 · 12 + 0.7 · 6 = 7.8 ms, link 0.7 · 10 = 7, remote 0.7 → 128.2/s; over
  // α = 0, 0.1, …, 1 the device (6 + 6α) and link (10 − 10α) cross at α = ¼, so 0.2 gives 1/8 ms and
  // 0.3 wins.
  const dp = alphas.map((alpha) => cfg({ cut: 1, batch: 4, localBatch: 4, alpha }));
  const best = bestBpsConfig(dp, costs);
  expect(best.config.alpha).toBe(0.3);
  expect(best.estimate.throughput).toBeCloseTo(1000 / 7.8, 6);
  expect(best.estimates[2]!.throughput).toBeCloseTo(125, 6);
}

describe("the issue's acceptance model", () => {
  it("by hand costs: 83.3, 25, 50, 100 / 58.8, and DP α = 0.3 at 128.2/s chosen over the α grid", () => {
    issueNumbers(handCosts(ISSUE));
  });

  it("the same numbers from a real scenario context (timeMs per batch, headerBytes 0, no return link)", () => {
    const scenario = {
      name: "bps-hand",
      model: {
        name: "ab", input: { shape: [50_000] },
        layers: [
          { name: "a", outputShape: [3_125], macs: 0, timeMs: { "jetson-xavier-nx": { 1: 10, 4: 24 }, t4: { 1: 2, 4: 4 } } },
          { name: "b", outputShape: [10], macs: 0, timeMs: { "jetson-xavier-nx": { 1: 10, 4: 24 }, t4: { 1: 2, 4: 4 } } },
        ],
      },
      nodes: { dev: { device: "jetson-xavier-nx", maxBatch: 16 }, cloud: { device: "t4", maxBatch: 16 } },
      links: { up: { from: "dev", to: "cloud", bandwidthMbps: 10 } },
      wire: { headerBytes: 0 },
      workload: { arrivals: { kind: "batch" }, requests: 1 },
      estimator: "oracle",
    };
    withContext(scenario, (ctx) => {
      const model = ctx.model("ab");
      issueNumbers(bpsCosts(ctx, model, resolveRoute(ctx, ctx.source(0).origin, undefined)));
    });
  });
});

describe("bpsCosts on a real context (resnet50, jetson-nano → t4, 20 Mbit/s, δ 5 ms)", () => {
  it("S1 and S3 at batch 1 are ctx.computeCost(...).ns(1) of the same layers; S2 is ctx.transferNs", () => {
    withContext(oneRequest("resnet50"), (ctx) => {
      const model = ctx.model("resnet50");
      const route = resolveRoute(ctx, ctx.source(0).origin, undefined);
      const costs = bpsCosts(ctx, model, route);
      const n = model.layerCount;
      const cuts = model.prefixCuts();
      for (let k = 0; k <= n; k++) {
        const e = bpsEstimate(cfg({ cut: k }), costs);
        expect(e.s1Ns).toBe(k === 0 ? 0 : ctx.computeCost(route.origin, model, range(0, k)).ns(1));
        if (k === n) continue;
        expect(e.s3Ns).toBe(ctx.computeCost(route.target, model, range(k, n)).ns(1));
        expect(e.s2Ns).toBe(ctx.transferNs(route.uplink, boundaryBytes(model, cuts[k]!.boundary, 32, ctx.headerBytes)));
      }
      // The local lane at b_L = 4 is the whole model's batch-4 cost on the device.
      const local = bpsEstimate(cfg({ alpha: 1, localBatch: 4 }), costs);
      expect(local.localNs).toBe(ctx.computeCost(route.origin, model, range(0, n)).ns(4));
      expect(local.throughput).toBeCloseTo(4e9 / local.localNs, 6);
    });
  });
});
