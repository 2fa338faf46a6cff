// Every (device, runtime) figure from the calibration rows, by fits where rows exist and by the
// analogy rules of docs/compute-model.md where they do not. One procedure serves the stored figures
// (device-fits.ts holds its rounded output, a test re-derives it) and leave-one-source-out
// validation (calibration-loso.ts runs it without each source in turn).
import type { Measurement, ModelCache } from "./calibration.js";
import { fitDevice } from "./calibration-fit.js";
import { PRECISIONS, type DeviceProfile, type Precision } from "./device-profile.js";
import { getDevice } from "./devices.js";
import { DEVICE_RUNTIMES } from "./device-runtimes.js";
import type { RuntimeName } from "./runtime.js";

/** One (device, runtime)'s figures and, for each, how it was obtained. */
export interface UnitFigures {
  layerOverheadMs: number;
  efficiency: Record<Precision, number>;
  basis: { overhead: string } & Record<Precision, string>;
}

export type Figures = Record<string, Partial<Record<RuntimeName, UnitFigures>>>;

const GPU = (d: DeviceProfile): boolean => d.class !== "end";
const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;

/** A profile under a runtime with given figures (what predictions and fits run on). */
export function profileWith(base: DeviceProfile, runtime: RuntimeName, f: Pick<UnitFigures, "layerOverheadMs" | "efficiency">): DeviceProfile {
  const out: DeviceProfile = { ...base, runtime, layerOverheadMs: f.layerOverheadMs, efficiency: f.efficiency.fp32, efficiencyByPrecision: { ...f.efficiency } };
  delete out.runtimes;
  return out;
}

/** The precision whose hardware path runs `p` on `d` (itself when native): the one with the same peak. */
function pathOf(d: DeviceProfile, p: Precision): Precision {
  if (d.nativePrecisions === undefined || d.nativePrecisions.includes(p)) return p;
  return d.nativePrecisions.find((q) => d.peakFlops[q] === d.peakFlops[p]) ?? p;
}

