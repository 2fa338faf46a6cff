// The `plot` command's arguments and its entry in the CLI, without its work: the handler loads
// plot-command.ts (and what it imports) only when the command runs, so other commands start faster.
import type { Argv, CommandModule } from "yargs";

export function builder(y: Argv) {
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

export type PlotArgv = ReturnType<typeof builder> extends Argv<infer A> ? A : never;

export const plotCommandModule: CommandModule<object, PlotArgv> = {
  command: "plot <results>",
  describe: "an SVG (or PNG) figure of a sweep: --x swept parameter, --y metric, one series per scheduler with 95 % error bars",
  builder,
  handler: async (a) => (await import("./plot-command.js")).plotCommand(a),
};
