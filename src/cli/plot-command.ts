// `splitsim plot <results> --x path --y metric -o fig.svg|png`: a paper figure from a sweep's results,
// one series per scheduler with 95 % error bars (compare's intervals; with --baseline, compare's
// own rows). Bad input — a missing file, an x that was not swept, a metric no report has, an output
// that exists or cannot be written — exits 2 naming it, before anything is written.
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { SplitsimError } from "../errors.js";
import { readResults } from "../research/results-read.js";
import { svgToPng } from "../report/png.js";
import { svgFigure, type SvgSize } from "../report/svg-figure.js";
import { sweepFigure } from "../report/sweep-series.js";
import { checkOutputFile, writeOutputFile } from "./output-file.js";

function builder(y: Argv) {
  return y
    .positional("results", { type: "string", demandOption: true, describe: "a sweep's results.jsonl (or its --out folder)" })
    .option("x", { type: "string", demandOption: true, describe: "the swept parameter on the x axis (a point path, e.g. workload.arrivals.ratePerSec)" })
    .option("y", { type: "string", demandOption: true, describe: "the report path on the y axis, e.g. latencyMs.p95" })
    .option("by", { type: "string", default: "scheduler", describe: "one series per: scheduler (the only grouping)" })
    .option("baseline", { type: "string", describe: "plot each scheduler minus this one (compare's difference and CI)" })
    .option("ratio", { type: "boolean", default: false, describe: "with --baseline: plot the ratio of means (compare's Fieller CI)" })
    .option("size", { type: "string", default: "3.5x2.5", describe: "figure size in inches, WxH (3.5 wide fits one column of a two-column paper)" })
    .option("o", { alias: "output", type: "string", demandOption: true, describe: "the figure file to write: .svg, or .png (rendered without a browser)" })
    .option("dpi", { type: "number", default: 300, describe: "PNG resolution, pixels per inch" })
    .option("force", { type: "boolean", default: false, describe: "replace the output file if it exists" });
}

type PlotArgv = ReturnType<typeof builder> extends Argv<infer A> ? A : never;

export const plotCommandModule: CommandModule<object, PlotArgv> = {
  command: "plot <results>",
  describe: "an SVG (or PNG) figure of a sweep: --x swept parameter, --y metric, one series per scheduler with 95 % error bars",
  builder,
  handler: (a) => plotCommand(a),
};

export async function plotCommand(a: ArgumentsCamelCase<PlotArgv>): Promise<void> {
  if (a.by !== "scheduler") throw new SplitsimError(`--by ${a.by}: series can only be by scheduler (one series per scheduler); to split by another swept parameter, draw one figure per value`);
  if (a.ratio && a.baseline === undefined) throw new SplitsimError("--ratio needs --baseline <scheduler>: the ratio is of each scheduler's mean to the baseline's");
  const size = parseSize(a.size);
  const out = a.o;
  const png = /\.png$/i.test(out);
  if (!png && !/\.svg$/i.test(out)) throw new SplitsimError(`-o ${out}: name the figure file .svg (vector, for papers) or .png`);
  if (!(Number.isFinite(a.dpi) && a.dpi >= 50 && a.dpi <= 1200)) throw new SplitsimError(`--dpi ${a.dpi}: give a resolution between 50 and 1200`);
  checkOutputFile("-o", out, a.force, "figure.svg");
  const results = readResults(a.results);
  const figure = sweepFigure(results, { x: a.x, metric: a.y, baseline: a.baseline, ratio: a.ratio });
  const svg = svgFigure(figure, size);
  writeOutputFile("-o", out, png ? await svgToPng(svg, a.dpi) : svg);
  const points = figure.series.reduce((s, x) => s + x.points.length, 0);
  process.stderr.write(`splitsim: wrote ${out}: ${figure.series.length} series, ${points} points\n`);
}

function parseSize(s: string): SvgSize {
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/.exec(s.trim());
  const w = m ? Number(m[1]) : NaN;
  const h = m ? Number(m[2]) : NaN;
  if (!(w >= 1 && w <= 20 && h >= 1 && h <= 20)) throw new SplitsimError(`--size ${s}: give WxH in inches between 1 and 20, e.g. 3.5x2.5 (one column) or 7x3 (two columns)`);
  return { width: w, height: h };
}
