// Validates a scenario section by section (and nodes, links and media entry by entry), so that one bad
// section does not hide the problems of the others: everything wrong is reported in one pass.
import type { z } from "zod";
import type { Problem } from "./problems.js";
import { Link, Medium, Node, ScenarioFile, type ScenarioFileParsed } from "./schema.js";
import { keysAt, suggestKey } from "./suggest.js";

export interface SectionParse {
  /** The file with every failed part replaced by its default (or left out). */
  file: ScenarioFileParsed;
  /** Names of nodes that exist but failed validation (links may still refer to them). */
  brokenNodes: Set<string>;
  /** Names of links that failed validation (a medium may be unused only in appearance). */
  brokenLinks: Set<string>;
  /** Names of media that failed validation (links may still name them). */
  brokenMedia: Set<string>;
  /** True when workload or sources failed, so source checks would only repeat the problem. */
  workloadBroken: boolean;
  /** True when the top-level model failed. */
  modelBroken: boolean;
}

type Shape = typeof ScenarioFile.shape;

export function parseSections(raw: unknown, problems: Problem[]): SectionParse | null {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path: [], message: "a scenario must be a mapping of keys (name, nodes, links, workload, ...)" });
    return null;
  }
  const obj = raw as Record<string, unknown>;
  const shape: Shape = ScenarioFile.shape;
  for (const key of Object.keys(obj)) {
    if (!(key in shape)) {
      const hint = suggestKey(key, keysAt([]));
      problems.push({ path: [key], message: `unknown key${hint ? ` (did you mean '${hint}'?)` : ""}` });
    }
  }
  const out: Record<string, unknown> = {};
  const failed = new Set<string>();
  const brokenNodes = new Set<string>();
  for (const key of Object.keys(shape) as Array<keyof Shape>) {
    if (key === "nodes" || key === "links" || key === "media") continue;
    const r = (shape[key] as z.ZodType).safeParse(obj[key], { reportInput: true });
    if (r.success) out[key] = r.data;
    else {
      failed.add(key);
      problems.push(...zodProblems(r.error, [key]));
      const fallback = (shape[key] as z.ZodType).safeParse(undefined);
      if (fallback.success) out[key] = fallback.data;
    }
  }
  out["nodes"] = entries(obj["nodes"], "nodes", Node, problems, brokenNodes, true);
  const brokenLinks = new Set<string>();
  const brokenMedia = new Set<string>();
  out["links"] = entries(obj["links"], "links", Link, problems, brokenLinks, false) ?? {};
  out["media"] = entries(obj["media"], "media", Medium, problems, brokenMedia, false);
  return {
    file: out as ScenarioFileParsed,
    brokenNodes,
    brokenLinks,
    brokenMedia,
    workloadBroken: failed.has("workload") || failed.has("sources"),
    modelBroken: failed.has("model"),
  };
}

/** Parses a record section entry by entry; failed entries are dropped (their names kept). */
function entries<T extends z.ZodType>(
  value: unknown, section: string, schema: T, problems: Problem[], broken: Set<string>, required: boolean,
): Record<string, z.output<T>> {
  if (value === undefined) {
    if (required) problems.push({ path: [section], message: "is required" });
    return {};
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    problems.push({ path: [section], message: `must be a mapping of ${section} by name` });
    return {};
  }
  const out: Record<string, z.output<T>> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const r = schema.safeParse(v, { reportInput: true });
    if (r.success) out[name] = r.data;
    else {
      broken.add(name);
      problems.push(...zodProblems(r.error, [section, name]));
    }
  }
  return out;
}

export function zodProblems(error: z.ZodError, prefix: Array<string | number>): Problem[] {
  return issueProblems(error.issues, prefix);
}

function issueProblems(issues: readonly z.core.$ZodIssue[], prefix: Array<string | number>): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== "symbol")];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const hint = suggestKey(key, keysAt(path));
        // The key exists, but for another `kind` of this object (cv is lognormal's, not none's).
        if (hint === key) out.push({ path: [...path, key], message: "not a key of this kind (other kinds take it: check kind)" });
        else out.push({ path: [...path, key], message: `unknown key${hint ? ` (did you mean '${hint}'?)` : ""}` });
      }
    } else if (issue.code === "invalid_type" && "input" in issue && issue.input === undefined) {
      out.push({ path, message: "is required" });
    } else if (issue.code === "invalid_union" && branchOfSameType(issue.errors) !== null) {
      // A value of the right type for one alternative (say, a trace object rather than a path)
      // gets that alternative's own problems, which say what to fix.
      out.push(...issueProblems(branchOfSameType(issue.errors)!, path));
    } else {
      out.push({ path, message: issue.message.replace(/^Invalid (input|option): /, "") });
    }
  }
  return out;
}

/**
 * The only union alternative the value was meant for, or null. An alternative that failed only at
 * the value itself on its type or literal (a string where an object was expected) was not meant.
 */
function branchOfSameType(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): readonly z.core.$ZodIssue[] | null {
  const meant = branches.filter((b) => !b.every((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value")));
  return meant.length === 1 ? meant[0]! : null;
}
