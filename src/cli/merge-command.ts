// `splitsim merge <dir...> --out dir`: shards (or any folders of one grid) into one sweep folder.
// Exit 0 when the merged grid is complete without failures, 1 when runs are missing or failed,
// 2 for bad input (different grids, a conflicting run, a corrupt line).
import type { ArgumentsCamelCase } from "yargs";
import type { MergeArgv } from "./merge-args.js";
import { mergeSweeps } from "../research/merge.js";
import { RESULTS } from "../research/sweep.js";


export function mergeCommand(a: ArgumentsCamelCase<MergeArgv>): number {
  const o = mergeSweeps(a.dirs.map(String), a.out, (m) => process.stderr.write(`splitsim: warning: ${m}\n`));
  const missing = o.runs - o.present;
  process.stderr.write(
    `splitsim merge: ${o.present} of ${o.runs} runs from ${a.dirs.length} folder${a.dirs.length === 1 ? "" : "s"}` +
      `${o.repeated > 0 ? ` (${o.repeated} repeated line${o.repeated === 1 ? "" : "s"} left out)` : ""}` +
      `${missing > 0 ? `; ${missing} missing (a shard not run or not finished)` : ""}; ${o.failed.length} failed; written to ${a.out}/${RESULTS}\n`,
  );
  return missing > 0 || o.failed.length > 0 ? 1 : 0;
}
