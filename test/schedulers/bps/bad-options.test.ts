// Bad BPS options stop the run with exit-2 errors (SplitsimError) naming bps, the option and the
// allowed values: batch sizes against maxBatch, α, codecs, the control interval, weights files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SplitsimError } from "../../../src/errors.js";
import { runBps } from "./helpers.js";

function failure(options: Record<string, unknown>): string {
  try {
    runBps(options, { requests: 3, fps: 10 });
  } catch (e) {
    expect(e).toBeInstanceOf(SplitsimError); // exit 2 at the CLI
    return (e as Error).message;
  }
  throw new Error("the run did not fail");
}

describe("bps: bad options", () => {
  it.each([
    [{ actions: { batches: [0] } }, "a batch size must be a whole number >= 1"],
    [{ actions: { batches: [8] } }, "batch 8 must be a whole number in 1..4"],
    [{ actions: [{ cut: "a", batch: 2, localBatch: 5, alpha: 0 }] }, "localBatch 5 must be a whole number in 1..4"],
    [{ actions: { alphas: [1.5] } }, "alpha must be in [0, 1]"],
    [{ actions: [{ cut: "a", batch: 1, alpha: -0.1 }] }, "alpha must be in [0, 1]"],
    [{ actions: { codecs: ["jpeg"] } }, "codec 'jpeg' is not in codecs (known: off, uniform8, uniform4, ff"],
    [{ actions: { cuts: ["c"] } }, "model 'ab' has no layer 'c'"],
    [{ actions: { cuts: [3] } }, "cut 3 is not a whole number in 0..2"],
    [{ controlMs: 0 }, "controlMs must be > 0"],
    [{ controlMs: -5 }, "controlMs must be > 0"],
    [{ codecs: { jpeg: { ratio: 0.1 } } }, "a codec of your own needs dropPct, encodeMs, decodeMs"],
    [{ codecs: { ff: { ratio: 2 } } }, "ratio must be in (0, 1]"],
    [{ mode: "greedy" }, "mode"],
    [{ learner: "ppo" }, "learner"],
    [{ lane: "roundrobin" }, "lane"],
    [{ mode: "oracle", estimator: "ewma" }, "needs the oracle estimator"],
    [{ heads: "factored", actions: [{ cut: "a", batch: 1, alpha: 0 }] }, "factored heads need learner dqn and actions as a grid"],
    [{ heads: "factored", learner: "tabular" }, "factored heads need learner dqn"],
    [{ gamma: 1 }, "gamma must be in [0, 1)"],
  ])("%j is refused, naming the option", (options, text) => {
    const msg = failure(options);
    expect(msg).toContain("bps");
    expect(msg).toContain(text);
  });

  it("a codec of your own with its four numbers is accepted and used", () => {
    const codecs = { jpeg: { ratio: 0.05, dropPct: 1, encodeMs: 0.5, decodeMs: 0.25 } };
    const { requests } = runBps({ mode: "dp", codecs, actions: [{ cut: "a", batch: 1, alpha: 0, codec: "jpeg" }] }, { requests: 3, fps: 10 });
    expect(requests.map((r) => r.bytesSent)).toEqual([625, 625, 625]); // ⌈12,500 × 0.05⌉
    expect(requests.map((r) => r.accuracyLossPct)).toEqual([1, 1, 1]);
  });

  it("weights of the wrong shape, or a file that is not there, are refused naming weightsIn", () => {
    const dir = mkdtempSync(join(tmpdir(), "bps-weights-"));
    const file = join(dir, "w.json");
    writeFileSync(file, JSON.stringify({ kind: "dqn", sizes: [12, 64, 64, 7], weights: [], biases: [] }));
    const msg = failure({ weightsIn: file, actions: { batches: [1, 4] } });
    expect(msg).toContain("weightsIn");
    expect(failure({ weightsIn: join(dir, "missing.json") })).toMatch(/weightsIn: cannot read .*missing\.json: ENOENT/);
    writeFileSync(file, "{ not json");
    expect(failure({ weightsIn: file })).toMatch(/weightsIn: .* is not JSON/);
  });
});
