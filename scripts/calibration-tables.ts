// Prints the tables of docs/compute-model.md that come from the calibration set: the figures per
// (device, runtime) with how each was obtained, and every row's in-sample and leave-one-source-out
// residual, the rows kept by another source, and the leave-one-device-out table. Paste the output into the doc after a change of the rows, the rules or the model:
//   npx tsx scripts/calibration-tables.ts
import { CALIBRATION } from "../src/workload/calibration.js";
import { inSampleResiduals, leaveOneDeviceOut, leaveOneSourceOut } from "../src/workload/calibration-loso.js";
import { DEVICE_FITS } from "../src/workload/device-fits.js";

const pct = (r: number): string => `${r >= 0 ? "+" : "−"}${Math.abs(r * 100).toFixed(1)}`;
const out: string[] = ["| device | runtime | overhead ms/kernel | fp32 | fp16 | int8 | how |", "|---|---|---|---|---|---|---|"];
for (const dev of Object.keys(DEVICE_FITS).sort()) {
  for (const [rt, f] of Object.entries(DEVICE_FITS[dev]!)) {
    const b = f!.basis;
    const how = [`overhead: ${b.overhead}`, ...(["fp32", "fp16", "int8"] as const).map((p) => `${p}: ${b[p]}`)].join("; ");
    out.push(`| ${dev} | ${rt} | ${f!.layerOverheadMs} | ${f!.efficiency.fp32} | ${f!.efficiency.fp16} | ${f!.efficiency.int8} | ${how} |`);
  }
}
const fit = inSampleResiduals();
const loso = leaveOneSourceOut();
const key = (m: object): string => JSON.stringify(m);
const held = new Map(loso.map((p) => [key(p.measurement), p]));
out.push("", "| source | device | runtime | model | input | precision | batch | measured ms | fit ms | fit % | left out ms | left out % |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const p of fit) {
  const m = p.measurement;
  const q = held.get(key(m))!;
  out.push(`| ${m.source} | ${m.device} | ${m.runtime} | ${m.model} | ${m.inputSize} | ${m.precision} | ${m.batch} | ${m.ms} | ` +
    `${p.predictedMs.toFixed(2)} | ${pct(p.residual)} | ${q.predictedMs.toFixed(2)} | ${pct(q.residual)} |`);
}
const worstOf = (xs: number[]): number => xs.reduce((a, x) => (Math.abs(x) > Math.abs(a) ? x : a), 0);
const worst = (xs: number[]): string => pct(worstOf(xs));
const abs = fit.map((p) => Math.abs(p.residual)).sort((a, b) => a - b);
out.push("", `rows: ${CALIBRATION.length}; fit: worst ${worst(fit.map((p) => p.residual))} %, median |r| ${(abs[Math.floor(abs.length / 2)]! * 100).toFixed(1)} %; ` +
  `left out: worst ${worst(loso.map((p) => p.residual))} %`);
// Rows whose (device, runtime, precision) keeps rows of another source when theirs is left out.
const kept = loso.filter((p) => CALIBRATION.some((m) => m.source !== p.measurement.source && m.device === p.measurement.device &&
  m.runtime === p.measurement.runtime && m.precision === p.measurement.precision));
out.push(`kept by another source: ${kept.length} rows, ${kept.filter((p) => Math.abs(p.residual) <= 0.2).length} within ±20 %, ` +
  `worst ${worst(kept.map((p) => p.residual))} %`);
// Leave one device out: median and worst per (device, runtime, precision), in row order.
const groups = new Map<string, number[]>();
for (const p of leaveOneDeviceOut()) {
  const m = p.measurement;
  const k = `| ${m.device} | ${m.runtime} | ${m.precision} |`;
  groups.set(k, [...(groups.get(k) ?? []), p.residual]);
}
out.push("", "| device | runtime | precision | rows | median | worst |", "|---|---|---|---|---|---|");
for (const [k, rs] of groups) {
  const sorted = [...rs].sort((a, b) => a - b);
  const med = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  out.push(`${k} ${rs.length} | ${(med * 100).toFixed(1)} | ${(worstOf(rs) * 100).toFixed(1)} |`);
}
process.stdout.write(out.join("\n") + "\n");
