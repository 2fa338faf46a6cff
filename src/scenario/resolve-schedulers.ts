// The scenario's `schedulers` and `options`: built-in names, `all`, and plug-in files (a path
// ending in .ts, .mts, .js or .mjs, relative to the scenario). A plug-in is known by its file name
// without the extension; here its file is found and hashed, and it is imported later
// (load-plugins.ts), where its options are checked. Built-ins' options are checked now.
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { closestName } from "../closest-name.js";
import { SCHEDULERS, schedulerNames } from "../schedulers/registry.js";
import type { SchedulerFactory } from "../schedulers/scheduler.js";
import { checkSchedulerOptions } from "./check-options.js";
import type { Problem, Reader } from "./problems.js";
import type { EstimatorSpec } from "./types.js";
import type { ResolvedSource } from "../workload/source-spec.js";
import { allSkipReason } from "./all-schedulers.js";

export const PLUGIN_EXTENSIONS = [".ts", ".mts", ".js", ".mjs"] as const;

/** Whether a `schedulers` entry names a file rather than a built-in. */
export function isPluginRef(entry: string): boolean {
  return /[\\/]/.test(entry) || (PLUGIN_EXTENSIONS as readonly string[]).includes(extname(entry));
}

/** A plug-in's name: its file name without the extension. */
export function pluginName(file: string): string {
  return basename(file, extname(file));
}

/** A `schedulers` entry: a built-in name, a plug-in file, or a named instance of either with its own options. */
export type SchedulerEntry = string | { name: string; use: string; options: Record<string, unknown> };

export interface ResolvedSchedulers {
  schedulers: string[];
  plugins: Record<string, { file: string; sha256: string }>;
  /** Instance name -> the scheduler it runs (a built-in or plug-in name); its options are in `options`. */
  instances: Record<string, string>;
  /** `options` with each instance's own options added under its name. */
  options: Record<string, Record<string, unknown>>;
  /** Where each instance's options are in the file (schedulers.<i>.options), for problems found later. */
  optionsAt: Record<string, Array<string | number>>;
}

export function resolveSchedulers(
  entries: "all" | SchedulerEntry[], fileOptions: Record<string, Record<string, unknown>>, estimator: EstimatorSpec, read: Reader, problems: Problem[],
  sources: readonly ResolvedSource[], links: readonly { from: string; to: string }[],
): ResolvedSchedulers {
  const builtins = schedulerNames();
  const known = (): string => builtins.join(", ");
  const plugins: Record<string, { file: string; sha256: string }> = {};
  const instances: Record<string, string> = {};
  /** Where each instance's options were written, for their problems' paths. */
  const optionsAt: Record<string, Array<string | number>> = {};
  const options = { ...fileOptions };
  let schedulers: string[];

  /** A built-in name or a plug-in file at `path`: the name it runs under, or null when unusable. */
  const resolveRef = (entry: string, path: Array<string | number>): string | null => {
    if (!isPluginRef(entry)) {
      if (builtins.includes(entry)) return entry;
      const hint = closestName(entry, builtins);
      problems.push({ path, message: `no scheduler named '${entry}'${hint === null ? "" : ` (did you mean '${hint}'?)`} (known: ${known()}; or give a plug-in file such as ./policies/mine.ts)` });
      return null;
    }
    const name = pluginName(entry);
    const ext = extname(entry);
    if (!(PLUGIN_EXTENSIONS as readonly string[]).includes(ext)) {
      problems.push({ path, message: `plug-in file ${entry} must end in ${PLUGIN_EXTENSIONS.join(", ")}` });
    } else if (builtins.includes(name)) {
      problems.push({ path, message: `plug-in file ${entry} would be named '${name}', which is a built-in scheduler: rename the file` });
    } else if (plugins[name] !== undefined && plugins[name]!.file !== entry) {
      problems.push({ path, message: `plug-ins ${plugins[name]!.file} and ${entry} would both be named '${name}': rename one` });
    } else {
      const text = read(entry);
      if (text === null) problems.push({ path, message: `plug-in file not found: ${entry}` });
      else plugins[name] = { file: entry, sha256: createHash("sha256").update(text).digest("hex").slice(0, 16) };
    }
    return name;
  };

  if (entries === "all") {
    // `all` leaves out schedulers that cannot run without options the scenario does not give.
    schedulers = builtins.filter((n) => allSkipReason(n, (SCHEDULERS as Record<string, SchedulerFactory>)[n], options[n], sources, links) === null);
  } else {
    schedulers = [];
    entries.forEach((entry, i) => {
      const at = ["schedulers", i];
      let name: string | null;
      if (typeof entry === "string") {
        name = resolveRef(entry, at);
        if (name === null) name = entry; // reported; keep its place so later checks still see it
      } else {
        const use = resolveRef(entry.use, [...at, "use"]);
        name = entry.name;
        if (builtins.includes(name) || isPluginRef(name)) {
          problems.push({ path: [...at, "name"], message: `'${name}' is a scheduler's own name: give the instance a name of its own (e.g. ${name}-2)` });
        } else if (fileOptions[name] !== undefined) {
          problems.push({ path: ["options", name], message: `'${name}' is an instance: give its options inline, as schedulers[${i}].options` });
        }
        if (use !== null) instances[name] = use;
        options[name] = entry.options;
        optionsAt[name] = [...at, "options"];
      }
      // Two runs under one name would write one report over the other.
      if (schedulers.includes(name)) problems.push({ path: at, message: `'${name}' is listed twice` });
      schedulers.push(name);
    });
  }
  for (const name of Object.keys(fileOptions)) {
    if (!builtins.includes(name) && plugins[name] === undefined && instances[name] === undefined) {
      problems.push({ path: ["options", name], message: `no scheduler named '${name}' (known: ${[...builtins, ...Object.keys(plugins)].join(", ")})` });
    }
  }
  // Built-ins' options now (plug-ins' once loaded): an instance's with the scheduler it uses.
  for (const name of schedulers) {
    const runs = instances[name] ?? name;
    if (plugins[runs] === undefined) checkSchedulerOptions(runs, options[name] ?? {}, estimator, problems, undefined, optionsAt[name]);
  }
  return { schedulers, plugins, instances, options, optionsAt };
}
