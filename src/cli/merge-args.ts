// The `merge` command's arguments and its entry in the CLI, without its work: the handler loads
// merge-command.ts (and what it imports) only when the command runs, so other commands start faster.
import type { Argv, CommandModule } from "yargs";

export function builder(y: Argv) {
  return y
    .positional("dirs", { type: "string", array: true, demandOption: true, describe: "the --out folders of the shards" })
    .option("out", { type: "string", demandOption: true, describe: "folder for the merged results.jsonl, summary.csv and sweep.json" });
}

export type MergeArgv = ReturnType<typeof builder> extends Argv<infer A> ? A : never;

export const mergeCommandModule: CommandModule<object, MergeArgv> = {
  command: "merge <dirs..>",
  describe: "combine the --out folders of a sweep's shards into one",
  builder,
  handler: async (a) => {
    process.exitCode = (await import("./merge-command.js")).mergeCommand(a);
  },
};
