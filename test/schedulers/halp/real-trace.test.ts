// HALP on the real 5G trace the issue names (Lumos5G 5g_trace_33_walking: a downlink with outages,
// mean 749 Mbit/s, p5 84; read in place from ../shared/traces, never copied), as one channel for all
// four host links of the paper scenario's Xavier triple, a task every second for 780 s. Skipped with
// a printed reason when the shared folder is absent (a failure under CI=true).
import { computeTimeNs } from "../../../src/workload/compute-model.js";
import { getDevice } from "../../../src/workload/devices.js";
import { Model } from "../../../src/workload/model.js";
import { zooModel } from "../../../src/workload/zoo/index.js";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../../src/scenario/load.js";
import { runScenario } from "../../../src/scenario/run.js";
import { sharedFolder } from "../../platform/shared-traces.js";

const { root, present, inCi } = sharedFolder("traces", "lumos5g/5g_trace_33_walking");
const label = present ? "halp on the Lumos5G walking trace" : `halp on the Lumos5G walking trace (skipped: ${root}lumos5g/5g_trace_33_walking not found)`;
const VGG = new Model(zooModel("vgg16")!);
// VGG-16 on the Jetson AGX Xavier (no noise) by the compute model: the step's position
const ALONE_MS = computeTimeNs(VGG, Array.from({ length: VGG.layerCount }, (_, i) => i), getDevice("jetson-agx-xavier")!, 1, "fp32") / 1e6;
const DEADLINES = Array.from({ length: 11 }, (_, k) => Number((ALONE_MS * (0.5 + k * 0.1)).toFixed(2)));

describe.skipIf(!present && !inCi)(label, () => {
  it("every task finishes; halp meets deadlines below the host alone's latency on some tasks and never falls far behind it", () => {
    const links = ["h1", "b1", "h2", "b2"].flatMap((l) => [`links.${l}.bandwidthMbps=null`, `links.${l}.latencyMs=null`, `links.${l}.medium=air`]);
    const s = loadScenario("scenarios/papers/halp.yaml", {
      sets: [
        "media={air: {trace: ../../../shared/traces/lumos5g/5g_trace_33_walking, latencyMs: 1}}", ...links,
        "workload.arrivals={kind: periodic, fps: 1}", "workload.requests=780", `metrics={deadlinesMs: [${DEADLINES.join(", ")}]}`, "estimator=oracle",
      ],
    });
    const alone = runScenario(s, "device-only").report;
    const halp = runScenario(s, "halp").report;
    expect(halp.requests.completed).toBe(780);
    expect(alone.deadlineReliability!.map((d) => d.reliability)).toEqual(DEADLINES.map((d) => (d < ALONE_MS ? 0 : 1)));
    const p = halp.deadlineReliability!.map((d) => d.reliability);
    expect(Math.max(...p.filter((_, k) => DEADLINES[k]! < ALONE_MS))).toBeGreaterThan(0.5);
    expect(p[p.length - 1]).toBe(1); // even in an outage no task takes 1.5× the host alone
  });
});
