// Where the time goes in one bench case: runs it under `node --cpu-prof` in a child process and
// prints the functions with the most self time (V8 sampling profile, 1 ms default interval).
//   npx tsx bench/profile.ts <case> <size> [top=15]
// The .cpuprofile file is written to the OS temp directory (outside the repo); open it in Chrome
// DevTools > Performance for the call tree.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const [name, sizeText, topText] = process.argv.slice(2);
if (name === undefined || sizeText === undefined) {
  console.error("usage: npx tsx bench/profile.ts <case> <size> [top]");
  process.exit(2);
}
const dir = join(tmpdir(), "splitsim-profiles");
mkdirSync(dir, { recursive: true });
const before = new Set(readdirSync(dir));
const p = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "tsx", "bench/case.ts", name, sizeText], {
  cwd: ROOT,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (p.status !== 0) process.exit(p.status ?? 1);
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && !before.has(f));
if (file === undefined) throw new Error("no profile written");
const prof = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;

// Self time per node = the time deltas of the samples that landed in it; summed per function
// and per file. Line numbers are left out: under tsx they point into the transpiled code.
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
const bump = (m: Map<string, number>, k: string, dt: number): void => void m.set(k, (m.get(k) ?? 0) + dt);
let total = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  const f = byId.get(id)?.callFrame;
  if (f === undefined) return;
  const path = f.url.startsWith("file:") ? relative(ROOT, fileURLToPath(f.url)) : f.url;
  const file = path === "" ? f.functionName : path.startsWith("node:") ? "node internals" : path.includes("node_modules") ? "node_modules" : path;
  bump(byFunction, `${f.functionName || "(anonymous)"}${path === "" ? "" : `  ${path}`}`, dt);
  bump(byFile, file, dt);
  total += dt;
});
const top = Number(topText ?? 15);
const print = (title: string, m: Map<string, number>): void => {
  console.log(`${"self %".padStart(7)}  ${"self ms".padStart(8)}  ${title}`);
  for (const [label, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(6)}%  ${(us / 1e3).toFixed(0).padStart(8)}  ${label}`);
  }
};
console.log(`${name} ${sizeText}: ${(total / 1e6).toFixed(2)} s sampled (whole process), profile ${join(dir, file)}`);
print("function", byFunction);
console.log();
print("file", byFile);
