// yargs definitions of `splitsim trace ...` (kept apart from main.ts to keep both small).
import type { Argv } from "yargs";
import { SplitsimError } from "../errors.js";
import { syntheticProblems, type SyntheticSpec } from "../platform/bandwidth/synthetic.js";
import { WRITABLE_FORMATS } from "../platform/bandwidth/writers.js";
import { convertCommand, generateCommand, inspectCommand } from "./trace-command.js";

const FORMATS = ["auto", "mahimahi", "time-value", "oboe", "ucc", "csv"] as const;

function readOptions<T>(y: Argv<T>) {
  return y
    .option("format", { choices: FORMATS, default: "auto" as const, describe: "input format (auto detects and says which)" })
    .option("bin-ms", { type: "number", describe: "mahimahi bin width in ms" })
    .option("column", { type: "string", describe: "ucc column to read (default DL_bitrate)" });
}

function outOptions<T>(y: Argv<T>) {
  return y
    .option("out", { type: "string", describe: "write to this file instead of stdout" })
    .option("force", { type: "boolean", default: false, describe: "replace an existing --out file" });
}

export function traceCommands(y: Argv): Argv {
  return y
    .command("inspect <files..>", "duration, loop period, time-weighted mean, median, p5, p95 (Mbit/s)",
      (c) => readOptions(c.positional("files", { type: "string", array: true, demandOption: true }))
        .option("json", { type: "boolean", default: false, describe: "print a JSON array" }),
      (a) => inspectCommand(a.files as string[], { format: a.format, binMs: a["bin-ms"], column: a.column, json: a.json }))
    .command("convert <file>", "rewrite a trace in another tool's format",
      (c) => outOptions(readOptions(c.positional("file", { type: "string", demandOption: true }))
        .option("to", { choices: WRITABLE_FORMATS, demandOption: true, describe: "output format" })),
      (a) => convertCommand(a.file, { format: a.format, binMs: a["bin-ms"], column: a.column, to: a.to, out: a.out, force: a.force }))
    .command("generate <kind>", "write a synthetic trace: constant, steps, gilbert-elliott or rayleigh",
      (c) => outOptions(c.positional("kind", { choices: ["constant", "steps", "gilbert-elliott", "rayleigh"] as const, demandOption: true })
        .option("format", { choices: WRITABLE_FORMATS, default: "csv" as const, describe: "output format" })
        .option("mbps", { type: "string", describe: "constant: the rate; steps: comma-separated rates" })
        .option("step-s", { type: "number", describe: "steps: seconds per step" })
        .option("good-mbps", { type: "number" }).option("bad-mbps", { type: "number" })
        .option("mean-good-s", { type: "number" }).option("mean-bad-s", { type: "number" })
        .option("bandwidth-mhz", { type: "number", describe: "rayleigh: channel bandwidth B (or give --mean-mbps)" })
        .option("mean-mbps", { type: "number", describe: "rayleigh: the mean rate; B is chosen to reach it" })
        .option("snr-db", { type: "number", describe: "rayleigh: mean SNR" })
        .option("coherence-ms", { type: "number", describe: "rayleigh: length of a fading block" })
        .option("duration-s", { type: "number", describe: "length of the trace" })
        .option("seed", { type: "number", default: 1 })),
      (a) => generateCommand(checked(syntheticSpec(a)), { format: a.format, out: a.out, force: a.force }))
    .demandCommand(1, "name a trace command: inspect, convert or generate");
}

function need(v: number | undefined, flag: string): number {
  if (v === undefined || !Number.isFinite(v) || v < 0) throw new SplitsimError(`--${flag}: give a number >= 0`);
  return v;
}

/** A flag that may be left out (syntheticProblems says when it must not be). */
function optional(v: number | undefined, flag: string): number | undefined {
  return v === undefined ? undefined : need(v, flag);
}

/** The same bounds as a synthetic trace in a scenario, named by their flags (in the messages too). */
function checked(spec: SyntheticSpec): SyntheticSpec {
  const bad = syntheticProblems(spec);
  if (bad.length > 0) {
    const flag = (field: string): string => "--" + field.replace(/S$/, "-s").replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    const fields = new RegExp(`\\b(${Object.keys(spec).filter((k) => k !== "kind").join("|")})\\b`, "g");
    throw new SplitsimError(bad.map(([field, message]) => `${flag(field)}: ${message.replace(fields, flag)}`).join("\n"));
  }
  return spec;
}

function syntheticSpec(a: Record<string, unknown>): SyntheticSpec {
  const num = (k: string) => a[k] as number | undefined;
  const rates = String(a["mbps"] ?? "").split(",").filter((x) => x.trim() !== "").map(Number);
  switch (a["kind"]) {
    case "constant":
      return { kind: "constant", mbps: need(rates[0], "mbps"), durationS: num("duration-s") ?? 1 };
    case "steps":
      if (rates.length === 0 || rates.some((r) => !(r >= 0))) throw new SplitsimError("--mbps: give comma-separated rates, e.g. 6,3.5,8");
      return { kind: "steps", stepS: need(num("step-s"), "step-s"), mbps: rates };
    case "rayleigh": {
      const snrDb = num("snr-db");
      if (snrDb === undefined || !Number.isFinite(snrDb)) throw new SplitsimError("--snr-db: give the mean SNR in dB, e.g. 10");
      return {
        kind: "rayleigh", bandwidthMhz: optional(num("bandwidth-mhz"), "bandwidth-mhz"), meanMbps: optional(num("mean-mbps"), "mean-mbps"),
        snrDb, coherenceMs: need(num("coherence-ms"), "coherence-ms"), durationS: need(num("duration-s"), "duration-s"), seed: need(num("seed"), "seed"),
      };
    }
    default:
      return {
        kind: "gilbert-elliott", goodMbps: need(num("good-mbps"), "good-mbps"), badMbps: need(num("bad-mbps"), "bad-mbps"),
        meanGoodS: need(num("mean-good-s"), "mean-good-s"), meanBadS: need(num("mean-bad-s"), "mean-bad-s"),
        durationS: need(num("duration-s"), "duration-s"), seed: need(num("seed"), "seed"),
      };
  }
}
