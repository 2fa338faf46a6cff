// `npm run fuzz [-- count seed]`: the full fuzz run of the scenario loader and every trace reader
// (10 000 inputs each by default), with a summary; exit 1 and the offending inputs on any crash.
import { fuzzScenarios, fuzzTraces, type FuzzOutcome } from "../test/fuzz/fuzz-inputs.js";

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const started = performance.now();
const results: Record<string, FuzzOutcome> = { scenario: fuzzScenarios(count, seed), ...Object.fromEntries(Object.entries(fuzzTraces(count, seed)).map(([f, r]) => [`trace ${f}`, r])) };
let crashes = 0;
for (const [reader, r] of Object.entries(results)) {
  crashes += r.crashes.length;
  console.log(`${reader.padEnd(18)} ${r.inputs} inputs: ${r.accepted} accepted, ${r.refused} refused with a message, ${r.crashes.length} crashes`);
  for (const c of r.crashes.slice(0, 5)) console.log(`  ${c.error} (${c.ms.toFixed(0)} ms) on ${JSON.stringify(c.input.slice(0, 200))}`);
}
console.log(`seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(crashes === 0 ? 0 : 1);
