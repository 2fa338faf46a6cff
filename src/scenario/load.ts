// Loading a scenario: the only file I/O of a run. Parses YAML (JSON is YAML) keeping positions,
// applies --set overrides, validates with zod and resolves references; every problem is reported
// at once with its dotted path and line, and a run never starts on an invalid file.
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, resolve as resolvePath } from "node:path";
import { isMap, LineCounter, parseDocument, type Document } from "yaml";
import { dotted, ScenarioError, type LocatedProblem, type Problem, type Reader } from "./problems.js";
import { resolveScenario } from "./resolve.js";
import { applySets, parseSet } from "./overrides.js";
import { parseSections } from "./parse-sections.js";
import type { ResolvedScenario } from "./types.js";

export { ScenarioError } from "./problems.js";

export interface LoadOptions {
  sets?: readonly string[];
  /** Overrides the scenario's seed (the CLI's --seed). */
  seed?: number;
}

/** The parser's own words, or plain ones where they would puzzle (stack overflows, alias bombs). */
function yamlMessage(m: string): string {
  if (m.includes("Maximum call stack")) return "YAML: nested too deeply to read (a scenario is a few levels deep)";
  if (m.includes("alias count")) return "YAML: aliases expand to far more than the file holds (an alias bomb?); write the values out";
  return `YAML: ${m}`;
}

/** Far beyond any scenario, far below where the parser's recursion would run out of stack. */
const MAX_DEPTH = 256;

/**
 * Offset where [ and { brackets (outside quotes) first nest deeper than `max`, or −1: checked
 * before parsing, because the parser would take a second to overflow its stack on such a file.
 */
function flowDepthExceeded(text: string, max: number): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== "") {
      if (c === quote) quote = "";
      else if (c === "\n") quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") {
      if (++depth > max) return i;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return -1;
}

/** A missing file's message with where it was looked for: paths resolve against the scenario's folder, not where the command runs. */
function whereLooked(message: string, baseDir: string): string {
  return message.replace(/file not found: (\S+)/, (m, rel: string) => (rel.startsWith("/") ? m : `${m} (looked for ${resolvePath(baseDir, rel)}: paths resolve against the scenario's folder)`));
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function loadScenario(file: string, opts: LoadOptions = {}): ResolvedScenario {
  const kind = fileKind(file);
  if (kind !== "file") throw new ScenarioError(file, [{ path: "", line: null, message: kind === "missing" ? "file not found" : "not a file" }]);
  return resolveScenarioText(readFileSync(file, "utf8"), file, opts);
}

export function resolveScenarioText(text: string, file: string, opts: LoadOptions = {}): ResolvedScenario {
  // Binary content would give hundreds of YAML errors about nothing: say what it is instead.
  const control = text.search(/[\u0000-\u0008\u000e-\u001f]/);
  if (control >= 0) {
    throw new ScenarioError(file, [{ path: "", line: lineAt(text, control), message: `not a text file (a control character at byte ${control}): a scenario is YAML or JSON text` }]);
  }
  const deepAt = flowDepthExceeded(text, MAX_DEPTH);
  if (deepAt >= 0) {
    throw new ScenarioError(file, [{ path: "", line: lineAt(text, deepAt), message: `YAML: nested more than ${MAX_DEPTH} levels deep (a scenario is a few levels deep)` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const located: LocatedProblem[] = doc.errors.map((e) => ({
    path: "",
    line: e.linePos?.[0]?.line ?? null,
    message: yamlMessage(e.message.split("\n")[0]!),
  }));
  if (located.length > 0) throw new ScenarioError(file, located);

  const problems: Problem[] = [];
  let raw: unknown;
  try {
    // The yaml package refuses alias expansions far beyond the document's size (an alias bomb).
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new ScenarioError(file, [{ path: "", line: null, message: yamlMessage((e as Error).message) }]);
  }
  raw = applySets(raw, opts.sets ?? [], problems);
  if (opts.seed !== undefined) raw = { ...(raw as object), seed: opts.seed };
  const parsed = parseSections(raw, problems);

  const baseDir = dirname(resolvePath(file));
  let scenario: ResolvedScenario | null = null;
  if (parsed !== null) {
    const read: Reader = (rel) => {
      const p = resolvePath(baseDir, rel);
      return fileKind(p) === "file" ? readFileSync(p, "utf8") : null;
    };
    scenario = resolveScenario(parsed, { name: basename(file, extname(file)), baseDir }, read, problems);
  }
  if (problems.length > 0 || scenario === null) {
    const fromSet = setPaths(opts);
    const located = problems.map((p): LocatedProblem => {
      // A value that came from --set is not the one on its line in the file: point at no line.
      if (p.path[0] === "--set") return { path: "--set", line: null, message: p.message };
      if (fromSet.some((s) => isPrefix(s, p.path))) {
        return { path: dotted(p.path), line: null, message: `${whereLooked(p.message, baseDir)} (set by --set)` };
      }
      return { path: dotted(p.path), line: lineOf(doc, lines, p.path), message: whereLooked(p.message, baseDir) };
    });
    // In file order; problems without a line (from --set) come last, in the order found.
    located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    throw new ScenarioError(file, located);
  }
  return scenario;
}

function fileKind(path: string): "file" | "missing" | "other" {
  const st = statSync(path, { throwIfNoEntry: false });
  return st === undefined ? "missing" : st.isFile() ? "file" : "other";
}

/** Paths whose values came from the command line (--set, --seed) rather than the file. */
function setPaths(opts: LoadOptions): string[][] {
  const out: string[][] = [];
  for (const s of opts.sets ?? []) {
    const parsed = parseSet(s);
    if (parsed !== null) out.push(parsed.path);
  }
  if (opts.seed !== undefined) out.push(["seed"]);
  return out;
}

function isPrefix(prefix: readonly string[], path: ReadonlyArray<string | number>): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => k === String(path[i]));
}

/** The line of the deepest node along `path` that exists in the document (1-based), or null. */
function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<string | number>): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range !== undefined) {
      // For a value in a map, prefer the line of its key (a block value may start lines later).
      const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : null;
      if (isMap(parent)) {
        const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === path[n - 1]);
        const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (keyRange) return lines.linePos(keyRange[0]).line;
      }
      return lines.linePos(range[0]).line;
    }
  }
  return null;
}
