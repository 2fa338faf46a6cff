// Device profiles for the compute model (compute-model.ts): the type, the built-in table's
// accessors, and a plain validator so that a scenario can define a device inline with the same fields.
import { DEVICE_PROFILES } from "./device-profiles.js";

export { PRECISIONS, USABLE_MEMORY_FRACTION, type DeviceClass, type DeviceProfile, type DevicePower, type Precision } from "./device-profile.js";
import { CLASSES, PRECISIONS, type DeviceClass, type DevicePower, type DeviceProfile, type Precision, type RuntimeFigures } from "./device-profile.js";
import { RUNTIMES, type RuntimeName } from "./runtime.js";

/** Efficiency upper bound accepted by the validator: Winograd F(4×4,3×3) saves at most 4× multiplies. */
export const MAX_EFFICIENCY = 4;

/** The efficiency the compute model uses for `precision` on `device`. */
export function efficiencyOf(device: DeviceProfile, precision: Precision): number {
  return device.efficiencyByPrecision?.[precision] ?? device.efficiency;
}

/** Names of the built-in devices, sorted. */
export function deviceNames(): string[] {
  return Object.keys(DEVICE_PROFILES).sort();
}

/** A built-in device profile (a deep copy, so callers cannot alter the table), or undefined. */
export function getDevice(name: string): DeviceProfile | undefined {
  const d = Object.hasOwn(DEVICE_PROFILES, name) ? DEVICE_PROFILES[name] : undefined;
  return d ? copyDevice(d) : undefined;
}

function copyDevice(d: DeviceProfile): DeviceProfile {
  const out: DeviceProfile = { ...d, peakFlops: { ...d.peakFlops } };
  if (d.efficiencyByPrecision) out.efficiencyByPrecision = { ...d.efficiencyByPrecision };
  if (d.nativePrecisions) out.nativePrecisions = [...d.nativePrecisions];
  if (d.power) out.power = { idleW: d.power.idleW, busyW: { ...d.power.busyW } };
  if (d.runtimes) out.runtimes = structuredClone(d.runtimes);
  return out;
}

export interface DeviceProblem {
  path: (string | number)[];
  message: string;
}

