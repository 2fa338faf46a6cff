// The `sweep` command's arguments and its entry in the CLI, without its work: the handler loads
// sweep-command.ts (and what it imports) only when the command runs, so other commands start faster.
import { availableParallelism } from "node:os";
import type { Argv, CommandModule } from "yargs";

export function builder(y: Argv) {
  return y
    .positional("scenario", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON), optionally with a sweep: section" })
    .option("out", { type: "string", demandOption: true, describe: "folder of results.jsonl, summary.csv and sweep.json; re-running resumes" })
    .option("vary", { type: "string", array: true, describe: "path=[v1,v2,...]: each value is one point (repeatable)" })
    .option("trace", { type: "string", array: true, describe: "link=<glob>: each matching trace file is one point (repeatable)" })
    .option("seeds", { type: "string", describe: "seeds: a..b, a,b,c or one seed (default: the scenario's sweep.seeds, else its seed)" })
    .option("scheduler", { type: "string", describe: "comma-separated names or plug-in files, or all (default: the scenario's list)" })
    .option("set", { type: "string", array: true, describe: "override a scenario value for every point: path=value (repeatable)" })
    .option("workers", { type: "number", describe: `worker threads (default: the cores, here ${availableParallelism()})` })
    .option("shard", { type: "string", describe: "run only slice i/n of the grid, or auto (Slurm array / Kubernetes indexed Job)" });
}

export type SweepArgv = ReturnType<typeof builder> extends Argv<infer A> ? A : never;

export const sweepCommandModule: CommandModule<object, SweepArgv> = {
  command: "sweep <scenario>",
  describe: "run a grid of points x traces x seeds x schedulers on worker threads, resumable, into --out",
  builder,
  handler: async (a) => {
    process.exitCode = await (await import("./sweep-command.js")).sweepCommand(a);
  },
};
