// Device profiles: the figures of reference/models-devices.md §3, the completeness and ordering
// of every profile, copies, and the plain validator for inline devices.
import { describe, expect, it } from "vitest";
import {
  deviceFromSpec, deviceNames, efficiencyOf, getDevice, MAX_EFFICIENCY, PRECISIONS, type DeviceProfile,
} from "../../src/workload/devices.js";

const device = (name: string): DeviceProfile => {
  const d = getDevice(name);
  if (!d) throw new Error(`no device ${name}`);
  return d;
};

describe("device table", () => {
  it("lists the end, edge and cloud devices of the issue, sorted", () => {
    expect(deviceNames()).toEqual([
      "a100", "h100", "jetson-agx-orin", "jetson-agx-xavier", "jetson-nano", "jetson-xavier-nx", "phone-a16",
      "raspberry-pi-4", "raspberry-pi-5", "t4", "v100",
    ]);
  });

  it("classes: Pis and the phone are end devices, Jetsons edge, datacenter GPUs cloud", () => {
    const byClass = (c: string): string[] => deviceNames().filter((n) => device(n).class === c);
    expect(byClass("end")).toEqual(["phone-a16", "raspberry-pi-4", "raspberry-pi-5"]);
    expect(byClass("edge")).toEqual(["jetson-agx-orin", "jetson-agx-xavier", "jetson-nano", "jetson-xavier-nx"]);
    expect(byClass("cloud")).toEqual(["a100", "h100", "t4", "v100"]);
  });

  it("peaks and bandwidths are the reference figures (§3.2-3.4)", () => {
    expect(device("jetson-nano").peakFlops.fp32).toBeCloseTo(128 * 2 * 921.6e6, -8);
    expect(device("jetson-nano").memBytesPerSec).toBe(25.6e9);
    expect(device("raspberry-pi-4").peakFlops.fp32).toBe(4 * 1.5e9 * 8);
    expect(device("raspberry-pi-4").memBytesPerSec).toBe(12.8e9);
    expect(device("raspberry-pi-5").peakFlops).toEqual({ fp32: 4 * 2.4e9 * 16, fp16: 307.2e9, int8: 614.4e9 });
    expect(device("jetson-agx-xavier").peakFlops.fp32).toBeCloseTo(512 * 2 * 1.377e9, -9);
    expect(device("jetson-agx-xavier").peakFlops.fp16).toBeCloseTo(64 * 64 * 2 * 1.377e9, -10);
    expect(device("jetson-agx-xavier").memBytesPerSec).toBe(137e9);
    expect(device("jetson-agx-orin").peakFlops.int8).toBeCloseTo(64 * 512 * 2 * 1.3e9, -10);
    expect(device("t4").peakFlops).toEqual({ fp32: 8.1e12, fp16: 65e12, int8: 130e12 });
    expect(device("a100").peakFlops).toEqual({ fp32: 19.5e12, fp16: 312e12, int8: 624e12 });
    expect(device("a100").memBytesPerSec).toBe(1555e9);
    expect(device("h100").peakFlops).toEqual({ fp32: 67e12, fp16: 989e12, int8: 1979e12 });
    expect(device("h100").memBytesPerSec).toBe(3350e9);
  });

  it("a precision without a hardware path carries the peak of the path that runs it instead", () => {
    // Pi 4: no FP16 arithmetic, so FP32; Nano: no INT8, so an FP16 engine; V100: no INT8 tensor mode.
    expect(device("raspberry-pi-4").peakFlops.fp16).toBe(device("raspberry-pi-4").peakFlops.fp32);
    expect(device("jetson-nano").peakFlops.int8).toBe(device("jetson-nano").peakFlops.fp16);
    expect(efficiencyOf(device("jetson-nano"), "int8")).toBe(efficiencyOf(device("jetson-nano"), "fp16"));
    expect(device("v100").peakFlops.int8).toBe(device("v100").peakFlops.fp16);
    expect(device("jetson-nano").nativePrecisions).toEqual(["fp32", "fp16"]);
  });

  it.each(deviceNames())("%s has every field, positive figures and int8 ≥ fp16 ≥ fp32", (name) => {
    const d = device(name);
    expect(d.name).toBe(name);
    expect(d.description.length).toBeGreaterThan(10);
    for (const p of PRECISIONS) {
      expect(d.peakFlops[p]).toBeGreaterThan(0);
      expect(d.efficiencyByPrecision?.[p]).toBeGreaterThan(0);
      expect(efficiencyOf(d, p)).toBeLessThanOrEqual(MAX_EFFICIENCY);
    }
    expect(d.efficiency).toBe(d.efficiencyByPrecision?.fp32);
    expect(d.memBytesPerSec).toBeGreaterThan(0);
    // ≥ 0, not > 0: the phone's fit puts its per-kernel cost at the bound 0 (Core ML runs the graph on
    // the Neural Engine faster than the roofline's DRAM term alone: docs/compute-model.md).
    expect(d.layerOverheadMs).toBeGreaterThanOrEqual(0);
    const { fp32, fp16, int8 } = d.peakFlops;
    expect(fp16).toBeGreaterThanOrEqual(fp32);
    expect(int8).toBeGreaterThanOrEqual(fp16);
    expect(deviceFromSpec(d)).toEqual({ device: d });
  });

  it("unknown names, including Object.prototype keys, give undefined", () => {
    expect(getDevice("tpu")).toBeUndefined();
    expect(getDevice("toString")).toBeUndefined();
  });

  it("getDevice returns a deep copy, so changing it does not change the table", () => {
    const d = device("a100");
    d.peakFlops.fp32 = 1;
    const fp16 = d.efficiencyByPrecision!.fp16;
    d.efficiencyByPrecision!.fp16 = 9;
    d.runtimes!.eager!.layerOverheadMs = 9;
    device("jetson-nano").nativePrecisions!.push("int8");
    expect(device("a100").peakFlops.fp32).toBe(19.5e12);
    expect(device("a100").efficiencyByPrecision!.fp16).toBe(fp16);
    expect(device("a100").runtimes!.eager!.layerOverheadMs).not.toBe(9);
    expect(device("jetson-nano").nativePrecisions).toEqual(["fp32", "fp16"]);
  });
});

