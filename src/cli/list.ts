// `splitsim schedulers | models | devices`: what is built in.
import { resolve } from "node:path";
import { importFactory } from "../scenario/load-plugins.js";
import { pluginName } from "../scenario/resolve-schedulers.js";
import { SCHEDULERS } from "../schedulers/registry.js";
import type { SchedulerFactory } from "../schedulers/scheduler.js";
import { builtinModel, builtinModelNames } from "../workload/builtin-models.js";
import { RADIO_ENERGY_NJ_PER_BIT } from "../metrics/radio-energy.js";
import { deviceNames, efficiencyOf, getDevice, PRECISIONS } from "../workload/devices.js";
import { supportedRuntimes } from "../workload/device-runtime.js";
import { usableFraction } from "../workload/memory.js";
import { Model } from "../workload/model.js";
import { formatTable } from "./table.js";

export async function listSchedulers(pluginFile?: string): Promise<void> {
  const lines: string[] = [];
  const entries: Array<[string, SchedulerFactory]> =
    pluginFile === undefined ? Object.entries(SCHEDULERS) : [[pluginName(pluginFile), await importFactory(resolve(pluginFile), pluginFile)]];
  for (const [name, f] of entries) {
    lines.push(`${name}: ${f.description || "(no description)"}`);
    for (const o of f.options) lines.push(`    ${o}`);
    for (const c of f.requestColumns ?? []) lines.push(`    requests.csv column ${c.name}: ${c.description}`);
  }
  lines.push("", "Every scheduler also takes estimator (oracle | last | ewma | harmonic, default: the scenario's).");
  process.stdout.write(lines.join("\n") + "\n");
}

export function listModels(): void {
  const rows = builtinModelNames().map((name) => {
    const m = new Model(builtinModel(name)!);
    return [name, String(m.layerCount), (m.totalMacs / 1e9).toFixed(3), (m.totalWeightBytes / 4 / 1e6).toFixed(2), m.spec.input.shape.join("x")];
  });
  process.stdout.write(formatTable(["model", "layers", "GMACs", "Mparams", "input"], rows));
}

export function listDevices(): void {
  const rows = deviceNames().map((name) => {
    const d = getDevice(name)!;
    const eff = PRECISIONS.map((p) => String(Number(efficiencyOf(d, p).toFixed(3)))).join(" / ");
    return [name, d.class, supportedRuntimes(d).join(", "), d.cores === undefined ? "-" : String(d.cores), (d.peakFlops.fp32 / 1e9).toFixed(0), (d.peakFlops.fp16 / 1e9).toFixed(0),
      (d.peakFlops.int8 / 1e9).toFixed(0), (d.memBytesPerSec / 1e9).toFixed(1), eff, d.layerOverheadMs.toFixed(4),
      d.memoryBytes === undefined ? "-" : String(d.memoryBytes / 2 ** 30), String(usableFraction(d)),
      d.power === undefined ? "-" : watts(d.power.idleW), d.power === undefined ? "-" : PRECISIONS.map((p) => watts(d.power!.busyW[p])).join(" / ")];
  });
  const radio = Object.entries(RADIO_ENERGY_NJ_PER_BIT).map(([t, e]) => `${t} ${e.send}/${e.receive}`).join(", ");
  process.stdout.write(formatTable(
    ["device", "class", "runtimes", "cores", "fp32 GFLOP/s", "fp16", "int8 GOP/s", "mem GB/s", "efficiency fp32/fp16/int8", "overhead ms/kernel", "memory GiB", "usable",
      "idle W", "busy W fp32/fp16/int8"], rows) +
    "Efficiency and per-kernel overhead are for the first (default) runtime; `models show --runtime` uses another.\n" +
    "cores: CPU cores a mobile-cpu node may run on (nodes.<name>.threads; docs/compute-model.md \"Threads\").\n" +
    "Peaks count an FMA as 2; sources and the calibration are in docs/compute-model.md; memory in docs/memory.md.\n" +
    `Link radio energy, nJ/bit send/receive (links.<name>.technology): ${radio}; power and radio sources in docs/energy.md.\n`);
}

const watts = (w: number): string => String(Number(w.toFixed(3)));
