// `splitsim models show` on a hand-made model with measured times, and on a built-in one.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("splitsim models show", () => {
  it("gives each layer's time and their sum as totalMs", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-model-"));
    const file = join(dir, "two.json");
    writeFileSync(file, JSON.stringify({
      name: "two", input: { shape: [3, 8, 8] },
      layers: [
        { name: "a", outputShape: [4, 8, 8], macs: 1000, timeMs: { "jetson-nano": 1.5 } },
        { name: "b", outputShape: [10], macs: 2000, timeMs: { "*": { "1": 2.5, "4": 6 } } },
      ],
    }));
    const one = JSON.parse(cli("models", "show", file, "--json").stdout) as { totalMs: number; layers: Array<{ timeMs: number; outputElements: number }> };
    expect(one.layers.map((l) => [l.timeMs, l.outputElements])).toEqual([[1.5, 256], [2.5, 10]]);
    expect(one.totalMs).toBe(4);
    // Batch 4: a has only a batch-1 time, scaled linearly (4 × 1.5); b has a measured batch-4 time.
    const four = JSON.parse(cli("models", "show", file, "--batch", "4", "--json").stdout) as { totalMs: number };
    expect(four.totalMs).toBe(12);
  });

  it("prints a built-in model layer by layer with its totals", () => {
    const r = cli("models", "show", "resnet50", "--device", "a100");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^resnet50 on a100 \(compiled\), fp32, batch 1: 4\.089 GMACs, 25\.56 M params, 56 kernels/);
    expect(r.stdout).toMatch(/\nlayer4\.2\.add\s+add/);
    // Under compiled each residual add runs in its conv's kernel: the kernels table says so.
    expect(r.stdout).toMatch(/\nkernels under compiled/);
    expect(r.stdout).toMatch(/layer4\.2\.conv3 \+ layer4\.2\.add/);
  });

  it("--runtime eager: one kernel per layer; a runtime the device lacks is an error naming the ones it has", () => {
    const eager = JSON.parse(cli("models", "show", "resnet50", "--device", "a100", "--runtime", "eager", "--json").stdout) as { kernelCount: number; runtime: string };
    expect(eager).toMatchObject({ kernelCount: 72, runtime: "eager" });
    const bad = cli("models", "show", "resnet50", "--device", "raspberry-pi-4", "--runtime", "compiled");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/device 'raspberry-pi-4' has no figures for runtime 'compiled' \(it runs: mobile-cpu/);
  });

  it("--threads n on a mobile-cpu device: every layer slower by the Amdahl factor; elsewhere or beyond the cores, exit 2", () => {
    type Shown = { totalMs: number; threads?: number };
    const all = JSON.parse(cli("models", "show", "resnet50", "--device", "raspberry-pi-4", "--json").stdout) as Shown;
    const one = JSON.parse(cli("models", "show", "resnet50", "--device", "raspberry-pi-4", "--threads", "1", "--json").stdout) as Shown;
    // 1 of 4 threads: 1 / (1 − 0.75 p) with p = 0.58988 (test/workload/cpu-threads.test.ts) = 1.79343.
    expect(one.threads).toBe(1);
    expect(one.totalMs / all.totalMs).toBeCloseTo(1.79343, 4);
    const gpu = cli("models", "show", "resnet50", "--device", "jetson-nano", "--threads", "2");
    expect([gpu.code, gpu.stderr]).toEqual([2, "splitsim: --threads: threads applies to the mobile-cpu runtime only (device 'jetson-nano' runs compiled here)\n"]);
    const many = cli("models", "show", "resnet50", "--device", "raspberry-pi-4", "--threads", "9");
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/--threads: must be a whole number from 1 to the device's 4 cores, got 9/);
  });

  it("names the devices it knows when given an unknown one", () => {
    const r = cli("models", "show", "resnet50", "--device", "toaster");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown device 'toaster' \(known: .*jetson-nano/);
  });
  it("lists a model's early exits and each conv's geometry", () => {
    type Shown = { accuracy: number; exits: Array<{ name: string; after: string; accuracy: number; headMacs: number }>; layers: Array<{ name: string; geometry?: object }> };
    const r = JSON.parse(cli("models", "show", "resnet50", "--json").stdout) as Shown;
    // BYOT Table 1 (docs/models.md): 68.23 % after the first stage, 80.56 % for the full model;
    // the head is avgpool + fc from 256 channels to 1000 classes: 256 · 1000 MACs.
    expect(r.accuracy).toBe(80.56);
    expect(r.exits[0]).toMatchObject({ name: "exit1", after: "layer1.2.add", accuracy: 68.23, headMacs: 256_000 });
    // torchvision's stem: a 7×7 conv, stride 2, padding 3.
    expect(r.layers[0]).toMatchObject({ name: "conv1", geometry: { kernel: [7, 7], stride: [2, 2], padding: [3, 3], dilation: [1, 1] } });
    const table = cli("models", "show", "resnet50").stdout;
    expect(table).toMatch(/^early exits \(the full model: 80\.56 % top-1\)$/m);
    expect(table).toMatch(/^exit1\s+layer1\.2\.add\s+68\.23\s+0\.26/m);
  });
});
