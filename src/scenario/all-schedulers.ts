// What `schedulers: all` and `--scheduler all` leave out, and why: a scheduler missing a required
// option, or one whose own check says the scenario's sources lack what it needs with the options
// given (a request rate, say, when every source is a batch). One rule for the file, `run` and `sweep`.
import type { SchedulerFactory } from "../schedulers/scheduler.js";
import type { ResolvedSource } from "../workload/source-spec.js";
import { meanRate } from "../workload/source-rate.js";

/** Why `all` skips `name`, or null when it can run. `links` tells which nodes can send work on. */
export function allSkipReason(
  name: string, factory: SchedulerFactory | undefined, options: Readonly<Record<string, unknown>> | undefined,
  sources: readonly ResolvedSource[], links: readonly { from: string; to: string }[],
): string | null {
  if (factory === undefined) return null;
  const missing = (factory.requiredOptions ?? []).filter((o) => options?.[o] === undefined);
  if (missing.length > 0) return `it needs ${missing.map((o) => `options.${name}.${o}`).join(", ")}`;
  const facts = sources.map((s) => ({
    kind: s.arrivals.kind,
    ratePerSec: meanRate(s),
    hasContent: s.content !== undefined,
    canOffload: links.some((l) => l.from === s.at),
    partners: links.filter((l) => l.from === s.at && links.some((b) => b.from === l.to && b.to === s.at)).length,
  }));
  return factory.unmetNeed?.(options ?? {}, facts) ?? null;
}