const FIELDS = new Set([
  "name", "class", "peakFlops", "efficiency", "efficiencyByPrecision", "memBytesPerSec", "layerOverheadMs",
  "nativePrecisions", "description", "cores", "memoryBytes", "usableMemoryFraction", "power", "runtime", "runtimes",
]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isPrecision = (v: unknown): v is Precision => typeof v === "string" && (PRECISIONS as readonly string[]).includes(v);

/**
 * Checks a raw (parsed JSON/YAML) device definition with the fields of DeviceProfile and returns
 * the profile, or every problem found with its path. `description` is optional (default ""); no
 * defaults are invented for the figures, since a silent default peak would be a wrong model.
 */
export function deviceFromSpec(raw: unknown): { device: DeviceProfile } | { problems: DeviceProblem[] } {
  const problems: DeviceProblem[] = [];
  const bad = (path: (string | number)[], message: string): void => void problems.push({ path, message });
  if (!isRecord(raw)) return { problems: [{ path: [], message: "a device must be an object" }] };
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) bad([key], `unknown field (known: ${[...FIELDS].join(", ")})`);

  const positive = (path: (string | number)[], v: unknown, max = Infinity, zeroOk = false): number => {
    const ok = typeof v === "number" && Number.isFinite(v) && (zeroOk ? v >= 0 : v > 0) && v <= max;
    if (!ok) bad(path, `must be a ${zeroOk ? "non-negative" : "positive"} number${max < Infinity ? ` ≤ ${max}` : ""}, got ${JSON.stringify(v)}`);
    return ok ? v : Number.NaN;
  };

  const name = raw["name"];
  if (typeof name !== "string" || name.trim() === "") bad(["name"], "must be a non-empty string");
  const cls = raw["class"];
  if (!(typeof cls === "string" && (CLASSES as readonly string[]).includes(cls))) bad(["class"], `must be one of ${CLASSES.join(", ")}`);

  const peaks = { fp32: Number.NaN, fp16: Number.NaN, int8: Number.NaN };
  const rawPeaks = raw["peakFlops"];
  if (!isRecord(rawPeaks)) bad(["peakFlops"], "must be an object { fp32, fp16, int8 } in FLOP/s (an FMA counts as 2)");
  else {
    for (const key of Object.keys(rawPeaks)) if (!isPrecision(key)) bad(["peakFlops", key], "unknown precision (fp32, fp16, int8)");
    for (const p of PRECISIONS) peaks[p] = positive(["peakFlops", p], rawPeaks[p]);
  }

  const efficiency = positive(["efficiency"], raw["efficiency"], MAX_EFFICIENCY);
  const byPrecision = efficiencies(["efficiencyByPrecision"], raw["efficiencyByPrecision"], positive, bad);
  const memBytesPerSec = positive(["memBytesPerSec"], raw["memBytesPerSec"]);
  const layerOverheadMs = positive(["layerOverheadMs"], raw["layerOverheadMs"], Infinity, true);

  // The runtime these figures describe, and figures for other runtimes (docs/compute-model.md "Runtimes").
  const runtime = raw["runtime"];
  if (runtime !== undefined && !(RUNTIMES as readonly unknown[]).includes(runtime)) bad(["runtime"], `must be one of ${RUNTIMES.join(", ")}`);
  let runtimes: Partial<Record<RuntimeName, RuntimeFigures>> | undefined;
  const rawRuntimes = raw["runtimes"];
  if (rawRuntimes !== undefined) {
    if (!isRecord(rawRuntimes)) bad(["runtimes"], "must be an object { <runtime>: { layerOverheadMs, efficiency, efficiencyByPrecision? } }");
    else {
      runtimes = {};
      for (const [key, v] of Object.entries(rawRuntimes)) {
        const path = ["runtimes", key];
        if (!(RUNTIMES as readonly string[]).includes(key)) { bad(path, `unknown runtime (${RUNTIMES.join(", ")})`); continue; }
        if (!isRecord(v)) { bad(path, "must be an object { layerOverheadMs, efficiency, efficiencyByPrecision? }"); continue; }
        for (const f of Object.keys(v)) if (!["layerOverheadMs", "efficiency", "efficiencyByPrecision"].includes(f)) bad([...path, f], "unknown field (known: layerOverheadMs, efficiency, efficiencyByPrecision)");
        const fig: RuntimeFigures = {
          layerOverheadMs: positive([...path, "layerOverheadMs"], v["layerOverheadMs"], Infinity, true),
          efficiency: positive([...path, "efficiency"], v["efficiency"], MAX_EFFICIENCY),
        };
        const by = efficiencies([...path, "efficiencyByPrecision"], v["efficiencyByPrecision"], positive, bad);
        if (by) fig.efficiencyByPrecision = by;
        runtimes[key as RuntimeName] = fig;
      }
    }
  }

  let native: Precision[] | undefined;
  const rawNative = raw["nativePrecisions"];
  if (rawNative !== undefined) {
    if (!Array.isArray(rawNative) || rawNative.length === 0) bad(["nativePrecisions"], "must be a non-empty list of fp32, fp16, int8");
    else {
      native = [];
      rawNative.forEach((v: unknown, i) => {
        if (!isPrecision(v)) bad(["nativePrecisions", i], `unknown precision ${JSON.stringify(v)} (fp32, fp16, int8)`);
        else if (native!.includes(v)) bad(["nativePrecisions", i], `${v} is listed twice`);
        else native!.push(v);
      });
    }
  }

  // Optional: a device without a capacity has no memory limit (docs/memory.md).
  const memoryBytes = raw["memoryBytes"] === undefined ? undefined : positive(["memoryBytes"], raw["memoryBytes"]);
  const cores = raw["cores"];
  if (cores !== undefined && !(Number.isInteger(cores) && (cores as number) >= 1)) bad(["cores"], "must be a whole number ≥ 1");
  const usableMemoryFraction = raw["usableMemoryFraction"] === undefined ? undefined : positive(["usableMemoryFraction"], raw["usableMemoryFraction"], 1);

  const power = raw["power"] === undefined ? undefined : powerFromSpec(raw["power"], bad);

  const description = raw["description"] ?? "";
  if (typeof description !== "string") bad(["description"], "must be a string");
  if (problems.length > 0) return { problems };

  const device: DeviceProfile = {
    name: name as string, class: cls as DeviceClass, peakFlops: peaks, efficiency, memBytesPerSec, layerOverheadMs,
    description: description as string,
  };
  if (byPrecision) device.efficiencyByPrecision = byPrecision;
  if (native) device.nativePrecisions = native;
  if (cores !== undefined) device.cores = cores as number;
  if (memoryBytes !== undefined) device.memoryBytes = memoryBytes;
  if (usableMemoryFraction !== undefined) device.usableMemoryFraction = usableMemoryFraction;
  if (power !== undefined) device.power = power;
  if (runtime !== undefined) device.runtime = runtime as RuntimeName;
  if (runtimes !== undefined) device.runtimes = runtimes;
  return { device };
}

