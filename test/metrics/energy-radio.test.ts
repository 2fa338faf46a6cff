// Radio energy of links (docs/energy.md): the per-bit defaults are Huang et al.'s (MobiSys 2012)
// power-model slopes, α mW/Mbps = α nJ/bit, charged to the sender and the receiver, except to a cloud
// node; a link can override them. Expected values are computed here from the cited figures.
import { describe, expect, it } from "vitest";
import { bitsEnergyJ, RADIO_ENERGY_NJ_PER_BIT } from "../../src/metrics/radio-energy.js";
import { energySpec } from "../../src/scenario/energy-spec.js";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import type { ResolvedNode } from "../../src/scenario/types.js";

// Huang et al., MobiSys 2012, LTE: uplink αu = 438.39 mW/Mbps, downlink αd = 51.97 mW/Mbps.
const LTE_UP_J_PER_BIT = 438.39e-3 / 1e6; // W per (bit/s) = J per bit
const LTE_DOWN_J_PER_BIT = 51.97e-3 / 1e6;

describe("per-bit defaults", () => {
  it("a 1 MB transfer at the default LTE energy costs 8e6 bits × αu (3.50712 J sent, 0.41576 J received)", () => {
    expect(bitsEnergyJ(1e6, RADIO_ENERGY_NJ_PER_BIT.lte.send)).toBeCloseTo(8e6 * LTE_UP_J_PER_BIT, 12);
    expect(bitsEnergyJ(1e6, RADIO_ENERGY_NJ_PER_BIT.lte.receive)).toBeCloseTo(8e6 * LTE_DOWN_J_PER_BIT, 12);
    expect(8e6 * LTE_UP_J_PER_BIT).toBeCloseTo(3.50712, 12);
  });

  it("wired links cost nothing per bit", () => {
    expect(RADIO_ENERGY_NJ_PER_BIT.wired).toEqual({ send: 0, receive: 0 });
  });
});

describe("who pays", () => {
  const node = (name: string, role: ResolvedNode["role"]): ResolvedNode =>
    ({ name, device: "raspberry-pi-4", servers: 1, maxBatch: 1, batchTimeoutMs: 0, queueLimit: null, precision: "fp32", role });
  const link = (name: string, from: string, to: string, extra: object) => ({ name, from, to, bandwidth: { kind: "constant" as const, mbps: 10 }, latencyMs: 0, discipline: "fifo" as const, ...extra });

  it("the sender pays the send figure and the receiver the receive figure, a cloud node neither; an override wins", () => {
    const spec = energySpec({
      nodes: [node("phone", "end"), node("cam", "end"), node("cloud", "cloud")],
      links: [
        link("up", "phone", "cloud", { technology: "lte" }),
        link("down", "cloud", "phone", { technology: "lte" }),
        link("p2p", "phone", "cam", { technology: "wifi" }),
        link("own", "cam", "phone", { technology: "wifi", energyPerBitNj: { send: 100, receive: 7 } }),
        link("plain", "cam", "cloud", {}),
      ],
      sources: [{ at: "cam" }] as never,
      devices: {},
    });
    expect(spec.links.map((l) => [l.name, l.sendNjPerBit, l.receiveNjPerBit])).toEqual([
      ["up", 438.39, 0], ["down", 0, 51.97], ["p2p", 283.17, 137.01], ["own", 100, 7], ["plain", null, null],
    ]);
    expect(spec.origins).toEqual([1]);
  });
});

describe("radio energy in a run", () => {
  const scenario = (up: string) => resolveScenarioText(`name: radio
model: alexnet
nodes:
  phone: { device: raspberry-pi-4 }
  cloud: { device: a100 }
links:
  up: { from: phone, to: cloud, bandwidthMbps: 20, latencyMs: 5, ${up} }
  down: { from: cloud, to: phone, bandwidthMbps: 50, latencyMs: 5, technology: lte }
workload: { arrivals: { kind: periodic, fps: 2 }, requests: 20 }
schedulers: [cloud-only]
`, "radio.yaml");

  it("charges the phone αu per bit sent and αd per bit received, and each request its own bytes", () => {
    const { report, requests } = runScenario(scenario("technology: lte"), "cloud-only");
    const e = report.energy!;
    const up = e.links["up"]!;
    const down = e.links["down"]!;
    expect(up.sendJ).toBeCloseTo(up.bytes * 8 * LTE_UP_J_PER_BIT, 9);
    expect(down.receiveJ).toBeCloseTo(down.bytes * 8 * LTE_DOWN_J_PER_BIT, 9);
    expect([up.receiveJ, down.sendJ, e.nodes["cloud"]!.sendJ, e.nodes["cloud"]!.receiveJ]).toEqual([0, 0, 0, 0]);
    expect(e.nodes["phone"]!.sendJ).toBe(up.sendJ);
    expect(e.nodes["phone"]!.receiveJ).toBe(down.receiveJ);
    // cloud-only computes nothing on the phone: each request's device energy is its radio energy.
    const perRequest = requests.map((r) => r.deviceEnergyJ);
    expect(perRequest.reduce((a, b) => a + b, 0)).toBeCloseTo(up.sendJ + down.receiveJ, 9);
    expect(requests[0]!.deviceRadioJ).toBeCloseTo((up.bytes / 20) * 8 * LTE_UP_J_PER_BIT + (down.bytes / 20) * 8 * LTE_DOWN_J_PER_BIT, 12);
    expect(e.endDevice.perRequestJ).toBeCloseTo(perRequest.reduce((a, b) => a + b, 0) / 20, 9);
  });

  it("an override of 100 nJ/bit replaces the technology's figure on that link", () => {
    const e = runScenario(scenario("technology: lte, energyPerBitNj: 100"), "cloud-only").report.energy!;
    expect(e.links["up"]!.sendNjPerBit).toBe(100);
    expect(e.links["up"]!.sendJ).toBeCloseTo(e.links["up"]!.bytes * 8 * 100e-9, 9);
  });

  it("a link with neither technology nor override counts no radio energy and marks the energy incomplete", () => {
    const e = runScenario(scenario("discipline: fifo"), "cloud-only").report.energy!;
    expect([e.links["up"]!.technology, e.links["up"]!.sendJ, e.complete]).toEqual([null, 0, false]);
  });
});
