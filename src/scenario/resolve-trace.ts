// Resolves a link's (or a shared medium's) `trace`: reads the file (relative to the scenario) in
// its format, or builds a synthetic trace, then applies `scale` and `minMbps`. The data is loaded
// here, once, so a run never touches the disk; problems name the link and, for files, the file and line.
import { readTrace, TraceFormatError } from "../platform/bandwidth/formats/index.js";
import { synthesize, syntheticProblems } from "../platform/bandwidth/synthetic.js";
import { scaleTrace, type TraceData } from "../platform/bandwidth/trace-data.js";
import type { Problem, Reader } from "./problems.js";
import type { ScenarioFileParsed } from "./schema.js";
import type { ResolvedTrace } from "./types.js";

/** The fields of a link, or of a medium (section "media"), that describe its trace. */
type TraceFields = Pick<ScenarioFileParsed["links"][string], "trace" | "format" | "binMs" | "column" | "scale" | "offsetS" | "minMbps" | "loop">;

export function resolveTrace(
  name: string, l: TraceFields, seed: number, read: Reader, problems: Problem[], section: "links" | "media" = "links",
): ResolvedTrace | null {
  const at = [section, name, "trace"];
  const spec = l.trace!;
  let data: TraceData;
  let format: string;
  let source: string;
  if (typeof spec === "string") {
    const text = read(spec);
    if (text === null) {
      problems.push({ path: at, message: `file not found: ${spec}` });
      return null;
    }
    try {
      const r = readTrace(text, spec, l.format ?? "auto", { ...(l.binMs === undefined ? {} : { binMs: l.binMs }), ...(l.column === undefined ? {} : { column: l.column }) });
      data = r.trace;
      format = r.format;
    } catch (e) {
      if (!(e instanceof TraceFormatError)) throw e;
      problems.push({ path: at, message: e.message });
      return null;
    }
    source = spec;
  } else {
    if (l.format !== undefined || l.binMs !== undefined || l.column !== undefined) {
      problems.push({ path: [section, name, "format"], message: "format, binMs and column apply to trace files only" });
    }
    // Seeded kinds draw from the scenario's seed unless the trace names its own.
    const full = spec.kind === "gilbert-elliott" || spec.kind === "rayleigh" ? { ...spec, seed: spec.seed ?? seed } : spec;
    const bad = syntheticProblems(full);
    if (bad.length > 0) {
      for (const [field, message] of bad) problems.push({ path: [...at, field], message });
      return null;
    }
    data = synthesize(full);
    format = "synthetic";
    source = `synthetic:${spec.kind}`;
  }
  const loop = l.loop ?? true;
  const offset = l.offsetS ?? 0;
  if (!loop && typeof offset === "number" && offset * 1e9 >= data.durationNs) {
    problems.push({ path: [section, name, "offsetS"], message: `is past the end of a trace that does not loop (${data.durationNs / 1e9} s)` });
  }
  const scaled = scaleTrace(data, l.scale ?? 1, (l.minMbps ?? 0) * 1e6);
  if (!scaled.bps.some((b) => b > 0)) problems.push({ path: at, message: "the trace carries no bandwidth at all" });
  return { kind: "trace", source, format, data: { startsNs: scaled.startsNs, bps: scaled.bps, durationNs: data.durationNs, periodNs: data.periodNs }, offsetS: offset, loop };
}
