// A scenario can take a built-in model at another input size.
import { describe, expect, it } from "vitest";
import { resolveScenarioText, ScenarioError } from "../../src/scenario/load.js";

const base = (model: unknown) => JSON.stringify({
  name: "z", model,
  nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "a100" } },
  links: { up: { from: "cam", to: "cloud", bandwidthMbps: 10 } },
  workload: { arrivals: { kind: "batch" }, requests: 1 },
});

describe("built-in models with options", () => {
  it("builds ResNet-50 at 256×256, named resnet50-256, with the reference's 5.34 GMACs", () => {
    const s = resolveScenarioText(base({ builtin: "resnet50", inputSize: 256 }), "t.yaml");
    const m = s.models["resnet50-256"]!;
    expect(m.input.shape).toEqual([3, 256, 256]);
    const macs = m.layers.reduce((a, l) => a + l.macs, 0);
    expect(Math.abs(macs / 5.34e9 - 1)).toBeLessThan(0.001);
  });

  it("reports an unknown built-in name and a bad size at their paths", () => {
    for (const [model, path] of [[{ builtin: "resnet99" }, "model.builtin"], [{ builtin: "vgg16", inputSize: -4 }, "model.inputSize"]] as const) {
      try {
        resolveScenarioText(base(model), "t.yaml");
        expect.unreachable();
      } catch (e) {
        expect(e instanceof ScenarioError && e.problems.map((p) => p.path)).toEqual([path]);
      }
    }
  });
});
