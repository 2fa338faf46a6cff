// `splitsim plot -o fig.png`: the figure rendered without a browser (resvg), at the asked resolution
// (3.5 × 2.5 in at 300 dpi = 1050 × 750 px), with its text drawn (the machine has a font for it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { seedLines, writeResults } from "../research/compare-fixture.js";

const X = "workload.arrivals.ratePerSec";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stderr: r.stderr };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("plot as PNG", () => {
  it("writes 1050 × 750 px for the default 3.5 × 2.5 in at 300 dpi, and 2 × that at 600", () => {
    const results = writeResults([...seedLines("a", [1, 2, 3], { [X]: 5 }), ...seedLines("a", [2, 3, 4], { [X]: 10 })]);
    const dir = mkdtempSync(join(tmpdir(), "splitsim-png-"));
    expect(cli("plot", results, "--x", X, "--y", "latencyMs.p95", "-o", join(dir, "f.png")).code).toBe(0);
    expect(pngSize(readFileSync(join(dir, "f.png")))).toEqual([1050, 750]);
    expect(cli("plot", results, "--x", X, "--y", "latencyMs.p95", "-o", join(dir, "g.png"), "--dpi", "600").code).toBe(0);
    expect(pngSize(readFileSync(join(dir, "g.png")))).toEqual([2100, 1500]);
    const bad = cli("plot", results, "--x", X, "--y", "latencyMs.p95", "-o", join(dir, "h.png"), "--dpi", "5");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--dpi 5: give a resolution between 50 and 1200");
  });

  it("draws text: a label alone inks pixels (a font was found)", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40" viewBox="0 0 100 40"><text x="5" y="30" font-family="Helvetica, Arial, sans-serif" font-size="24">p95</text></svg>`;
    const img = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" } }).render();
    let inked = 0;
    for (let i = 3; i < img.pixels.length; i += 4) if (img.pixels[i]! > 0) inked++;
    expect(inked).toBeGreaterThan(50);
  });
});
