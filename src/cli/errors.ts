// Turns an error into one readable line block on stderr and an exit code: 2 for bad input
// (scenario, options, impossible runs), 1 for anything unexpected (a bug: stack with --debug).
import { isSplitsimError } from "../errors.js";

export function reportError(e: unknown, debug: boolean): number {
  const known = isSplitsimError(e);
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(known ? `splitsim: ${message}\n` : `splitsim: internal error: ${message}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  else if (!known) process.stderr.write("(run again with --debug for the stack trace)\n");
  return known ? 2 : 1;
}
