// The step observer: onStepStart/onStepEnd account every step, so the MACs computed per node and
// the bytes sent per link of a run add up to what the plans ask for, worked out from the model.
import { describe, expect, it } from "vitest";
import type { Observer } from "../../src/platform/observer.js";
import { runScenario } from "../../src/scenario/run.js";
import { Model } from "../../src/workload/model.js";
import { builtinModel } from "../../src/workload/builtin-models.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

const N = 20;
const CUT = "layer2.3.add"; // resnet50: the output of the second stage's last block, 512×28×28

const scenario = scenarioFrom({
  name: "steps",
  model: "resnet50",
  nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
  links: {
    up: { from: "phone", to: "cloud", bandwidthMbps: 50, latencyMs: 5 },
    down: { from: "cloud", to: "phone", bandwidthMbps: 50, latencyMs: 5 },
  },
  workload: { arrivals: { kind: "periodic", fps: 10 }, requests: N },
  schedulers: ["fixed-split"],
  options: { "fixed-split": { cut: CUT, bits: 8 } },
});

class StepAccount implements Observer {
  macs = new Map<number, number>();
  bytes = new Map<number, number>();
  starts = 0;
  ends = 0;
  onStepStart(work: { cost: { macs: number } | null; bytes: number }, res: number): void {
    this.starts++;
    if (work.cost !== null) this.macs.set(res, (this.macs.get(res) ?? 0) + work.cost.macs);
    else this.bytes.set(res, (this.bytes.get(res) ?? 0) + work.bytes);
  }
  onStepEnd(): void {
    this.ends++;
  }
}

describe("step observer", () => {
  it("every MAC and byte is accounted on the node or link that did it", () => {
    const acct = new StepAccount();
    const { report } = runScenario(scenario, "fixed-split", { observers: [acct] });
    expect(report.requests.completed).toBe(N);
    const m = new Model(builtinModel("resnet50")!);
    const k = m.indexOf(CUT) + 1;
    let device = 0;
    for (let i = 0; i < k; i++) device += m.macs[i]!;
    // Resources: stations 0 phone, 1 cloud; links 2 up, 3 down.
    expect(acct.macs.get(0)).toBe(N * device);
    expect(acct.macs.get(1)).toBeCloseTo(N * (m.totalMacs - device), 0);
    // Up: the 512×28×28 tensor at 8 bits = 401,408 B + a 16 B header; down: 1000 fp32 logits + header.
    expect(acct.bytes.get(2)).toBe(N * (512 * 28 * 28 + 16));
    expect(acct.bytes.get(3)).toBe(N * (1000 * 4 + 16));
    // Four steps a request (device, up, cloud, down), each started and ended once.
    expect([acct.starts, acct.ends]).toEqual([4 * N, 4 * N]);
  });
});
