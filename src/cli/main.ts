#!/usr/bin/env node
// splitsim command line: the only layer that touches argv, stdout, stderr and exit codes.
// Bad input exits 2 with one readable message (a stack trace only with --debug).
import { RUNTIMES } from "../workload/runtime.js";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { reportError } from "./errors.js";
import { TIMELINE_OPTIONS, timelineArgs } from "./timeline-args.js";
import { traceCommands } from "./trace-args.js";
import { compareCommandModule } from "./compare-args.js";
import { mergeCommandModule } from "./merge-args.js";
import { plotCommandModule } from "./plot-args.js";
import { reportCommandModule } from "./report-args.js";
import { sweepCommandModule } from "./sweep-args.js";

const debug = process.argv.includes("--debug");

// A reader that goes away (`| head`) ends the output quietly, not with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

try {
  await yargs(hideBin(process.argv))
    .scriptName("splitsim")
    .usage("$0 <command> [options]")
    // cliui breaks words that cross its width; wide enough, the descriptions fit whole.
    .wrap(Math.max(120, process.stdout.columns ?? 0))
    .option("debug", { type: "boolean", describe: "print stack traces of errors" })
    .command(
      "run <scenario>",
      "run a scenario against its schedulers and print a table",
      (y) =>
        y
          .positional("scenario", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON)" })
          .option("scheduler", { type: "string", describe: "comma-separated names, or all (default: the scenario's list)" })
          .option("seed", { type: "number", describe: "master seed (overrides the scenario's)" })
          .option("set", { type: "string", array: true, describe: "override a scenario value: path=value (repeatable)" })
          .option("out", { type: "string", describe: "write <out>/<scheduler>/{report.json,requests.csv,resources.csv} (+ timeseries.csv, policy-<table>.csv)" })
          .option("force", { type: "boolean", default: false, describe: "allow --out to write into a non-empty directory" })
          .option("format", { choices: ["table", "json", "csv"] as const, default: "table" as const, describe: "stdout format" })
          .option("max-memory", { type: "number", describe: "refuse runs estimated to need more MB than this (default: 80 % of free memory)" })
          .option("progress", { type: "boolean", describe: "show progress on stderr (default: on a terminal, for runs of 50 000 requests or more)" })
          .option("check", { type: "boolean", default: true, describe: "check the run's invariants as it goes; --no-check skips them (docs/invariants.md)" })
          .options(TIMELINE_OPTIONS),
      // Each command loads its own modules when it runs: `--version` or `devices` need no simulator.
      async (argv) => (await import("./run-command.js")).runCommand({
        scenario: argv.scenario,
        scheduler: argv.scheduler,
        seed: argv.seed,
        sets: argv.set ?? [],
        out: argv.out,
        force: argv.force,
        format: argv.format,
        maxMemoryMB: argv["max-memory"],
        progress: argv.progress,
        check: argv.check,
        timeline: timelineArgs(argv),
      }),
    )
    .command("regress [dir]", "re-run the golden cases and name every result that moved",
      (y) => y.positional("dir", { type: "string", default: "test/golden", describe: "folder of <label>.golden.yaml cases" })
        .option("update", { type: "boolean", default: false, describe: "store the new results as the golden ones" }),
      async (a) => { process.exitCode = await (await import("./regress-command.js")).regressCommand({ dir: a.dir, update: a.update }); })
    .command(compareCommandModule)
    .command(sweepCommandModule)
    .command(mergeCommandModule)
    .command(reportCommandModule)
    .command(plotCommandModule)
    .command("trace", "inspect, convert or generate bandwidth traces", (y) => traceCommands(y))
    .command("schedulers", "list the built-in schedulers and their options (or a plug-in's)",
      (y) => y.option("plugin", { type: "string", describe: "a plug-in scheduler file (.ts, .mts, .js, .mjs): list its options" }),
      async (a) => (await import("./list.js")).listSchedulers(a.plugin))
    .command("models", "list the built-in models, or show one layer by layer", (y) =>
      y.command("show <model>", "each layer's MACs, output size and time on a device, and the total",
        (c) => c.positional("model", { type: "string", demandOption: true, describe: "built-in name or model JSON file" })
          .option("device", { type: "string", default: "jetson-nano", describe: "device profile" })
          .option("precision", { choices: ["fp32", "fp16", "int8"] as const, default: "fp32" as const })
          .option("batch", { type: "number", default: 1 })
          .option("runtime", { choices: RUNTIMES, describe: "runtime (kernel fusion); default: the device's" })
          .option("threads", { type: "number", describe: "mobile-cpu: CPU threads, 1 to the device's cores; default: all" })
          .option("input-size", { type: "number", describe: "built-in models: input size in pixels (default: the model's)" })
          .option("json", { type: "boolean", default: false, describe: "print JSON (with totalMs)" }),
        async (a) => (await import("./models-show.js")).showModel({ model: a.model, inputSize: a["input-size"], device: a.device, precision: a.precision, batch: a.batch, json: a.json, runtime: a.runtime, threads: a.threads })),
      async () => (await import("./list.js")).listModels())
    .command("devices", "list the built-in device profiles", {}, async () => (await import("./list.js")).listDevices())
    .demandCommand(1, "name a command: run, sweep, merge, compare, report, plot, regress, trace, schedulers, models or devices")
    .strict()
    .fail((msg, err, y) => {
      if (err) throw err;
      process.stderr.write(`${y.help() && ""}splitsim: ${msg}\nRun 'splitsim --help' for usage.\n`);
      process.exit(2);
    })
    .help()
    .parseAsync();
} catch (e) {
  process.exitCode = reportError(e, debug);
}
