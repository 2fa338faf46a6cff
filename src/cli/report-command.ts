// `splitsim report <run --out folder | results.jsonl> -o report.html`: one self-contained HTML page
// of a run's schedulers (latency CDF, throughput and p95 over time, utilisation, where each
// resource's time goes, a Gantt strip, the summary table) or of a sweep (a line plot per swept
// parameter and metric with 95 % bands). Bad input exits 2 naming it, before anything is written.
import { basename, resolve } from "node:path";
import type { ArgumentsCamelCase } from "yargs";
import type { ReportArgv } from "./report-args.js";
import { SplitsimError } from "../errors.js";
import { readResults } from "../research/results-read.js";
import { bandwidthOverlay } from "../report/bandwidth-overlay.js";
import { htmlPage } from "../report/html-page.js";
import { runsData, sweepData } from "../report/report-data.js";
import { findReportInput } from "../report/report-input.js";
import { checkOutputFile, writeOutputFile } from "./output-file.js";


export function reportCommand(a: ArgumentsCamelCase<ReportArgv>): void {
  const out = a.o;
  if (!/\.html?$/i.test(out)) throw new SplitsimError(`-o ${out}: name the report file .html`);
  checkOutputFile("-o", out, a.force, "report.html");
  const input = findReportInput(a.input);
  let page: string;
  if (input.kind === "runs") {
    if (a.metric !== undefined || a.baseline !== undefined) throw new SplitsimError(`--metric and --baseline apply to a sweep's results; ${a.input} holds runs of 'splitsim run --out'`);
    if (a.set !== undefined && a.scenario === undefined) throw new SplitsimError("--set applies with --scenario (the run's scenario file)");
    const reports = input.runs.map((r) => r.report);
    const bandwidth = a.scenario === undefined ? null : bandwidthOverlay(a.scenario, a.set ?? [], reports);
    page = htmlPage(runsData(input.runs, a.title ?? reports[0]!.scenario, bandwidth));
  } else {
    if (a.scenario !== undefined) throw new SplitsimError(`--scenario applies to a run's --out folder; ${a.input} holds a sweep's results`);
    const results = readResults(input.results);
    const metrics = a.metric === undefined ? undefined : [...new Set(a.metric.flatMap((m) => m.split(",")).map((m) => m.trim()).filter((m) => m !== ""))];
    if (metrics !== undefined && metrics.length === 0) throw new SplitsimError("--metric: name at least one report path, e.g. latencyMs.p95");
    page = htmlPage(sweepData(results, a.title ?? basename(resolve(input.results, "..")), { metrics, baseline: a.baseline }));
  }
  writeOutputFile("-o", out, page);
  process.stderr.write(`splitsim: wrote ${out} (${Math.round(Buffer.byteLength(page) / 1024)} KB)\n`);
}
