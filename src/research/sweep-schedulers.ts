// Which schedulers a sweep runs, as `splitsim run` chooses them: the scenario's list; or
// --scheduler with names of built-ins, plug-ins or the scenario's instances; or all (those the
// scenario gives every required option, the others named). Plug-in files on the command line
// replace the scenario's list, made relative to the scenario (where the loader and run keys see them).
import { isAbsolute, relative, resolve } from "node:path";
import { closestName } from "../closest-name.js";
import { SplitsimError } from "../errors.js";
import { allSkipReason } from "../scenario/all-schedulers.js";
import { isPluginRef } from "../scenario/resolve-schedulers.js";
import type { SchedulerSource } from "../scenario/scheduler-source.js";
import type { ResolvedScenario } from "../scenario/types.js";

/** The --set that --scheduler needs before the scenario loads (plug-in files only). */
export function schedulerSets(flag: string | undefined, cwd: string, scenarioDir: string): string[] {
  if (flag === undefined || !splitList(flag).some(isPluginRef)) return [];
  const entries = splitList(flag).map((n) => (isPluginRef(n) ? relative(scenarioDir, isAbsolute(n) ? n : resolve(cwd, n)).split("\\").join("/") : n));
  return [`schedulers=${JSON.stringify(entries)}`];
}

export interface Chosen {
  names: string[];
  /** Why each scheduler `all` left out was left out. */
  skipped: string[];
}

export function chooseSchedulers(flag: string | undefined, s: ResolvedScenario, source: SchedulerSource): Chosen {
  if (flag === undefined || splitList(flag).some(isPluginRef)) return { names: s.schedulers, skipped: [] };
  if (flag.trim() === "all") {
    const names: string[] = [];
    const skipped: string[] = [];
    for (const n of source.names()) {
      const why = allSkipReason(n, source.factory(n), s.options[n], s.sources, s.links);
      if (why === null) names.push(n);
      else skipped.push(`${n} (${why})`);
    }
    return { names, skipped };
  }
  const instances = (s as ResolvedScenario & { instances?: Record<string, string> }).instances ?? {};
  const names = splitList(flag);
  const unknown = names.filter((n) => source.factory(n) === undefined && instances[n] === undefined);
  if (unknown.length > 0 || names.length === 0) {
    const hint = unknown.length === 1 ? closestName(unknown[0]!, source.names()) : null;
    throw new SplitsimError(
      `--scheduler: unknown scheduler '${unknown.join(", ")}'${hint === null ? "" : ` (did you mean '${hint}'?)`} (known: ${[...source.names(), ...Object.keys(instances)].join(", ")}, or all, or a plug-in file)`,
    );
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new SplitsimError(`--scheduler: '${twice}' is listed twice`);
  return { names, skipped: [] };
}

/** Names from a comma-separated flag, given once or several times (yargs then passes a list). */
function splitList(flag: string | readonly string[]): string[] {
  return [flag].flat().flatMap((f) => String(f).split(",")).map((x) => x.trim()).filter((x) => x.length > 0);
}
