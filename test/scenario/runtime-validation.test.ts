// A node's runtime (docs/compute-model.md "Runtimes"): a runtime its device has figures for is
// accepted; another is refused naming the node, the device and the runtimes it has; a user device
// declares the runtime its figures describe and may add others.
import { describe, expect, it } from "vitest";
import { BASE, problemsOf } from "./helpers.js";

const PHONE = "  phone: { device: raspberry-pi-4 }";
const CLOUD = /  cloud: \{ device: ([\w-]+)/;
const withPhone = (fields: string): string => BASE.replace(PHONE, `  phone: { device: raspberry-pi-4, ${fields} }`);
const mine = (extra: string): string =>
  BASE.replace(PHONE, "  phone: { device: mine, runtime: compiled }") +
  `devices:\n  mine: { class: edge, peakFlops: { fp32: 1e12, fp16: 2e12, int8: 4e12 }, efficiency: 0.5, memBytesPerSec: 5e10, layerOverheadMs: 0.05${extra} }\n`;

describe("node runtime", () => {
  it("accepts the device's own runtime, and the cloud GPU's second one", () => {
    expect(problemsOf(withPhone("runtime: mobile-cpu"))).toEqual([]);
    const cloud = CLOUD.exec(BASE)![1]!;
    expect(problemsOf(BASE.replace(`  cloud: { device: ${cloud}`, `  cloud: { device: ${cloud}, runtime: eager`))).toEqual([]);
  });

  it("refuses a runtime the device has no figures for, naming the node, the device and what it runs", () => {
    const p = problemsOf(withPhone("runtime: compiled"));
    expect(p.map((x) => [x.path, x.message])).toEqual([
      ["nodes.phone.runtime", "device 'raspberry-pi-4' has no figures for runtime 'compiled' (it runs: mobile-cpu; define a device with runtimes.compiled to add them)"],
    ]);
  });

  it("refuses an unknown runtime name", () => {
    expect(problemsOf(withPhone("runtime: tensorrt")).map((x) => x.path)).toEqual(["nodes.phone.runtime"]);
  });

  it("a user device: its figures are for `runtime` (default eager); `runtimes` adds others", () => {
    expect(problemsOf(mine("")).map((x) => x.message)).toEqual([
      "device 'mine' has no figures for runtime 'compiled' (it runs: eager; define a device with runtimes.compiled to add them)",
    ]);
    expect(problemsOf(mine(", runtime: compiled"))).toEqual([]);
    expect(problemsOf(mine(", runtimes: { compiled: { layerOverheadMs: 0.01, efficiency: 0.6 } }"))).toEqual([]);
    const bad = problemsOf(mine(", runtimes: { compiled: { layerOverheadMs: -1, efficiency: 0.6 }, jit: { layerOverheadMs: 0, efficiency: 1 } }"));
    expect(bad.map((x) => x.path)).toEqual(["devices.mine.runtimes.compiled.layerOverheadMs", "devices.mine.runtimes.jit"]);
  });
});