/** An `efficiencyByPrecision` object: each precision's efficiency, checked. */
function efficiencies(
  path: (string | number)[], raw: unknown, positive: (path: (string | number)[], v: unknown, max?: number) => number,
  bad: (path: (string | number)[], message: string) => void,
): Partial<Record<Precision, number>> | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) {
    bad(path, "must be an object such as { fp16: 0.5 }");
    return undefined;
  }
  const out: Partial<Record<Precision, number>> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (isPrecision(key)) out[key] = positive([...path, key], v, MAX_EFFICIENCY);
    else bad([...path, key], "unknown precision (fp32, fp16, int8)");
  }
  return out;
}

/**
 * `power: { idleW, busyW }` (docs/energy.md): watts >= 0; busyW is one number for every precision,
 * or { fp32, fp16?, int8? } where a missing precision takes the fp32 figure (no source gives one).
 */
function powerFromSpec(raw: unknown, bad: (path: (string | number)[], message: string) => void): DevicePower | undefined {
  if (!isRecord(raw)) {
    bad(["power"], "must be an object { idleW, busyW } in W (busyW: a number or { fp32, fp16, int8 })");
    return undefined;
  }
  let ok = true;
  const watts = (path: (string | number)[], v: unknown): number => {
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
    bad(path, v === undefined ? "is required (a power in W >= 0)" : `must be a power in W >= 0, got ${JSON.stringify(v)}`);
    ok = false;
    return Number.NaN;
  };
  for (const key of Object.keys(raw)) if (key !== "idleW" && key !== "busyW") bad(["power", key], "unknown field (known: idleW, busyW)");
  const idleW = watts(["power", "idleW"], raw["idleW"]);
  const rawBusy = raw["busyW"];
  let busyW = { fp32: Number.NaN, fp16: Number.NaN, int8: Number.NaN };
  if (isRecord(rawBusy)) {
    for (const key of Object.keys(rawBusy)) if (!isPrecision(key)) bad(["power", "busyW", key], "unknown precision (fp32, fp16, int8)");
    const fp32 = watts(["power", "busyW", "fp32"], rawBusy["fp32"]);
    const other = (p: "fp16" | "int8"): number => (rawBusy[p] === undefined ? fp32 : watts(["power", "busyW", p], rawBusy[p]));
    busyW = { fp32, fp16: other("fp16"), int8: other("int8") };
  } else {
    const w = watts(["power", "busyW"], rawBusy);
    busyW = { fp32: w, fp16: w, int8: w };
  }
  return ok ? { idleW, busyW } : undefined;
}
