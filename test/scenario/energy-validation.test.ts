// Bad energy input is refused with a problem naming the link or device and the value given: an
// unknown technology, a negative per-bit energy, a negative or missing power (docs/energy.md).
import { describe, expect, it } from "vitest";
import { BASE, problemsOf } from "./helpers.js";

const UP = "  up: { from: phone, to: cloud, bandwidthMbps: 10 }";
const withUp = (fields: string): string => BASE.replace(UP, `  up: { from: phone, to: cloud, bandwidthMbps: 10, ${fields} }`);
const withDevice = (power: string): string =>
  BASE.replace("  phone: { device: raspberry-pi-4 }", "  phone: { device: mine }") +
  `devices:\n  mine: { class: end, peakFlops: { fp32: 4.8e10, fp16: 4.8e10, int8: 9.6e10 }, efficiency: 0.3, memBytesPerSec: 1.28e10, layerOverheadMs: 0.2, power: ${power} }\n`;

describe("energy validation", () => {
  it("accepts every technology, a per-bit override as one number or { send, receive }, and a device's power", () => {
    for (const t of ["lte", "5g", "wifi", "wired"]) expect(problemsOf(withUp(`technology: ${t}`))).toEqual([]);
    expect(problemsOf(withUp("energyPerBitNj: 400"))).toEqual([]);
    expect(problemsOf(withUp("energyPerBitNj: { send: 400, receive: 50 }"))).toEqual([]);
    expect(problemsOf(withDevice("{ idleW: 2, busyW: 6 }"))).toEqual([]);
    expect(problemsOf(withDevice("{ idleW: 2, busyW: { fp32: 6, int8: 4 } }"))).toEqual([]);
  });

  it("refuses an unknown technology, naming the link and the value", () => {
    expect(problemsOf(withUp("technology: lte4"))).toEqual([
      { path: "links.up.technology", line: 7, message: 'must be one of lte, 5g, wifi, wired, got "lte4"' },
    ]);
  });

  it("refuses a negative per-bit energy, naming the link and the number", () => {
    expect(problemsOf(withUp("energyPerBitNj: -5"))).toEqual([{ path: "links.up.energyPerBitNj", line: 7, message: "must be nJ per bit >= 0, got -5" }]);
    const p = problemsOf(withUp("energyPerBitNj: { send: 400, receive: -1 }"));
    expect(p.map((x) => [x.path, x.message])).toEqual([["links.up.energyPerBitNj.receive", "must be nJ per bit >= 0, got -1"]]);
  });

  it("refuses a negative power, naming the device, the node using it and the number", () => {
    const p = problemsOf(withDevice("{ idleW: -3, busyW: { fp32: 6, fp16: -0.5 } }"));
    expect(p.map((x) => [x.path, x.message])).toEqual([
      ["devices.mine.power.idleW", "must be a power in W >= 0, got -3 (device of node phone)"],
      ["devices.mine.power.busyW.fp16", "must be a power in W >= 0, got -0.5 (device of node phone)"],
    ]);
  });

  it("refuses a power without busyW, or with an unknown field", () => {
    const p = problemsOf(withDevice("{ idleW: 1, peakW: 9 }"));
    expect(p.map((x) => [x.path, x.message])).toEqual([
      ["devices.mine.power.peakW", "unknown field (known: idleW, busyW) (device of node phone)"],
      ["devices.mine.power.busyW", "is required (a power in W >= 0) (device of node phone)"],
    ]);
  });
});
