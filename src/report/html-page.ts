// One self-contained HTML file: the summary tables rendered here, the data as embedded JSON, and
// Chart.js and the page script inlined, so the page needs no network (its Content-Security-Policy
// forbids any fetch) and opens from a mail attachment or a paper's artefact folder.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PAGE_SCRIPT } from "./page-script.js";
import type { ReportData, RunsData, SweepData } from "./report-data.js";
import { label } from "./svg-figure.js";

/** Chart.js's UMD bundle as installed (the version pinned in package.json), without its source-map line. */
export function chartJsSource(): string {
  const main = createRequire(import.meta.url).resolve("chart.js");
  return readFileSync(join(dirname(main), "chart.umd.min.js"), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
}

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1100px; color: #222; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; margin: 0 0 6px; }
p.meta { color: #666; margin-top: 0; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: right; } th:first-child, td:first-child { text-align: left; }
th { background: #f4f4f4; }
figure.chart { margin: 0 0 28px; } .canvas-box { position: relative; width: 100%; }
figcaption { color: #555; font-size: 12px; margin-top: 4px; }
.note { color: #8a5300; }
`;

export function htmlPage(data: ReportData, chartJs: string = chartJsSource()): string {
  const body = data.kind === "runs" ? runsTables(data) : sweepTables(data);
  // "<" escaped so the JSON cannot close its script element whatever a scheduler is named.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(data.title)} — splitsim report</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(data.title)}</h1>
${data.kind === "runs" ? `${body}\n<h2>Charts</h2>\n<div id="charts"></div>` : `${sweepIntro(data)}\n<div id="charts"></div>\n<h2>Tables</h2>\n${body}`}
<script type="application/json" id="splitsim-data">${json}</script>
<script>${chartJs}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function runsTables(d: RunsData): string {
  const r0 = d.reports[0]!;
  const head = ["scheduler", "completed", "dropped", "mean ms", "p50 ms", "p95 ms", "p99 ms", "throughput /s", "makespan s", "bubble ratio", "stable"];
  const rows = d.reports.map((r) => [
    r.scheduler, String(r.requests.completed), String(r.requests.dropped), num(r.latencyMs.mean), num(r.latencyMs.p50), num(r.latencyMs.p95),
    num(r.latencyMs.p99), num(r.throughputPerSec), num(r.makespanMs / 1000), num(r.bubbleRatio.overall), r.stable === null ? "–" : String(r.stable),
  ]);
  return `<p class="meta">scenario ${esc(r0.scenario)} · seed ${r0.seed} · scenario hash ${esc(r0.scenarioHash)} · ${d.schedulers.length} scheduler${d.schedulers.length === 1 ? "" : "s"} · latency over the ${r0.requests.measured} requests after the warm-up of ${r0.window.warmupRequests}</p>
<h2>Summary</h2>
${table(head, rows)}`;
}

function sweepIntro(d: SweepData): string {
  const none = d.figures.length === 0 ? `\n<p class="note">No parameter was swept (only seeds): no line plots; the tables give each scheduler's mean over seeds.</p>` : "";
  return `<p class="meta">${d.runs} runs · ${d.failed} failed (left out) · schedulers ${esc(d.schedulers.join(", "))} · means over seeds with 95 % Student-t intervals (the seed is the replication, as in splitsim compare)</p>${none}`;
}

function sweepTables(d: SweepData): string {
  const parts: string[] = [];
  for (const o of d.overall) {
    parts.push(`<h2>${esc(o.metric)}</h2>`);
    parts.push(table(["scheduler", "seeds", "mean", "95 % CI"], o.rows.map((m) => [m.scheduler, String(m.seeds), m.mean === null ? "–" : num(m.mean.value), m.mean === null ? "" : ci(m.mean.ci)])));
  }
  for (const f of d.figures) {
    parts.push(`<h2>${esc(f.metric)}${f.mode === "mean" ? "" : ` (${f.mode} vs ${esc(f.baseline ?? "")})`} by ${esc(f.x)}</h2>`);
    const rows = f.series.flatMap((s) => s.points.map((p) => [s.name, label(p.x), String(p.seeds), num(p.y), p.lo === null ? p.note : ci({ lo: p.lo, hi: p.hi! })]));
    parts.push(table(["scheduler", f.x, "seeds", f.mode === "mean" ? "mean" : f.mode, "95 % CI"], rows));
  }
  return parts.join("\n");
}

function table(head: readonly string[], rows: readonly string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>\n${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n")}\n</tbody></table>`;
}

function ci(c: { lo: number; hi: number } | string): string {
  return typeof c === "string" ? c : `[${num(c.lo)}, ${num(c.hi)}]`;
}

/** Four significant digits, as compare's table prints them. */
function num(x: number): string {
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e12 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
