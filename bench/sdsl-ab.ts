// Issue 15, item 6: js-sdsl against splitsim's own queues, interleaved in one sitting.
//   npx tsx bench/sdsl-ab.ts [rounds=5] [--json file] [--only hold|fifo|pick]
// Every run is a fresh child (`node --import tsx bench/case.ts <case> <size>`), so one side's JIT
// feedback cannot help or hurt the other; within a round the sides of one workload and size run
// back to back, and the order rotates from round to round, so the VM's drift hits all sides alike.
// Prints, per workload and size, each side's median ops/s (min–max) and js-sdsl ÷ ours as the
// ratio of medians and the median of the per-round ratios (above 1: js-sdsl faster). A side whose
// checksum differs from ours in any round stops the run: the two did not do the same work.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { CaseResult } from "./lib/result.js";
import { sizeLabel as expLabel, spread } from "./lib/stats.js";

interface Group {
  workload: "hold" | "fifo" | "pick";
  size: number;
  /** Ours first; the ratio of every other side is taken against it. */
  sides: string[];
}

const HOLD = ["eventqueue", "pq", "pq-pooled"];
const FIFO = ["ringqueue", "deque"];
// The pick workload stops at 1e3: its removeAt is O(length) on both sides (a tail shift), and at
// 1e5 that shift alone would be the whole figure (and minutes per run).
const GROUPS: Group[] = [
  // 10 and 1e2 are the kernel's usual pending counts (the bench's scenarios average 2–103).
  ...[10, 1e2, 1e3, 1e5, 1e6].map((size) => ({ workload: "hold" as const, size, sides: HOLD })),
  ...[16, 1e3, 1e5].map((size) => ({ workload: "fifo" as const, size, sides: FIFO })),
  ...[16, 1e3].map((size) => ({ workload: "pick" as const, size, sides: FIFO })),
];

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CASE_SCRIPT = fileURLToPath(new URL("./case.ts", import.meta.url));

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && !["--json", "--only"].includes(args[i - 1] ?? "")) ?? 5);
const jsonOut = flag("--json");
const only = flag("--only");
const groups = GROUPS.filter((g) => only === undefined || g.workload === only);

function runChild(name: string, size: number): CaseResult {
  const p = spawnSync(process.execPath, ["--import", "tsx", CASE_SCRIPT, name, String(size)], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 << 20 });
  if (p.status !== 0) throw new Error(`${name} ${size} failed:\n${p.stderr}`);
  return JSON.parse(p.stdout.trim().split("\n").pop()!) as CaseResult;
}

/** 16 rather than 1.6e1: small lengths read better as they are. */
const sizeLabel = (n: number): string => (n < 1000 ? String(n) : expLabel(n));
const gkey = (g: Group): string => `${g.workload}@${g.size}`;
const rates = new Map<string, number[]>(); // `${group} ${side}` -> ops/s per round
const started = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const g of groups) {
    const order = g.sides.map((_, i) => g.sides[(i + r) % g.sides.length]!);
    const sums = new Map<string, number | undefined>();
    for (const side of order) {
      const res = runChild(`sdsl-${g.workload}-${side}`, g.size);
      const k = `${gkey(g)} ${side}`;
      rates.set(k, [...(rates.get(k) ?? []), res.events / res.seconds]);
      sums.set(side, res.extra?.["checksum"]);
      console.error(`[${r + 1}/${rounds}] ${g.workload} ${sizeLabel(g.size)} ${side}: ${(res.events / res.seconds / 1e6).toFixed(2)} M ops/s`);
    }
    const ours = sums.get(g.sides[0]!);
    for (const [side, sum] of sums) {
      if (ours === undefined || sum !== ours) throw new Error(`${g.workload} ${g.size}: ${side}'s checksum ${sum} differs from ${g.sides[0]}'s ${ours}`);
    }
  }
}

const M = (x: number): string => `${(x / 1e6).toFixed(2)} M/s`;
interface Row {
  workload: string;
  size: number;
  side: string;
  median: number;
  min: number;
  max: number;
  /** js-sdsl ÷ ours: ratio of medians, and the median of the per-round ratios. */
  ratio?: number;
  pairedRatio?: number;
}
const rows: Row[] = [];
for (const g of groups) {
  const base = rates.get(`${gkey(g)} ${g.sides[0]}`)!;
  for (const side of g.sides) {
    const xs = rates.get(`${gkey(g)} ${side}`)!;
    const s = spread(xs);
    const row: Row = { workload: g.workload, size: g.size, side, median: s.median, min: s.min, max: s.max };
    if (side !== g.sides[0]) {
      row.ratio = s.median / spread(base).median;
      row.pairedRatio = spread(xs.map((x, i) => x / base[i]!)).median;
    }
    rows.push(row);
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`js-sdsl vs splitsim, ${rounds} rounds, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpu}`);
console.log("workload  size  side         median ops/s  min – max                sdsl÷ours (medians)  (per-round median)");
for (const r of rows) {
  const ratio = r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`.padStart(19) + `${r.pairedRatio!.toFixed(2)}×`.padStart(20);
  console.log(
    `${r.workload.padEnd(8)}  ${sizeLabel(r.size).padEnd(4)}  ${r.side.padEnd(10)}  ${M(r.median).padStart(13)}  ${`${M(r.min)} – ${M(r.max)}`.padEnd(23)}  ${ratio}`,
  );
}
console.log(`total ${((performance.now() - started) / 1e3).toFixed(0)} s`);
if (jsonOut !== undefined) {
  writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu, cpus: cpus().length, rounds, rows, rates: Object.fromEntries(rates) }, null, 2) + "\n");
}
