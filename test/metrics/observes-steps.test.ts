// Step hooks per resource: a resource whose steps no observer wants is built without step calls
// (Observer.observesSteps), and combining observers keeps a resource watched if any member watches it.
import { describe, expect, it } from "vitest";
import { combineObservers } from "../../src/metrics/combine.js";
import { EnergyMeter } from "../../src/metrics/energy-meter.js";
import type { Observer } from "../../src/platform/observer.js";

describe("observesSteps", () => {
  const onlyFirst: Observer = { onStepStart() {}, observesSteps: (res) => res === 0 };
  const everyStep: Observer = { onStepEnd() {} };
  const noSteps: Observer = { onStart() {} };

  it("combined: watched where any member with step hooks watches", () => {
    const a = combineObservers([onlyFirst, noSteps]);
    expect([a.observesSteps!(0), a.observesSteps!(1)]).toEqual([true, false]);
    const b = combineObservers([onlyFirst, everyStep]);
    expect([b.observesSteps!(0), b.observesSteps!(1)]).toEqual([true, true]);
  });

  it("the energy meter watches transfers only (compute on end devices is priced from Request.originComputeNs)", () => {
    // stations: 0 = the source's device (with power), 1 = a cloud GPU (power, not an origin), 2 = no power figures
    const meter = new EnergyMeter({
      stations: [
        { name: "phone", device: "d", idleW: 1, busyW: 5 },
        { name: "cloud", device: "c", idleW: 50, busyW: 300 },
        { name: "bare", device: "b", idleW: null, busyW: null },
      ],
      links: [{ name: "up", from: 0, to: 1, technology: null, sendNjPerBit: null, receiveNjPerBit: null }],
      origins: [0, 2],
    }, 0);
    expect([0, 1, 2, 3].map((r) => meter.observesSteps(r))).toEqual([false, false, false, true]);
  });
});
