// Every bad input a first hour turned up, and more: each exits 2 with one message naming the
// problem (and the file or flag), never a stack trace, an internal error, a crash or a hang.
// Files are made in a temporary folder; each case runs the real CLI.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "splitsim-bad-"));
const file = (name: string, text: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const Q = "scenarios/quickstart.yaml";
const SMALL = ["--set", "workload.requests=20", "--set", "workload.warmupRequests=0"];

const deep = file("deep.yaml", "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
const bomb = file("bomb.yaml", ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => {
  const [me, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
  return `${me}: &${me} [${Array(9).fill(`*${prev}`).join(", ")}]`;
})].join("\n") + "\n");
// Random-looking bytes from a fixed generator (no Math.random in tests either).
const bytes = Buffer.alloc(1 << 20);
for (let i = 0, x = 7; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
const binary = file("photo.yaml", bytes);
const nanTrace = file("nan.csv", "t_s,mbps\n0,5\n1,NaN\n2,3\n3,4\n");
const folder = join(dir, "a-folder");
mkdirSync(folder);
const noLinkTrace = file("traced.yaml", `name: t
model: alexnet
nodes: { cam: { device: jetson-nano }, edge: { device: a100 } }
links: { up: { from: cam, to: edge, trace: missing-trace.csv } }
workload: { arrivals: { kind: periodic, fps: 5 }, requests: 10 }
`);
const closed = file("closed.yaml", `name: c
model: resnet18
nodes: { cam: { device: raspberry-pi-4 }, edge: { device: t4 } }
links: { up: { from: cam, to: edge, bandwidthMbps: 10 } }
workload: { arrivals: { kind: closed, k: 1 }, requests: 5 }
schedulers: [dads]
`);

/** [what, arguments, what the message must say]. */
const CASES: Array<[string, string[], RegExp]> = [
  ["a missing scenario file", ["run", join(dir, "nope.yaml")], /nope\.yaml: .*file not found/s],
  ["a folder given as the scenario", ["run", folder], /a-folder: .*not a file/s],
  ["YAML nested 100 000 deep", ["run", deep], /deep\.yaml.*nested more than 256 levels/s],
  ["a YAML alias bomb", ["run", bomb], /bomb\.yaml.*alias bomb/s],
  ["a binary file as the scenario", ["run", binary], /photo\.yaml.*not a text file/s],
  // About 100 GB whatever the machine (8 B of latency a request); 1e9 needs ~10 GB, which a large machine has free.
  ["1e10 requests (refused before allocating)", ["run", Q, "--set", "workload.requests=10000000000", "--set", "workload.arrivals.ratePerSec=1000000"], /10000000000 requests need about \d+ MB/],
  ["1e9 requests beyond --max-memory", ["run", Q, "--set", "workload.requests=1000000000", "--set", "workload.arrivals.ratePerSec=1000000", "--max-memory", "4000"], /1000000000 requests need about \d+ MB and --max-memory is 4000 MB/],
  ["arrivals 1e-12 per second (times beyond exact ns)", ["run", Q, ...SMALL, "--set", "workload.arrivals.ratePerSec=1e-12"], /ratePerSec: .*simulated time/],
  ["arrivals under 1 ns apart", ["run", Q, ...SMALL, "--set", "workload.arrivals.ratePerSec=1e12"], /ratePerSec: .*under 1 ns apart/],
  ["--out that is a file", ["run", Q, ...SMALL, "--out", "/etc/passwd"], /--out: '\/etc\/passwd' exists and is not a folder/],
  ["--out in /proc", ["run", Q, ...SMALL, "--out", "/proc/x"], /--out: '\/proc\/x' is in \/proc, a system folder/],
  ["--max-memory 0", ["run", Q, ...SMALL, "--max-memory", "0"], /--max-memory: give a number of MB > 0/],
  ["an unknown scheduler", ["run", Q, ...SMALL, "--scheduler", "neurosurgeom"], /unknown scheduler 'neurosurgeom' \(did you mean 'neurosurgeon'\?\)/],
  ["a scheduler listed twice", ["run", Q, ...SMALL, "--scheduler", "device-only,device-only"], /'device-only' is listed twice/],
  ["a scheduler listed twice in the file", ["run", Q, ...SMALL, "--set", "schedulers=[cloud-only, cloud-only]"], /schedulers\.1: 'cloud-only' is listed twice/],
  ["an option typo", ["run", Q, ...SMALL, "--set", "options.neurosurgeon.objectve=latency"], /objectve: unknown option \(did you mean 'objective'\?\)/],
  ["an unknown key", ["run", Q, ...SMALL, "--set", "workload.arival=3"], /workload\.arival: unknown key \(did you mean 'arrivals'\?\)/],
  ["a malformed --set", ["run", Q, ...SMALL, "--set", "no-equals-sign"], /--set: 'no-equals-sign' is not of the form path=value/],
  ["a negative latency", ["run", Q, ...SMALL, "--set", "links.up.latencyMs=-1"], /links\.up\.latencyMs: must be >= 0/],
  ["a link to no node", ["run", Q, ...SMALL, "--set", "links.up.to=nowhere"], /links\.up\.to: no node named 'nowhere'/],
  ["a --seed that is not whole", ["run", Q, ...SMALL, "--seed", "1.5"], /--seed: give a whole number >= 0/],
  ["an unknown --format", ["run", Q, ...SMALL, "--format", "xml"], /format.*Choices/s],
  ["a missing trace file in a scenario", ["run", noLinkTrace], /missing-trace\.csv/],
  ["dads with no rate on a closed source", ["run", closed], /closed\.yaml: running dads: options\.dads\.ratePerSec: mode auto needs the sampling rate/],
  ["trace generate for 1e9 s", ["trace", "generate", "constant", "--mbps", "5", "--duration-s", "1e9"], /--duration-s: must be at most/],
  ["trace generate for 0 s", ["trace", "generate", "constant", "--mbps", "5", "--duration-s", "0"], /--duration-s: must be > 0 s/],
  ["trace generate with too many segments", ["trace", "generate", "gilbert-elliott", "--good-mbps", "5", "--bad-mbps", "1", "--mean-good-s", "0.001", "--mean-bad-s", "0.001", "--duration-s", "1000000"], /segments/],
  ["trace inspect on a folder", ["trace", "inspect", folder], /a-folder: not a file/],
  ["a trace with one NaN rate", ["trace", "inspect", nanTrace], /nan\.csv:3: '1,NaN' is not two numbers/],
  ["a binary file as a trace", ["trace", "inspect", binary], /photo\.yaml: not a text file/],
  ["models show of an unknown model", ["models", "show", "resnet19"], /'resnet19' is neither a built-in model/],
  ["no command", [], /name a command/],
];

describe("bad input: exit 2, a message naming the problem, no stack trace", () => {
  it("has at least 25 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(25));
  for (const [what, args, message] of CASES) {
    it.concurrent(what, async () => {
      const r = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { timeout: 20_000, maxBuffer: 1 << 24 })
        .then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string; killed?: boolean }) => ({ code: e.killed ? -1 : e.code, stderr: e.stderr }));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|Maximum call stack/);
    });
  }
});
