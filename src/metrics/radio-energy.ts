// Default per-bit radio energy of a link by technology, nJ per bit, charged to the sending node
// ("send") and to the receiving node ("receive"); docs/energy.md has the derivations. Tags as in the
// device tables: [S] read in a secondary source that quotes the paper, [V] read in the source, [A] ours.
import type { LinkTechnology, ResolvedLink } from "../platform/platform-spec.js";

export interface RadioEnergy {
  /** nJ per bit transmitted, paid by the sender. */
  send: number;
  /** nJ per bit received, paid by the receiver. */
  receive: number;
}

/**
 * Huang et al., "A Close Examination of Performance and Power Characteristics of 4G LTE Networks",
 * MobiSys 2012: a phone's radio power in the connected state is P = αu·tu + αd·td + β, with tu, td the
 * uplink and downlink throughput in Mbps. The slopes are the energy of one more bit: α mW/Mbps =
 * α·1e-3 J/s / 1e6 bit/s = α nJ/bit. β (LTE 1288.04 mW: the radio's base power while connected) and
 * the RRC promotion and tail energy are not per bit and are not counted (docs/energy.md).
 */
export const RADIO_ENERGY_NJ_PER_BIT: Readonly<Record<LinkTechnology, RadioEnergy>> = {
  // [S] LTE αu = 438.39, αd = 51.97 mW/Mbps. Read in secondary sources quoting the paper: PureEdgeSim's
  // settings/simulation_parameters.properties (cellular_device_transmission/reception_nanojoules_per_bit
  // 438.4 and 51.97, "courtesy of LEAF") and two public notes quoting αu = 438.39 and αd = 51.97 mW/Mbps.
  lte: { send: 438.39, receive: 51.97 },
  // [A] No per-bit 5G figure could be read. Narayanan et al. (SIGCOMM 2021, "A Variegated Look at 5G in
  // the Wild") find mmWave 5G more energy-efficient per bit than 4G only above ≈ 187 Mbps down and
  // 189 Mbps up [S, read in a summary]; below that LTE's figures are the nearer stand-in. Override per link.
  "5g": { send: 438.39, receive: 51.97 },
  // [S] The paper's WiFi fit: αu = 283.17, αd = 137.01 mW/Mbps (PureEdgeSim's
  // wifi_device_transmission/reception_nanojoules_per_bit, same source as above).
  wifi: { send: 283.17, receive: 137.01 },
  // [A] A wired NIC's energy is inside the board's idle and busy power; LEAF's example uses
  // ETHERNET_WATT_PER_BIT = 0 [V] (dos-group/leaf examples/smart_city_traffic/settings.py).
  wired: { send: 0, receive: 0 },
};

/** A link's per-bit energy: its override, else its technology's default, else none (null). */
export function linkRadioEnergy(l: Pick<ResolvedLink, "technology" | "energyPerBitNj">): RadioEnergy | null {
  if (l.energyPerBitNj !== undefined) return { send: l.energyPerBitNj.send, receive: l.energyPerBitNj.receive };
  return l.technology === undefined ? null : { ...RADIO_ENERGY_NJ_PER_BIT[l.technology] };
}

/** Energy of `bytes` at `njPerBit`, J. One product, then one division, so round figures stay exact. */
export function bitsEnergyJ(bytes: number, njPerBit: number): number {
  return (bytes * 8 * njPerBit) / 1e9;
}
