// Device memory in a run (docs/memory.md): maxBatch is capped at build time to what fits, a plan
// that places a part where it cannot fit at batch 1 fails naming the node, the device and the bytes,
// and a model with a layer that fits on no node fails before the run (exit 2 at the CLI).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isSplitsimError } from "../../src/errors.js";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { memoryCaps } from "../../src/scenario/memory-caps.js";
import { runScenario } from "../../src/scenario/run.js";

// ResNet-50 at fp32: 102,228,128 bytes of weights + 9,633,792 bytes of live tensors per item
// (test/workload/memory.test.ts derives both by hand).
const W = 102_228_128;
const A = 9_633_792;
const GiB = 2 ** 30;

/** One node running ResNet-50 alone: `requests` arrive at once, so batches fill to maxBatch. */
function scenario(node: Record<string, unknown>, devices: Record<string, unknown> = {}, requests = 64): string {
  return JSON.stringify({
    name: "mem", model: "resnet50", nodes: { box: { precision: "fp32", ...node } }, devices,
    workload: { arrivals: { kind: "batch" }, requests }, schedulers: ["device-only"],
  });
}

const BOARD_4GB = {
  class: "edge", peakFlops: { fp32: 235.9e9, fp16: 471.9e9, int8: 471.9e9 }, efficiency: 1, memBytesPerSec: 25.6e9,
  layerOverheadMs: 0.25, memoryBytes: 4 * GiB,
};

/** Distinct completion times: one per batch when every request arrives at t = 0 on one server. */
const batches = (s: ReturnType<typeof resolveScenarioText>): number => new Set(runScenario(s, "device-only").requests.map((r) => r.completion)).size;

describe("maxBatch capped by memory at build time", () => {
  it("ResNet-50 fp32 at batch 64 on a 4 GB Jetson Nano fits (718.8 MB of 2 GiB usable): not capped, one batch of 64", () => {
    // W + 64·A = 718,790,816 bytes ≤ 0.5 × 4 GiB: the honest count of live tensors fits 64.
    const s = resolveScenarioText(scenario({ device: "jetson-nano", maxBatch: 64 }), "t.yaml");
    const caps = memoryCaps(s);
    expect(caps.notes).toEqual([]);
    expect(caps.nodes[0]!.maxBatch).toBe(64);
    expect(batches(s)).toBe(1);
  });

  it("on a 4 GB device with 15 % usable, batch 64 does not fit: maxBatch 64 is capped to 56, with a note", () => {
    // usable = 0.15 × 4 GiB = 644,245,094 bytes; (644,245,094 − W) / A = 56.26 -> 56 (64 needs 718.8 MB).
    const s = resolveScenarioText(scenario({ device: "board", maxBatch: 64 }, { board: { ...BOARD_4GB, usableMemoryFraction: 0.15 } }), "t.yaml");
    const caps = memoryCaps(s);
    expect(caps.nodes[0]!.maxBatch).toBe(56);
    expect(caps.notes).toHaveLength(1);
    expect(caps.notes[0]).toMatch(/node 'box' \(device board, fp32\): maxBatch 64 capped to 56 by memory \(resnet50 needs 102,228,128 bytes .* of weights \+ 9,633,792 bytes .* per item; 644,245,094 bytes .* usable, 0\.15 of 4,294,967,296 bytes/);
    expect(s.nodes[0]!.maxBatch).toBe(64); // the resolved scenario (and its hash) is unchanged
    expect(batches(s)).toBe(2); // 56, then 8
  });

  it("on the Nano, maxBatch 256 is capped to 212 = floor((2 GiB − W) / A)", () => {
    const s = resolveScenarioText(scenario({ device: "jetson-nano", maxBatch: 256 }, {}, 256), "t.yaml");
    expect(memoryCaps(s).nodes[0]!.maxBatch).toBe(Math.floor((2 * GiB - W) / A));
    expect(batches(s)).toBe(2); // 212, then 44
  });

  it("each server holds its own batch: 4 servers on the Nano cap maxBatch 64 to 53", () => {
    const s = resolveScenarioText(scenario({ device: "jetson-nano", maxBatch: 64, servers: 4 }), "t.yaml");
    expect(memoryCaps(s).nodes[0]!.maxBatch).toBe(Math.floor((2 * GiB - W) / (4 * A)));
  });
});

describe("a part that does not fit at batch 1", () => {
  // A 64 MiB board, half usable (33.6 MB): every layer of ResNet-50 fits on its own (the largest,
  // a layer4 3×3 convolution, has 9.4 MB of weights), but not all of it (111.9 MB at batch 1).
  const small = { ...BOARD_4GB, memoryBytes: 64 * 2 ** 20 };

  it("fails the run with the node, the device and the bytes needed and usable", () => {
    const s = resolveScenarioText(scenario({ device: "tiny", maxBatch: 1 }, { tiny: small }, 2), "t.yaml");
    expect(memoryCaps(s).notes[0]).toMatch(/node 'box' \(device tiny, fp32\) cannot hold all of model 'resnet50' even at batch 1/);
    let err: unknown;
    try {
      runScenario(s, "device-only");
    } catch (e) {
      err = e;
    }
    expect(isSplitsimError(err)).toBe(true);
    expect((err as Error).message).toMatch(
      /device-only: the plan for request 0 cannot run: step 0 places resnet50\[0-71\]x1@box on node 'box' \(device tiny, fp32\), which does not have the memory: it needs 111,861,920 bytes \(111\.9 MB\) at batch 1 \(weights 102,228,128 bytes .* \+ activations 9,633,792 bytes .*\), but 33,554,432 bytes \(33\.6 MB\) are usable \(0\.5 of 67,108,864 bytes/,
    );
  });
});

describe("a model that fits on no node", () => {
  const dir = mkdtempSync(join(tmpdir(), "splitsim-mem-"));
  // 4 MiB at half usable (2.1 MB): conv1 alone needs its input and output, (150,528 + 802,816) × 4 = 3.8 MB
  // (+ 37,632 bytes of weights), and layer4's 3×3 convolutions 9.4 MB of weights: they fit nowhere.
  const text = scenario({ device: "mcu" }, { mcu: { ...BOARD_4GB, memoryBytes: 4 * 2 ** 20 } }, 2);

  it("is an error naming the layer, every node, its device and the numbers", () => {
    const s = resolveScenarioText(text, "t.yaml");
    expect(() => memoryCaps(s)).toThrow(/model 'resnet50' cannot run on any node: its layer 'conv1' alone, at batch 1, needs more memory than any node has[^\n]*\n {2}node 'box' \(device mcu, fp32\): needs 3,851,520 bytes \(3\.9 MB\), 2,097,152 bytes \(2\.1 MB\) usable \(0\.5 of 4,194,304 bytes/);
  });

  it("exits 2 at the CLI with that message", async () => {
    const file = join(dir, "mcu.yaml");
    writeFileSync(file, text);
    const r = await promisify(execFile)("node", ["--import", "tsx", "src/cli/main.ts", "run", file]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^splitsim: model 'resnet50' cannot run on any node: .*\n {2}node 'box' \(device mcu, fp32\): needs/s);
  }, 60_000);
});
