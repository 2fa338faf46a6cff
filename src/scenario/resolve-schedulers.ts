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

export const PLUGIN_EXTENSIONS = [".ts", ".mts", ".js", ".mjs"] as const;

/** Whether a `schedulers` entry names a file rather than a built-in. */
export function isPluginRef(entry: string): boolean {
  return /[\\/]/.test(entry) || (PLUGIN_EXTENSIONS as readonly string[]).includes(extname(entry));
}

/** A plug-in's name: its file name without the extension. */
export function pluginName(file: string): string {
  return basename(file, extname(file));
}

export interface ResolvedSchedulers {
  schedulers: string[];
  plugins: Record<string, { file: string; sha256: string }>;
}

export function resolveSchedulers(
  entries: "all" | string[], options: Record<string, Record<string, unknown>>, estimator: EstimatorSpec, read: Reader, problems: Problem[],
): ResolvedSchedulers {
  const builtins = schedulerNames();
  const known = (): string => builtins.join(", ");
  const plugins: Record<string, { file: string; sha256: string }> = {};
  let schedulers: string[];
  if (entries === "all") {
    // `all` leaves out schedulers that cannot run without options the scenario does not give.
    schedulers = builtins.filter((n) => {
      const req = (SCHEDULERS as Record<string, SchedulerFactory>)[n]!.requiredOptions ?? [];
      return req.every((o) => options[n]?.[o] !== undefined);
    });
  } else {
    schedulers = [];
    entries.forEach((entry, i) => {
      if (!isPluginRef(entry)) {
        if (!builtins.includes(entry)) {
          const hint = closestName(entry, builtins);
          problems.push({ path: ["schedulers", i], message: `no scheduler named '${entry}'${hint === null ? "" : ` (did you mean '${hint}'?)`} (known: ${known()}; or give a plug-in file such as ./policies/mine.ts)` });
        }
        // Two runs under one name would write one report over the other.
        if (schedulers.includes(entry)) problems.push({ path: ["schedulers", i], message: `'${entry}' is listed twice` });
        schedulers.push(entry);
        return;
      }
      const name = pluginName(entry);
      const ext = extname(entry);
      if (!(PLUGIN_EXTENSIONS as readonly string[]).includes(ext)) {
        problems.push({ path: ["schedulers", i], message: `plug-in file ${entry} must end in ${PLUGIN_EXTENSIONS.join(", ")}` });
      } else if (builtins.includes(name)) {
        problems.push({ path: ["schedulers", i], message: `plug-in file ${entry} would be named '${name}', which is a built-in scheduler: rename the file` });
      } else if (plugins[name] !== undefined && plugins[name]!.file !== entry) {
        problems.push({ path: ["schedulers", i], message: `plug-ins ${plugins[name]!.file} and ${entry} would both be named '${name}': rename one` });
      } else {
        const text = read(entry);
        if (text === null) problems.push({ path: ["schedulers", i], message: `plug-in file not found: ${entry}` });
        else plugins[name] = { file: entry, sha256: createHash("sha256").update(text).digest("hex").slice(0, 16) };
      }
      schedulers.push(name);
    });
  }
  for (const name of Object.keys(options)) {
    if (!builtins.includes(name) && plugins[name] === undefined) {
      problems.push({ path: ["options", name], message: `no scheduler named '${name}' (known: ${[...builtins, ...Object.keys(plugins)].join(", ")})` });
    }
  }
  for (const name of schedulers) if (plugins[name] === undefined) checkSchedulerOptions(name, options[name] ?? {}, estimator, problems);
  return { schedulers, plugins };
}
