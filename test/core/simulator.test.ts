// The simulator's clock, scheduling rules and named random streams.
import { describe, expect, it } from "vitest";
import { Phase, Simulator } from "../../src/core/simulator.js";
import { ceilNs, ms, sec, toMs } from "../../src/core/time.js";

describe("Simulator", () => {
  it("advances the clock to each event and runs them in order", () => {
    const sim = new Simulator(1);
    const seen: Array<[number, number]> = [];
    const h = (arg: number) => seen.push([sim.now, arg]);
    sim.at(ms(2), Phase.Arrive, h, 2);
    sim.after(ms(1), Phase.Arrive, h, 1);
    sim.run();
    expect(seen).toEqual([[1_000_000, 1], [2_000_000, 2]]);
    expect(sim.eventCount).toBe(2);
  });

  it("run(until) stops before later events and leaves the clock at until", () => {
    const sim = new Simulator(1);
    let fired = 0;
    sim.at(10, Phase.Arrive, () => fired++);
    sim.at(30, Phase.Arrive, () => fired++);
    sim.run(20);
    expect([fired, sim.now]).toEqual([1, 20]);
    sim.run();
    expect([fired, sim.now]).toEqual([2, 30]);
  });

  it("does not count an event whose handler discards it as superseded", () => {
    const sim = new Simulator(1);
    sim.at(1, Phase.Complete, () => sim.discardCurrent());
    sim.at(2, Phase.Complete, () => {});
    sim.run();
    expect(sim.eventCount).toBe(1);
  });

  it("refuses to schedule in the past", () => {
    const sim = new Simulator(1);
    sim.at(10, Phase.Arrive, () => expect(() => sim.at(5, Phase.Arrive, () => {})).toThrow(/before now/));
    sim.run();
  });

  it("gives each named stream the same draws for the same seed, independent of other streams", () => {
    const a = new Simulator(7);
    const b = new Simulator(7);
    b.rng("other").next(); // touching another stream must not shift this one
    const xs = [a.rng("noise").next(), a.rng("noise").next()];
    const ys = [b.rng("noise").next(), b.rng("noise").next()];
    expect(xs).toEqual(ys);
    expect(new Simulator(8).rng("noise").next()).not.toBe(xs[0]);
  });

  it("draws exponentials with the requested mean", () => {
    const r = new Simulator(3).rng("exp");
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) sum += r.exponential(2);
    // sd of the mean = 2 / sqrt(n) = 0.0045; allow 4 sd.
    expect(Math.abs(sum / n - 2)).toBeLessThan(0.018);
  });
});

describe("time", () => {
  it("converts units to integer nanoseconds", () => {
    expect([ms(1.5), sec(0.25), toMs(2_500_000)]).toEqual([1_500_000, 250_000_000, 2.5]);
  });
  it("rounds rate-derived durations up, ignoring float noise", () => {
    expect([ceilNs(10.2), ceilNs(3.0000000000000004), ceilNs(7)]).toEqual([11, 3, 7]);
  });
});
