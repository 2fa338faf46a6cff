// The `compare` command's arguments and its entry in the CLI, without its work: the handler loads
// compare-command.ts (and what it imports) only when the command runs, so other commands start faster.
import type { Argv, CommandModule } from "yargs";
import { DEFAULT_METRICS } from "../research/metric-defaults.js";

export function builder(y: Argv) {
  return y
    .positional("results", { type: "string", demandOption: true, describe: "a sweep's results.jsonl (or its --out folder)" })
    .option("baseline", { type: "string", demandOption: true, describe: "the scheduler instance the others are compared with" })
    .option("metric", { type: "string", array: true, describe: `report paths, comma-separated or repeated (default ${DEFAULT_METRICS.join(",")})` })
    .option("by", { type: "string", array: true, describe: "group by these swept parameters (point paths), comma-separated or repeated" })
    .option("ci", { choices: ["t", "bootstrap"] as const, default: "t" as const, describe: "interval: Student t (ratio: Fieller) or percentile bootstrap over seeds" })
    .option("resamples", { type: "number", describe: "bootstrap resamples (default 10000)" })
    .option("ci-seed", { type: "number", describe: "bootstrap random seed (default 1)" })
    .option("format", { choices: ["table", "csv"] as const, default: "table" as const, describe: "stdout format" })
    .option("csv", { type: "string", describe: "also write the CSV to this file" });
}

export type CompareArgv = ReturnType<typeof builder> extends Argv<infer A> ? A : never;

export const compareCommandModule: CommandModule<object, CompareArgv> = {
  command: "compare <results>",
  describe: "each scheduler against a baseline over the same (point, seed): mean difference and ratio with 95 % CIs",
  builder,
  handler: async (a) => (await import("./compare-command.js")).compareCommand(a),
};
