// Device profiles: figures from reference/models-devices.md §3, and ResNet-50 times against the
// calibration measurements of §4 (tolerances are deliberately loose: this is a first fit).
import { describe, expect, it } from "vitest";
import { computeTimeNs } from "../../src/workload/compute-model.js";
import { deviceNames, getDevice, type DeviceProfile, type Precision } from "../../src/workload/devices.js";
import { Model } from "../../src/workload/model.js";
import { zooModel } from "../../src/workload/zoo/index.js";
import { allLayers, builtin } from "./helpers.js";

const device = (name: string): DeviceProfile => {
  const d = getDevice(name);
  if (!d) throw new Error(`no device ${name}`);
  return d;
};
const ms = (m: Model, d: string, p: Precision, batch = 1): number => computeTimeNs(m, allLayers(m), device(d), batch, p) / 1e6;

describe("device table", () => {
  it("lists jetson-nano, raspberry-pi-4 and a100, sorted", () => {
    expect(deviceNames()).toEqual(["a100", "jetson-nano", "raspberry-pi-4"]);
  });

  it("peaks and bandwidths are the reference figures (§3.2-3.4)", () => {
    expect(device("jetson-nano").peakFlops.fp32).toBeCloseTo(128 * 2 * 921.6e6, -8);
    expect(device("jetson-nano").memBytesPerSec).toBe(25.6e9);
    expect(device("raspberry-pi-4").peakFlops.fp32).toBe(4 * 1.5e9 * 8);
    expect(device("raspberry-pi-4").memBytesPerSec).toBe(12.8e9);
    expect(device("a100").peakFlops).toEqual({ fp32: 19.5e12, fp16: 312e12, int8: 624e12 });
    expect(device("a100").memBytesPerSec).toBe(1555e9);
  });

  it("a precision without a fast path uses the fp32 peak (Nano int8, Pi fp16)", () => {
    expect(device("jetson-nano").peakFlops.int8).toBe(device("jetson-nano").peakFlops.fp32);
    expect(device("raspberry-pi-4").peakFlops.fp16).toBe(device("raspberry-pi-4").peakFlops.fp32);
  });

  it("unknown names, including Object.prototype keys, give undefined", () => {
    expect(getDevice("tpu")).toBeUndefined();
    expect(getDevice("toString")).toBeUndefined();
  });

  it("getDevice returns a copy, so changing it does not change the table", () => {
    device("a100").peakFlops.fp32 = 1;
    expect(device("a100").peakFlops.fp32).toBe(19.5e12);
  });
});

describe("ResNet-50 against the calibration set (§4)", () => {
  const r256 = new Model(zooModel("resnet50", { inputSize: 256 })!);
  const r224 = builtin("resnet50");

  it("the 256x256 variant has 5.34 GMACs, as the TensorRT benchmark's input implies", () => {
    expect(r256.totalMacs / 1e9).toBeCloseTo(5.34, 2);
  });

  it("jetson-nano at 256x256 is within 5 % of TensorRT's 79 ms (fp32) and 42 ms (fp16)", () => {
    expect(Math.abs(ms(r256, "jetson-nano", "fp32") / 79 - 1)).toBeLessThan(0.05);
    expect(Math.abs(ms(r256, "jetson-nano", "fp16") / 42 - 1)).toBeLessThan(0.05);
  });

  it("raspberry-pi-4 int8 at 224 is within 5 % of the qnnpack 225.2 ms", () => {
    expect(Math.abs(ms(r224, "raspberry-pi-4", "int8") / 225.2 - 1)).toBeLessThan(0.05);
  });

  it("a100 int8 at batch 1 takes a few hundred microseconds (§4.6)", () => {
    const t = ms(r224, "a100", "int8");
    expect(t).toBeGreaterThan(0.1);
    expect(t).toBeLessThan(1);
  });

  it("batching helps the a100 far more than the raspberry-pi-4 (per-image time at batch 8 vs 1)", () => {
    const gain = (d: string): number => ms(r224, d, "fp16") / (ms(r224, d, "fp16", 8) / 8);
    expect(gain("a100")).toBeGreaterThan(2);
    expect(gain("raspberry-pi-4")).toBeLessThan(1.1);
  });
});
