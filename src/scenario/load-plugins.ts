// Loads the plug-in schedulers a scenario names by file: imports each (TypeScript through tsx, so
// a researcher needs no build step), checks that its default export is a SchedulerFactory, and
// validates the scenario's options for it. Every failure names the file and says what to fix.
import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SplitsimError } from "../errors.js";
import type { SchedulerFactory } from "../schedulers/scheduler.js";
import { checkSchedulerOptions } from "./check-options.js";
import { ScenarioError, dotted, type Problem } from "./problems.js";
import { createPlugin, schedulerSource, type SchedulerSource } from "./scheduler-source.js";
import type { ResolvedScenario } from "./types.js";

/** The scenario's schedulers: the built-ins plus its plug-ins, imported and checked. */
export async function loadPlugins(s: ResolvedScenario, scenarioFile = `${s.name}.yaml`): Promise<SchedulerSource> {
  const plugins: Record<string, { factory: SchedulerFactory; file: string }> = {};
  const problems: Problem[] = [];
  for (const [name, { file }] of Object.entries(s.plugins ?? {})) {
    const factory = await importFactory(resolve(s.baseDir, file), file);
    // Options problems join the list; anything else create() throws names the file (createPlugin).
    checkSchedulerOptions(name, s.options[name] ?? {}, s.estimator, problems, (o) => createPlugin(name, factory, file, o));
    plugins[name] = { factory, file };
  }
  // Instances of a plug-in: their own options, checked by the plug-in, reported where they are written.
  for (const [instance, runs] of Object.entries(s.instances ?? {})) {
    const p = plugins[runs];
    if (p === undefined) continue;
    checkSchedulerOptions(runs, s.options[instance] ?? {}, s.estimator, problems, (o) => createPlugin(instance, p.factory, p.file, o), s.instanceOptionsAt?.[instance]);
  }
  if (problems.length > 0) throw new ScenarioError(scenarioFile, problems.map((p) => ({ path: dotted(p.path), line: null, message: p.message })));
  return schedulerSource(plugins);
}

/** Imports a plug-in file and returns its default export, checked to be a SchedulerFactory. */
export async function importFactory(path: string, label = path): Promise<SchedulerFactory> {
  if (!existsSync(path)) throw new SplitsimError(`${label}: plug-in file not found`);
  let mod: { default?: unknown };
  try {
    const url = pathToFileURL(path).href;
    if (extname(path) === ".ts" || extname(path) === ".mts") {
      const { tsImport } = await import("tsx/esm/api");
      mod = (await tsImport(url, import.meta.url)) as { default?: unknown };
    } else mod = (await import(url)) as { default?: unknown };
  } catch (e) {
    throw new SplitsimError(`${label}: could not load the plug-in: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, { cause: e });
  }
  // A .ts file outside an ESM package loads as CommonJS (marked __esModule): its export default is
  // then one level down, under the module's exports.
  let def = mod.default;
  if (def !== null && typeof def === "object" && (def as { __esModule?: unknown }).__esModule === true) def = (def as { default?: unknown }).default;
  return checkFactory(def, label);
}

function checkFactory(f: unknown, label: string): SchedulerFactory {
  const hint = "export default { description, options: [...], create(options) { return { name, plan(req, ctx) { ... } }; } } (see docs/schedulers/writing-a-scheduler.md)";
  if (f === undefined) throw new SplitsimError(`${label}: the plug-in has no default export; write ${hint}`);
  if (f === null || typeof f !== "object") throw new SplitsimError(`${label}: the default export is not a SchedulerFactory object; write ${hint}`);
  const o = f as Record<string, unknown>;
  if (typeof o["create"] !== "function") throw new SplitsimError(`${label}: the default export has no create(options) function; write ${hint}`);
  if (o["options"] !== undefined && !(Array.isArray(o["options"]) && o["options"].every((x) => typeof x === "string"))) {
    throw new SplitsimError(`${label}: options must be a list of strings, one per option ("name (type, default): meaning")`);
  }
  if (o["requestColumns"] !== undefined && !(Array.isArray(o["requestColumns"]) && o["requestColumns"].every((c) => typeof (c as { name?: unknown })?.name === "string"))) {
    throw new SplitsimError(`${label}: requestColumns must be a list of { name, description }`);
  }
  return {
    ...(o as unknown as SchedulerFactory),
    description: typeof o["description"] === "string" ? o["description"] : "",
    options: (o["options"] as string[] | undefined) ?? [],
    create: (o["create"] as SchedulerFactory["create"]).bind(f),
  };
}
