// Thread count on a CPU runtime (docs/compute-model.md "Threads"). The mobile-cpu figures describe a
// device running on all its `cores`; with fewer threads every layer takes longer by Amdahl's law,
// a(n) = ((1 − p) + p/n) / ((1 − p) + p/cores), with one parallel fraction p fitted (minimax, no
// per-model factor) on measured 1-thread against all-thread times of one board and build, so the
// board's clock and the library's speed cancel out of each ratio.
import type { DeviceProfile, Precision } from "./device-profile.js";
import { underRuntime } from "./device-runtime.js";
import type { RuntimeName } from "./runtime.js";

export interface ThreadRow {
  model: string;
  precision: Precision;
  /** Cores of the board (the all-thread run's thread count). */
  cores: number;
  /** Average ms per inference at 1 thread and at `cores` threads. */
  oneMs: number;
  allMs: number;
}

/**
 * github.com/Tencent/ncnn benchmark/README.md, "Raspberry Pi 4 Model B Broadcom BCM2711B0, Cortex-A72
 * (ARMv8) (1.8GHz x 4)": `./benchncnn 10 4 0 -1 1` and `./benchncnn 10 1 0 -1 1` (10 loops, forward
 * only, random weights, avg), the zoo's models at 224, batch 1. Left out: AlexNet and GoogLeNet (ncnn's
 * Caffe graphs, not the zoo's), models not in the zoo. A newer build than the 1.5 GHz rows of
 * calibration-data.ts, and another clock: only the ratios are used.
 */
export const THREAD_ROWS: readonly ThreadRow[] = [
  { model: "resnet18", precision: "fp32", cores: 4, oneMs: 191.1, allMs: 123.12 },
  { model: "resnet50", precision: "fp32", cores: 4, oneMs: 534.11, allMs: 262.83 },
  { model: "vgg16", precision: "fp32", cores: 4, oneMs: 1071.85, allMs: 547.09 },
  { model: "mobilenet-v2", precision: "fp32", cores: 4, oneMs: 93.48, allMs: 61.88 },
  { model: "resnet18", precision: "int8", cores: 4, oneMs: 158.5, allMs: 83.92 },
  { model: "resnet50", precision: "int8", cores: 4, oneMs: 423.96, allMs: 196.65 },
  { model: "vgg16", precision: "int8", cores: 4, oneMs: 869.84, allMs: 394.23 },
];

/** Amdahl: time at n threads over time at 1 thread, for parallel fraction p. */
const amdahl = (p: number, n: number): number => 1 - p + p / n;

/**
 * The parallel fraction p that minimises the largest |predicted / measured − 1| of the rows' 1-thread
 * times predicted from their all-thread times. The predicted ratio r = 1 / amdahl(p, cores) is one
 * number for every row (all rows have the same core count), so the minimax r is the harmonic mean of
 * the smallest and largest measured ratios, where the two worst residuals balance.
 */
export function fitParallelFraction(rows: readonly ThreadRow[] = THREAD_ROWS): { p: number; worst: number } {
  const cores = rows[0]!.cores;
  if (rows.some((r) => r.cores !== cores)) throw new Error("thread rows of one core count only");
  const ratios = rows.map((r) => r.oneMs / r.allMs);
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  const r = 2 / (1 / lo + 1 / hi);
  const p = (1 - 1 / r) / (1 - 1 / cores);
  return { p, worst: r / lo - 1 };
}

/** The fitted parallel fraction every CPU device uses (docs/compute-model.md "Threads"). */
export const PARALLEL_FRACTION = fitParallelFraction().p;

/** Every layer's time at `threads` over its time on all `cores` (1 when threads = cores). */
export function threadSlowdown(threads: number, cores: number, p: number = PARALLEL_FRACTION): number {
  return amdahl(p, threads) / amdahl(p, cores);
}

/**
 * `d` running on `threads` of its cores, or an error sentence. Every layer's time scales by
 * threadSlowdown: the per-kernel cost by it, the compute and memory rates by its inverse.
 */
export function withThreads(d: DeviceProfile, threads: number): DeviceProfile | { error: string } {
  if (d.runtime !== "mobile-cpu") {
    return { error: `threads applies to the mobile-cpu runtime only (device '${d.name}' runs ${d.runtime ?? "eager"} here)` };
  }
  if (d.cores === undefined) return { error: `device '${d.name}' gives no core count (define it with cores: <n>)` };
  if (!Number.isInteger(threads) || threads < 1 || threads > d.cores) {
    return { error: `must be a whole number from 1 to the device's ${d.cores} cores, got ${threads}` };
  }
  if (threads === d.cores) return d;
  const a = threadSlowdown(threads, d.cores);
  const out: DeviceProfile = { ...d, layerOverheadMs: d.layerOverheadMs * a, efficiency: d.efficiency / a, memBytesPerSec: d.memBytesPerSec / a };
  if (d.efficiencyByPrecision) {
    out.efficiencyByPrecision = {};
    for (const [k, v] of Object.entries(d.efficiencyByPrecision) as Array<[Precision, number]>) out.efficiencyByPrecision[k] = v / a;
  }
  delete out.runtimes;
  return out;
}

/**
 * `d` as a node runs it: under `runtime` (its default when undefined), then on `threads` of its cores
 * (all when undefined); or the error with the setting it concerns, for the caller's path or flag.
 */
export function deviceAsRun(d: DeviceProfile, runtime: RuntimeName | undefined, threads: number | undefined):
  DeviceProfile | { error: string; setting: "runtime" | "threads" } {
  const asRun = underRuntime(d, runtime);
  if ("error" in asRun) return { error: asRun.error, setting: "runtime" };
  const out = threads === undefined ? asRun : withThreads(asRun, threads);
  return "error" in out ? { error: out.error, setting: "threads" } : out;
}