describe("deviceFromSpec", () => {
  const spec = {
    name: "my-npu", class: "edge", peakFlops: { fp32: 1e12, fp16: 4e12, int8: 8e12 },
    efficiency: 0.6, memBytesPerSec: 50e9, layerOverheadMs: 0.02,
  };
  const problems = (raw: unknown): Array<{ path: (string | number)[]; message: string }> => {
    const r = deviceFromSpec(raw);
    return "problems" in r ? r.problems : [];
  };

  it("accepts the DeviceProfile fields, description optional (empty)", () => {
    expect(deviceFromSpec(spec)).toEqual({ device: { ...spec, description: "" } });
  });

  it("keeps the optional per-precision efficiency and native precisions", () => {
    const r = deviceFromSpec({ ...spec, efficiencyByPrecision: { int8: 0.3 }, nativePrecisions: ["fp32", "int8"], description: "x" });
    expect("device" in r && r.device.efficiencyByPrecision).toEqual({ int8: 0.3 });
    expect("device" in r && efficiencyOf(r.device, "int8")).toBe(0.3);
    expect("device" in r && efficiencyOf(r.device, "fp16")).toBe(0.6);
  });

  it("names each missing or invalid field by its path", () => {
    const { peakFlops: _p, memBytesPerSec: _m, ...rest } = spec;
    expect(problems({ ...rest, class: "fog", efficiency: 0, layerOverheadMs: -1 }).map((p) => p.path)).toEqual([
      ["class"], ["peakFlops"], ["efficiency"], ["memBytesPerSec"], ["layerOverheadMs"],
    ]);
    expect(problems({ ...spec, peakFlops: { fp32: 1e12, fp16: "fast", bf16: 1 } }).map((p) => p.path)).toEqual([
      ["peakFlops", "bf16"], ["peakFlops", "fp16"], ["peakFlops", "int8"],
    ]);
  });

  it("rejects unknown fields, efficiencies above the bound, bad precision lists, and non-objects", () => {
    expect(problems({ ...spec, peak: 1 })[0]?.path).toEqual(["peak"]);
    expect(problems({ ...spec, efficiency: MAX_EFFICIENCY + 0.1 })[0]?.path).toEqual(["efficiency"]);
    expect(problems({ ...spec, efficiencyByPrecision: { fp8: 0.5 } })[0]?.path).toEqual(["efficiencyByPrecision", "fp8"]);
    expect(problems({ ...spec, nativePrecisions: ["fp32", "fp32", "fp4"] }).map((p) => p.path)).toEqual([
      ["nativePrecisions", 1], ["nativePrecisions", 2],
    ]);
    expect(problems({ ...spec, nativePrecisions: [] })[0]?.path).toEqual(["nativePrecisions"]);
    expect(problems({ ...spec, name: "" })[0]?.path).toEqual(["name"]);
    expect(problems([spec])).toEqual([{ path: [], message: "a device must be an object" }]);
  });
});
