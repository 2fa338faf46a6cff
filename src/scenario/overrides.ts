// `--set path=value` overrides, applied to the parsed file before validation with the same
// dotted paths (`workload.arrivals.fps=10`, `sources.0.requests=5`). Values are read as YAML
// flow scalars, so `10` is a number, `true` a boolean and `[a, b]` a list. A null value (`path=`,
// `path=null` or `path=~`) removes the key: no scenario field takes null, and a grid sometimes has
// to drop one (`workload.model=null` with `workload.models=...`).
import { parse } from "yaml";
import type { Problem } from "./problems.js";

/** One `path=value`, or null when it is not of that form (no `=`, an empty path or segment). */
export function parseSet(set: string): { path: string[]; value: unknown } | null {
  const eq = set.indexOf("=");
  if (eq < 0) return null;
  const path = set.slice(0, eq).trim().split(".");
  if (path.some((k) => k === "")) return null;
  const text = set.slice(eq + 1);
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    value = text; // not valid YAML (e.g. an unbalanced bracket): take it as the string it is
  }
  return { path, value };
}

export function applySets(raw: unknown, sets: readonly string[], problems: Problem[]): unknown {
  let root = raw;
  for (const set of sets) {
    const parsed = parseSet(set);
    if (parsed === null) problems.push({ path: ["--set"], message: `'${set}' is not of the form path=value` });
    else root = setIn(replacedSource(root, parsed.path, parsed.value), parsed.path, parsed.value);
  }
  return root;
}

/** A link's (or a medium's) bandwidth comes from exactly one of these; the rest are options of a trace. */
const SOURCES = ["bandwidthMbps", "bandwidthProfile", "trace"];
const TRACE_ONLY = ["format", "binMs", "column", "scale", "minMbps", "offsetS", "loop"];

/**
 * Setting a link's (or a medium's) bandwidth source replaces the one the file gave, with its trace
 * options (so `--set links.up.bandwidthMbps=10` switches a traced link to a constant rate): `root` without them.
 */
function replacedSource(root: unknown, path: readonly string[], value: unknown): unknown {
  const section = path[0];
  if (path.length !== 3 || (section !== "links" && section !== "media") || !SOURCES.includes(path[2]!) || value === null) return root;
  const link = (root as Record<string, Record<string, Record<string, unknown>> | undefined> | null)?.[section]?.[path[1]!];
  if (link === undefined || link === null || typeof link !== "object") return root;
  const drop = new Set([...SOURCES.filter((k) => k !== path[2]), ...(path[2] === "trace" ? [] : TRACE_ONLY.filter((k) => k !== "loop" || path[2] !== "bandwidthProfile"))]);
  const kept = Object.fromEntries(Object.entries(link).filter(([k]) => !drop.has(k)));
  const r = root as Record<string, Record<string, unknown>>;
  return { ...r, [section]: { ...r[section], [path[1]!]: kept } };
}

/** Returns `obj` with `value` at `keys`, creating objects (or arrays for numeric keys) on the way. */
function setIn(obj: unknown, keys: readonly string[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [head, ...rest] = keys as [string, ...string[]];
  const index = /^\d+$/.test(head) ? Number(head) : null;
  if (Array.isArray(obj) && index !== null) {
    const copy = [...obj];
    copy[index] = setIn(copy[index], rest, value);
    return copy;
  }
  const base = obj !== null && typeof obj === "object" && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
  if (rest.length === 0 && value === null) {
    const { [head]: _removed, ...kept } = base;
    return kept;
  }
  return { ...base, [head]: setIn(base[head], rest, value) };
}
