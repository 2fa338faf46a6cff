// `splitsim plot <results> --x path --y metric -o fig.svg|png`: a paper figure from a sweep's results,
// one series per scheduler with 95 % error bars (compare's intervals; with --baseline, compare's
// own rows). Bad input — a missing file, an x that was not swept, a metric no report has, an output
// that exists or cannot be written — exits 2 naming it, before anything is written.
import type { ArgumentsCamelCase } from "yargs";
import type { PlotArgv } from "./plot-args.js";
import { SplitsimError } from "../errors.js";
import { readResults } from "../research/results-read.js";
import { svgToPng } from "../report/png.js";
import { svgFigure, type SvgSize } from "../report/svg-figure.js";
import { sweepFigure } from "../report/sweep-series.js";
import { checkOutputFile, writeOutputFile } from "./output-file.js";


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
