// The `report` command's arguments and its entry in the CLI, without its work: the handler loads
// report-command.ts (and what it imports) only when the command runs, so other commands start faster.
import type { Argv, CommandModule } from "yargs";

export function builder(y: Argv) {
  return y
    .positional("input", { type: "string", demandOption: true, describe: "a 'splitsim run --out' folder, or a sweep's results.jsonl (or its folder)" })
    .option("o", { alias: "output", type: "string", demandOption: true, describe: "the HTML file to write" })
    .option("force", { type: "boolean", default: false, describe: "replace the output file if it exists" })
    .option("title", { type: "string", describe: "the page's title (default: the scenario's name, or the results file)" })
    .option("scenario", { type: "string", describe: "runs: the scenario file of the run, to overlay each link's bandwidth on the time charts" })
    .option("set", { type: "string", array: true, describe: "with --scenario: the run's --set values (path=value, repeatable)" })
    .option("metric", { type: "string", array: true, describe: "sweeps: report paths to plot, comma-separated or repeated (default latencyMs.p95,throughputPerSec,bubbleRatio.overall)" })
    .option("baseline", { type: "string", describe: "sweeps: plot each scheduler minus this one, with compare's CIs" });
}

export type ReportArgv = ReturnType<typeof builder> extends Argv<infer A> ? A : never;

export const reportCommandModule: CommandModule<object, ReportArgv> = {
  command: "report <input>",
  describe: "a self-contained HTML report of a run's --out folder or a sweep's results",
  builder,
  handler: async (a) => (await import("./report-command.js")).reportCommand(a),
};
