// Every file of shared/traces reproduces the README's table row (lines, duration to 0.1 s, mean,
// median, p5, p95 to 3 decimals) under the README's conventions; the expected values are parsed
// from the README itself. Without the shared folder: skipped locally, a failure under CI.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTrace, type TraceFormat } from "../../src/platform/bandwidth/formats/index.js";
import { inspectTrace } from "../../src/platform/bandwidth/trace-stats.js";
import { FOLDER_FORMAT, sharedFolder } from "./shared-traces.js";

const { root, present, inCi } = sharedFolder("traces", "README.md");

interface Row {
  folder: string;
  name: string;
  lines: number;
  cells: string[]; // duration, mean, median, p5, p95 as written
}

/** The per-file rows of each `## N. \`folder/\`` section's table (other tables have no 6 numbers). */
function readmeRows(text: string): Row[] {
  const rows: Row[] = [];
  let folder: string | null = null;
  for (const line of text.split("\n")) {
    const h = /^##\s/.test(line) ? /^## \d+\. `([^`]+)\/`/.exec(line) : undefined;
    if (h !== undefined) folder = h?.[1] ?? null;
    const m = /^\| `([^`]+)` \|(.*)\|\s*$/.exec(line);
    if (folder === null || m === null) continue;
    const cells = m[2]!.split("|").map((c) => c.trim());
    if (cells.length !== 6 || !cells.every((c) => /^\d+(\.\d+)?$/.test(c))) continue;
    rows.push({ folder, name: m[1]!, lines: Number(cells[0]), cells: cells.slice(1) });
  }
  return rows;
}

const rows = present ? readmeRows(readFileSync(`${root}README.md`, "utf8")) : [];
const label = present ? "shared/traces README statistics" : `shared/traces README statistics (skipped: ${root} not found)`;

describe.skipIf(!present && !inCi)(label, () => {
  it("the shared traces folder is present", () => {
    expect(present, `${root}README.md is missing`).toBe(true);
  });

  it("the README tables list 40 files in 6 folders", () => {
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.folder))).toEqual(new Set(Object.keys(FOLDER_FORMAT)));
  });

  for (const r of rows) {
    const path = `${r.folder}/${r.name}`;
    it(`${path} reproduces its README row`, () => {
      const s = inspectTrace(readFileSync(`${root}${path}`, "utf8"), path, FOLDER_FORMAT[r.folder]!);
      expect(s.lines).toBe(r.lines);
      expect([s.durationS.toFixed(1), s.meanMbps.toFixed(3), s.medianMbps.toFixed(3), s.p5Mbps.toFixed(3), s.p95Mbps.toFixed(3)]).toEqual(r.cells);
    });
  }

  for (const folder of Object.keys(FOLDER_FORMAT)) {
    it(`auto detects every ${folder}/ file as ${FOLDER_FORMAT[folder]}`, () => {
      const files = rows.filter((r) => r.folder === folder).map((r) => `${folder}/${r.name}`);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(readTrace(readFileSync(`${root}${f}`, "utf8"), f, "auto").format, f).toBe(FOLDER_FORMAT[folder]);
    });
  }
});
