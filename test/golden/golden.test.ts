// The golden set: every case under test/golden (each example and paper scenario, and variants:
// other seeds, shared links, other grid points) re-run, and each scheduler's report and
// requests.csv compared with the stored results, as `splitsim regress` does. A change that moves a
// number fails here naming the field; when it is meant, run `splitsim regress --update` (or
// `npm run sim -- regress --update`) and say why in the commit.
import { describe, expect, it } from "vitest";
import { findCases, readCase, regressCase } from "../../src/research/golden.js";
import { formatChanges } from "../../src/research/json-diff.js";

describe("golden results are unchanged", () => {
  for (const file of findCases("test/golden")) {
    const c = readCase(file);
    it(c.label, async () => {
      const o = await regressCase(c, false);
      const moved = o.changes.map((ch) => `${ch.scheduler}:\n${formatChanges(ch.fields, "    ")}`).join("\n");
      expect(o.status, `${c.label} moved (splitsim regress --update if meant):\n${moved}`).toBe("same");
    });
  }
});
