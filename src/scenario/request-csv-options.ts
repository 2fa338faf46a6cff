// requests.csv's columns for one scheduler of a scenario, as `splitsim run --out` writes them and
// the golden set hashes them: content labels when a source has them, the warm-up count for the
// `warmup` flag, and the scheduler's own outcome columns.
import type { RequestCsvOptions } from "../metrics/csv.js";
import type { SchedulerSource } from "./scheduler-source.js";
import type { ResolvedScenario } from "./types.js";

export function requestCsvOptions(s: ResolvedScenario, source: SchedulerSource, name: string): RequestCsvOptions {
  const o: RequestCsvOptions = { warmupRequests: s.warmupRequests };
  if (s.sources.some((src) => src.content !== undefined)) o.contentLabels = s.sources.map((src) => src.content?.labels ?? null);
  const columns = source.factory(s.instances?.[name] ?? name)?.requestColumns;
  if (columns !== undefined && columns.length > 0) o.outcomeColumns = columns.map((c) => c.name);
  return o;
}
