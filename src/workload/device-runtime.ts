// A device as one runtime runs it (docs/compute-model.md "Runtimes"): the node's `runtime` picks the
// per-kernel cost and efficiencies of that (device, runtime) pair; the compute model then counts
// kernels by the runtime's fusion rules (runtime.ts).
import type { DeviceProfile } from "./device-profile.js";
import { RUNTIMES, type RuntimeName } from "./runtime.js";

/** The runtime a device's top-level figures describe. */
export const defaultRuntime = (d: DeviceProfile): RuntimeName => d.runtime ?? "eager";

/** Every runtime the device has figures for: its default first, then the others in RUNTIMES order. */
export function supportedRuntimes(d: DeviceProfile): RuntimeName[] {
  const own = defaultRuntime(d);
  return [own, ...RUNTIMES.filter((r) => r !== own && d.runtimes?.[r] !== undefined)];
}

/**
 * The profile the compute model uses for `runtime` on `d` (its default when undefined), or an
 * error sentence naming the runtimes the device supports.
 */
export function underRuntime(d: DeviceProfile, runtime: RuntimeName | undefined): DeviceProfile | { error: string } {
  const want = runtime ?? defaultRuntime(d);
  if (want === defaultRuntime(d)) return d;
  const fig = d.runtimes?.[want];
  if (fig === undefined) {
    return { error: `device '${d.name}' has no figures for runtime '${want}' (it runs: ${supportedRuntimes(d).join(", ")}; ` +
      `define a device with runtimes.${want} to add them)` };
  }
  const out: DeviceProfile = { ...d, runtime: want, layerOverheadMs: fig.layerOverheadMs, efficiency: fig.efficiency };
  if (fig.efficiencyByPrecision) out.efficiencyByPrecision = { ...fig.efficiencyByPrecision };
  else delete out.efficiencyByPrecision;
  return out;
}
