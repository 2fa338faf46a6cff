// A long run on a terminal shows a progress bar (done/total, requests/s, ETA) that moves while the
// run goes; piped, it stays quiet unless asked with --progress. The terminal is a pseudo-terminal
// from util-linux's `script`; without it the terminal case is skipped, saying so.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasScript) console.warn("progress.test: skipping the terminal case: util-linux `script` (a pseudo-terminal) is not installed");

const RUN = "node --import tsx src/cli/main.ts run scenarios/examples/mm1.yaml --scheduler device-only --set workload.requests=1000000";

describe("progress of a long run", () => {
  it.skipIf(!hasScript)("on a terminal, a 1e6-request run redraws a bar with percentages, req/s and an ETA", () => {
    const r = spawnSync("script", ["-qc", `${RUN} > /dev/null`, "/dev/null"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    const frames = r.stdout.split(/\r|\x1b\[1G/).filter((l) => l.includes("req/s"));
    const percents = frames.map((l) => Number(/(\d+)%/.exec(l)?.[1]));
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBe(100);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true); // it moved while the run went
    expect(frames.at(-1)).toMatch(/1000000\/1000000 requests \| [\d,]+ req\/s \| ETA/);
  });

  it("into a pipe, nothing unless --progress", () => {
    const quiet = spawnSync("sh", ["-c", `${RUN.replace("1000000", "60000")} 2>&1 >/dev/null`], { encoding: "utf8" });
    expect(quiet.stdout).not.toMatch(/req\/s/);
    const asked = spawnSync("sh", ["-c", `${RUN.replace("1000000", "60000")} --progress 2>&1 >/dev/null`], { encoding: "utf8" });
    expect(asked.stdout).toMatch(/100% \| 60000\/60000 requests/);
  });
});
