// Resolves the scenario's own `devices` section: each entry is a full device profile with the
// same fields as the built-in ones (a name equal to a built-in one replaces it for this scenario,
// e.g. an A100 with a measured overhead). Nodes then look devices up here first.
import { deviceFromSpec, deviceNames, getDevice, type DeviceProfile } from "../workload/devices.js";
import type { Problem } from "./problems.js";

export function resolveDevices(
  section: Readonly<Record<string, unknown>>, problems: Problem[], nodes: Readonly<Record<string, { device: string }>> = {},
): Record<string, DeviceProfile> {
  const out: Record<string, DeviceProfile> = {};
  for (const [name, raw] of Object.entries(section)) {
    const withName = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? { name, ...(raw as object) } : raw;
    const r = deviceFromSpec(withName);
    // A bad power figure also names the nodes whose energy it would have given.
    const users = Object.keys(nodes).filter((n) => nodes[n]!.device === name);
    const of = users.length === 0 ? "" : ` (device of node${users.length > 1 ? "s" : ""} ${users.join(", ")})`;
    if ("problems" in r) for (const p of r.problems) problems.push({ path: ["devices", name, ...p.path], message: p.message + (p.path[0] === "power" ? of : "") });
    else out[name] = { ...r.device, name };
  }
  return out;
}

/** A device by name: the scenario's own first, then the built-in ones. */
export function deviceLookup(custom: Readonly<Record<string, DeviceProfile>>): {
  get(name: string): DeviceProfile | undefined;
  names(): string[];
} {
  return {
    get: (name) => custom[name] ?? getDevice(name),
    names: () => [...new Set([...Object.keys(custom), ...deviceNames()])],
  };
}
