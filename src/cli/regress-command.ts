// `splitsim regress [dir] [--update]`: re-runs every golden case under dir (default test/golden)
// and compares each scheduler's report and requests.csv with the stored results. One line per
// case as it finishes; a moved field is printed with its old and new value. Exit 1 when anything
// moved or is missing (2 stays for bad input), 0 when all match or --update recorded them.
import { findCases, readCase, regressCase, storePath, type CaseOutcome } from "../research/golden.js";
import { formatChanges } from "../research/json-diff.js";

/** Fields printed per scheduler: the first ones (summary figures come first in a report) tell the story. */
const SHOWN = 15;

export interface RegressArgs {
  dir: string;
  update: boolean;
}

export async function regressCommand(args: RegressArgs): Promise<number> {
  const cases = findCases(args.dir).map(readCase);
  let failing = 0;
  for (const c of cases) {
    const o = await regressCase(c, args.update);
    process.stdout.write(describe(o) + "\n");
    if (o.status === "changed" || o.status === "missing") failing++;
  }
  const summary = failing === 0
    ? `regress: ${cases.length} case${cases.length === 1 ? "" : "s"}, ${args.update ? "all recorded" : "all unchanged"}`
    : `regress: ${failing} of ${cases.length} cases moved or have no stored results; if the change is meant, run splitsim regress --update and say why in the commit`;
  process.stdout.write(summary + "\n");
  return failing === 0 ? 0 : 1;
}

function describe(o: CaseOutcome): string {
  const head = `${o.case.label} (${o.case.file})`;
  if (o.status === "same") return `${head}: unchanged`;
  if (o.status === "missing") return `${head}: no stored results (${storePath(o.case)}); record them with --update`;
  const lines = [`${head}: ${o.status === "updated" ? "recorded" : "CHANGED"}`];
  for (const { scheduler, fields } of o.changes) {
    const whole = fields.length === 1 && fields[0]!.path === "";
    if (whole && fields[0]!.old === undefined) lines.push(`  ${scheduler}: new scheduler`);
    else if (whole && fields[0]!.new === undefined) lines.push(`  ${scheduler}: no longer run`);
    else {
      lines.push(`  ${scheduler}:`, formatChanges(fields.slice(0, SHOWN), "    "));
      if (fields.length > SHOWN) lines.push(`    … and ${fields.length - SHOWN} more fields (the stored file is ${storePath(o.case)})`);
    }
  }
  return lines.join("\n");
}
