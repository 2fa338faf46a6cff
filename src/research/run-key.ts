// Run keys: a run's identity in results.jsonl. The key hashes the resolved scenario with the point
// applied, without what varies per run (seed, the scheduler list and instances, every scheduler's
// options and plug-ins, the scenario's folder), together with the run's scheduler instance, what it
// runs, its options, its plug-in file's hash and the seed. Paths inside are as the scenario spells
// them, so a checkout elsewhere (another cluster node) computes the same keys.
import { createHash } from "node:crypto";
import { canonicalJson } from "../scenario/hash.js";
import type { ResolvedScenario } from "../scenario/types.js";

/** The scheduler-list fields, present only with named instances (`{ name, use, options }`). */
type WithInstances = ResolvedScenario & { instances?: Record<string, string>; instanceOptionsAt?: unknown };

/** sha256 of the scenario part of every key of a point (hashed once per point, not per run). */
export function pointHash(s: ResolvedScenario): string {
  const { baseDir: _d, seed: _s, schedulers: _l, options: _o, plugins: _p, instances: _i, instanceOptionsAt: _a, ...rest } = s as WithInstances;
  return sha256(canonicalJson(rest));
}

/**
 * The run key: 16 hex digits of sha256(point hash, the instance's name, what it runs (a built-in or
 * a plug-in, with the plug-in file's hash), its options, the seed).
 */
export function runKey(point: string, s: ResolvedScenario, scheduler: string, seed: number): string {
  const uses = (s as WithInstances).instances?.[scheduler] ?? scheduler;
  const instance = { scheduler, uses, options: s.options[scheduler] ?? {}, plugin: s.plugins?.[uses] ?? null, seed };
  return sha256(`${point}\n${canonicalJson(instance)}`).slice(0, 16);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
