// One bench case in its own process, so JIT state does not leak between cases:
//   node --import tsx bench/case.ts <case> <size> [--quick]
// Prints the CaseResult as one JSON line on stdout (the last line; anything else goes to stderr).
import { runCase } from "./lib/cases.js";

const [name, sizeText, ...flags] = process.argv.slice(2);
if (name === undefined || sizeText === undefined) {
  console.error("usage: node --import tsx bench/case.ts <case> <size> [--quick]");
  process.exit(2);
}
const result = await runCase(name, Number(sizeText), { quick: flags.includes("--quick") });
process.stdout.write(JSON.stringify(result) + "\n");
