// What the energy meter needs from a resolved scenario (docs/energy.md): each node's idle power and
// busy power at its precision, each link's per-bit energy for sender and receiver, each source's end
// device. Built once per run; the meter then works on indices only.
import type { EnergySpec } from "../metrics/energy-meter.js";
import { linkRadioEnergy } from "../metrics/radio-energy.js";
import { deviceLookup } from "./resolve-devices.js";
import type { ResolvedScenario } from "./types.js";

/**
 * A cloud node sits behind a wired network: it pays no radio energy for either end of a link (its
 * NIC's energy is inside its board power). Every other endpoint of a radio link pays: the sender the
 * link's send figure, the receiver its receive figure (two phones over Wi-Fi both pay).
 */
export function energySpec(s: Pick<ResolvedScenario, "nodes" | "links" | "sources" | "devices">): EnergySpec {
  const devices = deviceLookup(s.devices);
  const index = new Map(s.nodes.map((n, i) => [n.name, i]));
  const at = (name: string): number => index.get(name) ?? -1;
  const stations = s.nodes.map((n) => {
    const power = devices.get(n.device)?.power;
    return { name: n.name, device: n.device, idleW: power?.idleW ?? null, busyW: power === undefined ? null : power.busyW[n.precision] };
  });
  const links = s.links.map((l) => {
    const radio = linkRadioEnergy(l);
    const from = at(l.from);
    const to = at(l.to);
    const paid = (node: number, nj: number | undefined): number | null => (nj === undefined ? null : s.nodes[node]?.role === "cloud" ? 0 : nj);
    return {
      name: l.name, from, to, technology: l.technology ?? null, sendNjPerBit: paid(from, radio?.send), receiveNjPerBit: paid(to, radio?.receive),
    };
  });
  return { stations, links, origins: s.sources.map((src) => at(src.at)) };
}
