// Problems found in a scenario, and the error that lists them all at once.
import { SplitsimError } from "../errors.js";

export interface Problem {
  path: Array<string | number>;
  message: string;
}

/** Reads a file relative to the scenario; null when it does not exist. */
export type Reader = (relativePath: string) => string | null;

export interface LocatedProblem {
  /** Dotted path in the scenario ("links.up.to"), or "--set" / "" for the file itself. */
  path: string;
  /** 1-based line in the scenario file, or null (values from --set, or not locatable). */
  line: number | null;
  message: string;
}

/** Problems printed in full; the rest are counted. */
const SHOWN = 20;

export class ScenarioError extends SplitsimError {
  override readonly name = "ScenarioError";
  constructor(
    readonly file: string,
    readonly problems: readonly LocatedProblem[],
  ) {
    // The first SHOWN problems, then a count: a broken file should not flood the terminal.
    const shown = problems.slice(0, SHOWN).map((p) => `  ${file}${p.line === null ? "" : `:${p.line}`}: ${p.path ? `${p.path}: ` : ""}${p.message}`);
    if (problems.length > SHOWN) shown.push(`  … and ${problems.length - SHOWN} more`);
    super(`${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` + shown.join("\n"));
  }
}

/** "a.b.0.c" from a path. */
export function dotted(path: ReadonlyArray<string | number | symbol>): string {
  return path.map(String).join(".");
}
