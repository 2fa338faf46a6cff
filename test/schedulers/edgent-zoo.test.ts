// Edgent on the zoo models that carry exits (resnet18, resnet50: published per-exit accuracies) and
// on an AlexNet-shaped test fixture (zoo alexnet and vgg16 carry no exits: docs/models.md), with
// layer times from the compute model: raspberry-pi-4 -> t4, one request at a time, the paper's
// 0.05-1.5 Mbit/s and two faster links where offloading pays, deadlines 50-1000 ms. The chosen
// (exit, cut) is the test's own enumeration's, the run meets the deadline when a pair can, and
// otherwise refuses the request as "infeasible".
import { describe, expect, it } from "vitest";
import { Model } from "../../src/workload/model.js";
import { runScenario } from "../../src/scenario/run.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";
import { allPairs, edgentChoice } from "./edgent-enumeration.js";

const BANDWIDTHS = [0.05, 0.25, 0.5, 1.5, 20, 200];
const DEADLINES = [50, 75, 100, 150, 200, 250, 500, 1000];
/** Model references resolve against this (made-up) scenario path: fixtures/ is beside it. */
const FILE = "test/schedulers/edgent-zoo.yaml";

function scenario(model: string, mbps: number, deadlineMs: number) {
  return {
    name: "edgent-zoo",
    model,
    nodes: { pi: { device: "raspberry-pi-4" }, server: { device: "t4" } },
    links: {
      up: { from: "pi", to: "server", bandwidthMbps: mbps, latencyMs: 5 },
      down: { from: "server", to: "pi", bandwidthMbps: mbps, latencyMs: 5 },
    },
    workload: { arrivals: { kind: "closed", k: 1, thinkMs: 0 }, requests: 2, deadlineMs },
    estimator: "oracle",
    schedulers: ["edgent"],
  };
}

const CASES: Array<[string, string]> = [
  ["resnet18", "resnet18"],
  ["resnet50", "resnet50"],
  ["alexnet-exits-fixture", "fixtures/alexnet-exits.json"],
];

describe("edgent on models with exits, layer times from the compute model", () => {
  for (const [name, ref] of CASES) {
    const resolved = scenarioFrom(scenario(ref, 1, 100), FILE);
    const model = new Model(resolved.models[name]!);
    // 16 B of header per tensor (the default wire), 5 ms each way.
    const setting = (mbps: number) => ({ device: "raspberry-pi-4", target: "t4", mbps, latencyMs: 5, headerBytes: resolved.wire.headerBytes });

    for (const mbps of BANDWIDTHS) {
      it(`${name} at ${mbps} Mbit/s: the enumeration's (exit, cut) for deadlines 50-1000 ms, or a refusal`, () => {
        const pairs = allPairs(model, setting(mbps));
        for (const d of DEADLINES) {
          const want = edgentChoice(pairs, d);
          const { requests, report } = runScenario(scenarioFrom(scenario(ref, mbps, d), FILE), "edgent");
          const where = `${name}, ${mbps} Mbit/s, ${d} ms`;
          for (const r of requests) {
            if (want === null) {
              expect([r.dropped, r.dropReason], where).toEqual([true, "infeasible"]);
            } else {
              expect([r.outcome?.exit, r.cut, r.bytesSent], where).toEqual([want.exit, want.cut, want.bytes]);
              expect(r.completion - r.arrival, where).toBe(want.latencyNs);
              expect(r.completion - r.arrival, where).toBeLessThanOrEqual(d * 1e6);
            }
          }
          expect(report.requests.deadlineMissed, where).toBe(want === null ? requests.length : 0);
        }
      });
    }
  }

  it("the grid exercises the rule: refusals, several exits and offloaded pairs occur", () => {
    const seen = new Set<string>();
    for (const [name, ref] of CASES) {
      const resolved = scenarioFrom(scenario(ref, 1, 100), FILE);
      const model = new Model(resolved.models[name]!);
      for (const mbps of BANDWIDTHS) {
        const pairs = allPairs(model, { device: "raspberry-pi-4", target: "t4", mbps, latencyMs: 5, headerBytes: resolved.wire.headerBytes });
        for (const d of DEADLINES) {
          const c = edgentChoice(pairs, d);
          seen.add(c === null ? "refused" : `${c.exit}@${c.bytes > 0 ? "offloaded" : "device"}`);
        }
      }
    }
    expect(seen.has("refused")).toBe(true);
    expect(new Set([...seen].map((s) => s.split("@")[0])).size).toBeGreaterThanOrEqual(4);
    expect([...seen].some((s) => s.endsWith("@offloaded"))).toBe(true);
  });
});
