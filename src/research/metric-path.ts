// A metric named by its dotted path into a RunReport ("latencyMs.p95", "resources.cloud.utilisation",
// "deadlineReliability.0.reliability"), and the list of paths that name a number, for error messages.

/** The finite number at `path` in `report`, or undefined when the path does not lead to one. */
export function metricValue(report: unknown, path: string): number | undefined {
  let v: unknown = report;
  for (const part of path.split(".")) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Every dotted path to a number in `report`, in the report's key order (array items by index). */
export function numericPaths(report: unknown, prefix = ""): string[] {
  if (typeof report === "number") return prefix === "" ? [] : [prefix];
  if (report === null || typeof report !== "object") return [];
  return Object.entries(report).flatMap(([k, v]) => numericPaths(v, prefix === "" ? k : `${prefix}.${k}`));
}
