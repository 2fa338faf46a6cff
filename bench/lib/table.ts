// The report table: one line per figure with its median, min–max over repeats, target and ✓/✗,
// under one heading per case. Plain text so it can be pasted into docs/performance.md.
import type { Figure } from "./figures.js";
import { fmt } from "./stats.js";

export const GROUP_TITLES: Record<number, string> = {
  1: "1. Event queue alone, hold model (events/s)",
  2: "2. M/M/1, rho = 0.5: splitsim public API vs hand-written",
  3: "3. Quickstart pipeline, 30 fps (as in the file)",
  4: "4. Cost per request, quickstart cloud-only at 2 fps (stable)",
  5: "5. Many resources: D devices, one uplink, D/8 A100s (cloud-only)",
  6: "6. Whole process: start-up (ms) and splitsim vs SimPy (s), timed from the parent",
};

/** `quick`: tiny sizes say nothing about speed, so no target is judged (and no ✓/✗ shown). */
export function renderTable(rows: readonly Figure[], quick = false): string {
  const W = { fig: 62, med: 11, range: 23, target: 10 };
  const lines: string[] = [];
  const head =
    "figure".padEnd(W.fig) + "median".padStart(W.med) + "  " + "min – max".padEnd(W.range) + "target".padEnd(W.target) + " ok";
  lines.push(head, "-".repeat(head.length));
  let group = -1;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push(GROUP_TITLES[group] ?? `${group}.`);
    }
    if (r.note !== undefined) {
      lines.push(("  " + r.figure).padEnd(W.fig) + r.note + (r.target === undefined ? "" : `  (target ${r.target})`));
      continue;
    }
    const range = r.derived
      ? r.unit === "ratio"
        ? "(ratio of medians)"
        : "(from medians)"
      : r.repeats > 1
        ? `${fmt(r.value.min, r.unit)} – ${fmt(r.value.max, r.unit)}`
        : r.repeats === 1
          ? "(1 run)"
          : "(no run)";
    const ok = r.met === undefined || quick ? "" : r.met ? "✓" : "✗";
    lines.push(
      ("  " + r.figure).padEnd(W.fig) + fmt(r.value.median, r.unit).padStart(W.med) + "  " + range.padEnd(W.range) + (r.target ?? "").padEnd(W.target) + " " + ok,
    );
  }
  const judged = rows.filter((r) => r.met !== undefined);
  lines.push("-".repeat(head.length), quick ? `targets: not judged in quick mode (${judged.length} in a full run)` : `targets met: ${judged.filter((r) => r.met).length} of ${judged.length}`);
  return lines.join("\n");
}