export function deriveFigures(rows: readonly Measurement[], cache: ModelCache = new Map()): Figures {
  const base = (name: string): DeviceProfile => getDevice(name)!;
  const out: Figures = {};
  const set = (dev: string, rt: RuntimeName, f: UnitFigures): void => void ((out[dev] ??= {})[rt] = f);
  const unitRows = (dev: string, rt: RuntimeName): Measurement[] => rows.filter((m) => m.device === dev && m.runtime === rt);
  const shapes = (rs: Measurement[]): number => new Set(rs.map((m) => `${m.model}@${m.inputSize}x${m.batch}`)).size;
  const partial = new Map<string, { overhead: number | undefined; eff: Partial<Record<Precision, number>>; basis: Partial<UnitFigures["basis"]> }>();
  const key = (dev: string, rt: RuntimeName): string => `${dev}|${rt}`;

  // 1. Units with rows of two or more shapes: overhead and efficiencies fitted.
  for (const [dev, rts] of Object.entries(DEVICE_RUNTIMES)) {
    for (const rt of rts) {
      const rs = unitRows(dev, rt);
      if (shapes(rs) < 2) continue;
      const fit = fitDevice({ ...base(dev), runtime: rt }, rs, { maxOverheadMs: rt === "eager" ? 2 : 1 }, cache);
      const basis: Partial<UnitFigures["basis"]> = { overhead: `fitted (${rs.length} rows)` };
      for (const p of Object.keys(fit.efficiency) as Precision[]) basis[p] = `fitted${fit.atBound.includes(p) ? " (at its bound)" : ""}`;
      partial.set(key(dev, rt), { overhead: fit.layerOverheadMs, eff: fit.efficiency, basis });
    }
  }
  // 2. GPU per-kernel cost by analogy: overhead × memory bandwidth (bytes) is about constant across
  //    the fitted compiled GPUs of a class (edge: Jetsons; cloud); K is their geometric mean (of all
  //    fitted GPUs when the class has none).
  const fittedGpu = [...partial.entries()].filter(([k]) => k.endsWith("|compiled") && GPU(base(k.split("|")[0]!)));
  const kOf = (cls: string | null): number[] => fittedGpu.filter(([k]) => cls === null || base(k.split("|")[0]!).class === cls)
    .map(([k, f]) => f.overhead! * base(k.split("|")[0]!).memBytesPerSec);
  const kOverhead = (d: DeviceProfile): number => {
    const cls = d.class === "cloud" ? "cloud" : "edge";
    const ks = kOf(cls).length > 0 ? kOf(cls) : kOf(null);
    return (ks.length > 0 ? geomean(ks) : 6.4e9) / d.memBytesPerSec; // ms × B/s: 6.4 MB when nothing is fitted
  };
  // 3. Compiled GPU units with rows of one shape: overhead by 2, efficiencies fitted.
  for (const [dev, rts] of Object.entries(DEVICE_RUNTIMES)) {
    if (!rts.includes("compiled") || partial.has(key(dev, "compiled"))) continue;
    const rs = unitRows(dev, "compiled");
    if (rs.length === 0) continue;
    const fit = fitDevice({ ...base(dev), runtime: "compiled" }, rs, { fixedOverheadMs: kOverhead(base(dev)) }, cache);
    const basis: Partial<UnitFigures["basis"]> = { overhead: "K / memory bandwidth (one model measured)" };
    for (const p of Object.keys(fit.efficiency) as Precision[]) basis[p] = `fitted${fit.atBound.includes(p) ? " (at its bound)" : ""}`;
    partial.set(key(dev, "compiled"), { overhead: fit.layerOverheadMs, eff: fit.efficiency, basis });
  }
  // 4. Compiled efficiencies missing: the path that runs the precision; else the device's own fitted
  //    efficiency at the other tensor-core precision (int8 ↔ fp16) times the ratio of the two on the
  //    devices where both are fitted (not at a bound); else the mean of the fitted compiled GPUs of its class (edge:
  //    Jetsons; cloud), else of all GPUs (never the phone's Neural Engine: a different kind of unit).
  const fittedEff = (p: Precision, cls: string | null): number[] =>
    [...partial.entries()].filter(([k, f]) => k.endsWith("|compiled") && f.basis[p]?.startsWith("fitted") && GPU(base(k.split("|")[0]!)) && (cls === null || base(k.split("|")[0]!).class === cls))
      .map(([, f]) => f.eff[p]!);
  const firm = (f: { basis: Partial<UnitFigures["basis"]> }, p: Precision): boolean => f.basis[p] === "fitted";
  const compiledFits = [...partial.entries()].filter(([k]) => k.endsWith("|compiled")).map(([, f]) => ({ eff: { ...f.eff }, basis: { ...f.basis } }));
  // Only between the two tensor-core paths: fp32 runs on other units (CUDA cores), whose share of
  // the peak says nothing about the tensor cores'.
  const NEIGHBOURS: Record<Precision, Precision[]> = { int8: ["fp16"], fp16: ["int8"], fp32: [] };
  const byRatio = (u: { eff: Partial<Record<Precision, number>>; basis: Partial<UnitFigures["basis"]> }, p: Precision): [number, string] | null => {
    for (const q of NEIGHBOURS[p]) {
      if (!firm(u, q)) continue;
      const ratios = compiledFits.filter((f) => firm(f, p) && firm(f, q)).map((f) => f.eff[p]! / f.eff[q]!);
      if (ratios.length === 0) continue;
      const r = mean(ratios);
      return [Math.min(1, u.eff[q]! * r), `own ${q} × ${r.toFixed(3)} (${p}/${q} on ${ratios.length} fitted device${ratios.length > 1 ? "s" : ""})`];
    }
    return null;
  };
  for (const [dev, rts] of Object.entries(DEVICE_RUNTIMES)) {
    if (!rts.includes("compiled")) continue;
    const d = base(dev);
    const u = partial.get(key(dev, "compiled")) ?? { overhead: undefined, eff: {}, basis: {} };
    if (u.overhead === undefined) { u.overhead = kOverhead(d); u.basis.overhead = "K / memory bandwidth (no rows)"; }
    const cls = d.class === "cloud" ? "cloud" : "edge";
    for (const p of PRECISIONS) {
      if (u.eff[p] !== undefined) continue;
      const q = pathOf(d, p);
      if (q !== p && u.eff[q] !== undefined && u.basis[q]?.startsWith("fitted")) { u.eff[p] = u.eff[q]; u.basis[p] = `${q} path (no ${p} hardware)`; continue; }
      const ratio = byRatio(u, p);
      if (ratio !== null) { [u.eff[p], u.basis[p]] = ratio; continue; }
      const same = fittedEff(p, cls);
      const any = same.length > 0 ? same : fittedEff(p, null);
      u.eff[p] = any.length > 0 ? mean(any) : 1;
      u.basis[p] = any.length > 0 ? `mean of ${any.length} fitted ${same.length > 0 ? cls : "GPU"} device${any.length > 1 ? "s" : ""}` : "bound (nothing fitted)";
    }
    partial.set(key(dev, "compiled"), u);
  }
  // 5. Eager GPU units fitted in 1 keep their figures (a precision without rows takes the compiled
  //    efficiency: eager PyTorch calls the same cuDNN kernels). With rows of one shape: the compiled
  //    efficiencies, the per-layer dispatch cost fitted. Without rows: the compiled efficiencies and
  //    the mean dispatch cost of the fitted eager devices of its class (else of all).
  for (const [dev, rts] of Object.entries(DEVICE_RUNTIMES)) {
    const rs = unitRows(dev, "eager");
    if (!rts.includes("eager") || rs.length === 0 || partial.has(key(dev, "eager"))) continue;
    const eff = partial.get(key(dev, "compiled"))!.eff as Record<Precision, number>;
    const fit = fitDevice({ ...base(dev), runtime: "eager" }, rs, { fixedEfficiency: eff, maxOverheadMs: 2 }, cache);
    partial.set(key(dev, "eager"), { overhead: fit.layerOverheadMs, eff: { ...eff }, basis: { overhead: `fitted (${rs.length} rows, one model)` } });
  }
  const eagerFitted = [...partial.entries()].filter(([k]) => k.endsWith("|eager")).map(([k, f]) => ({ cls: base(k.split("|")[0]!).class, overhead: f.overhead! }));
  for (const [dev, rts] of Object.entries(DEVICE_RUNTIMES)) {
    if (!rts.includes("eager")) continue;
    const u = partial.get(key(dev, "eager"));
    const compiled = partial.get(key(dev, "compiled"))!;
    if (u === undefined) {
      const same = eagerFitted.filter((e) => e.cls === base(dev).class);
      const pool = (same.length > 0 ? same : eagerFitted).map((e) => e.overhead);
      partial.set(key(dev, "eager"), {
        overhead: pool.length > 0 ? mean(pool) : compiled.overhead!, eff: { ...compiled.eff },
        basis: { overhead: pool.length > 0 ? `mean of ${pool.length} fitted eager device${pool.length > 1 ? "s" : ""}` : "compiled figure (nothing fitted)" },
      });
    }
    const e = partial.get(key(dev, "eager"))!;
    for (const p of PRECISIONS) {
      if (e.basis[p]?.startsWith("fitted")) continue;
      e.eff[p] = compiled.eff[p]!;
      e.basis[p] = "compiled efficiency (same cuDNN kernels)";
    }
  }
  // 6. mobile-cpu: a precision without rows takes the path that runs it, else the fitted one
  //    (the Pi 4's qnnpack int8 fraction); the Pi 5 takes the Pi 4's fractions (int8 at half: no
  //    dot-product kernels in qnnpack) and its overhead scaled by the CPU clock (1.5 / 2.4 GHz).
  const pi4 = partial.get(key("raspberry-pi-4", "mobile-cpu")) ?? { overhead: 0.2, eff: {}, basis: {} };
  for (const p of PRECISIONS) {
    if (pi4.eff[p] !== undefined) continue;
    const have = PRECISIONS.find((q) => pi4.eff[q] !== undefined && pi4.basis[q]?.startsWith("fitted"));
    pi4.eff[p] = have === undefined ? 1 : pi4.eff[have]!;
    pi4.basis[p] = have === undefined ? "bound (nothing fitted)" : `${have} fraction (no ${p} rows)`;
  }
  partial.set(key("raspberry-pi-4", "mobile-cpu"), pi4);
  if (!partial.has(key("raspberry-pi-5", "mobile-cpu"))) {
    partial.set(key("raspberry-pi-5", "mobile-cpu"), {
      overhead: pi4.overhead! * (1.5 / 2.4), eff: { fp32: pi4.eff.fp32!, fp16: pi4.eff.fp16!, int8: pi4.eff.int8! / 2 },
      basis: { overhead: "Pi 4 × 1.5/2.4 (clock)", fp32: "Pi 4 fraction", fp16: "Pi 4 fraction", int8: "half the Pi 4 fraction (qnnpack: no dot product)" },
    });
  }
  for (const [k, u] of partial) {
    const [dev, rt] = k.split("|") as [string, RuntimeName];
    set(dev, rt, { layerOverheadMs: u.overhead!, efficiency: u.eff as Record<Precision, number>, basis: u.basis as UnitFigures["basis"] });
  }
  return out;
}
