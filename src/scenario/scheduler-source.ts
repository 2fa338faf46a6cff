// Where a run finds its schedulers by name: the built-in registry, plus the plug-ins a scenario
// names by file once they are loaded (load-plugins.ts). One object per loaded scenario, no global
// registry to mutate.
import { isSplitsimError, SplitsimError } from "../errors.js";
import { SCHEDULERS, schedulerNames } from "../schedulers/registry.js";
import type { Scheduler, SchedulerFactory } from "../schedulers/scheduler.js";

export interface SchedulerSource {
  /** Every name it knows: built-ins first, then plug-ins. */
  names(): string[];
  /** The factory of `name`, or undefined. */
  factory(name: string): SchedulerFactory | undefined;
  /** A fresh scheduler for one run (the options are the scheduler's own, validated by it). */
  create(name: string, options: Record<string, unknown>): Scheduler;
}

/** The built-ins plus `plugins` (name -> factory, with the file each came from for errors). */
export function schedulerSource(plugins: Readonly<Record<string, { factory: SchedulerFactory; file: string }>> = {}): SchedulerSource {
  const builtins = SCHEDULERS as Readonly<Record<string, SchedulerFactory>>;
  return {
    names: () => [...schedulerNames(), ...Object.keys(plugins)],
    factory: (name) => (Object.hasOwn(builtins, name) ? builtins[name] : plugins[name]?.factory),
    create(name, options) {
      const plugin = plugins[name];
      if (plugin !== undefined) return createPlugin(name, plugin.factory, plugin.file, options);
      if (!Object.hasOwn(builtins, name)) throw new SplitsimError(`unknown scheduler '${name}' (known: ${this.names().join(", ")})`);
      return builtins[name]!.create(options);
    },
  };
}

/** The built-in schedulers only (what a scenario without plug-ins runs with). */
export const BUILTIN_SCHEDULERS: SchedulerSource = schedulerSource();

/** A plug-in's create(), with what it throws or returns turned into an error naming the file. */
export function createPlugin(name: string, factory: SchedulerFactory, file: string, options: Record<string, unknown>): Scheduler {
  let s: unknown;
  try {
    s = factory.create(options);
  } catch (e) {
    if (isSplitsimError(e)) throw e;
    throw new SplitsimError(`${file}: create() of scheduler '${name}' threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const obj = s as Partial<Scheduler> | null;
  if (obj === null || typeof obj !== "object" || typeof obj.plan !== "function") {
    throw new SplitsimError(`${file}: create() of scheduler '${name}' must return an object with a plan(req, ctx) method`);
  }
  // The run knows it by the plug-in's name (its file name), whatever name the object gives itself.
  return obj as Scheduler;
}
