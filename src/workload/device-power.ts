// Board power of the built-in devices, W, for the energy figures (docs/energy.md): idle and busy per
// precision. Tags as in device-profiles.ts ([V] read in the source, [S] secondary, [U] commonly quoted
// but no primary page read, [A] our rule). Every figure is the whole board or card, at the wall or
// at the module's input rail, so the energy of a node is what a power meter on it would add up.
import type { DevicePower, Precision } from "./device-profile.js";

/**
 * Busy power is the same for every precision (no source measures one device's board power per
 * precision under a DNN load): the board runs at its power-mode cap or TDP whichever path computes,
 * so a faster precision costs less energy through a shorter busy time, not a lower power. [A]
 */
const same = (w: number): DevicePower["busyW"] => ({ fp32: w, fp16: w, int8: w });

/**
 * [A] Idle / busy of an accelerator board with no idle measurement: 1/8, the median of the measured
 * ratios below (Nano 0.10, AGX Xavier 0.11, AGX Orin 0.17, T4 0.14, V100 0.14, A100 0.125, H100 0.10).
 */
export const ACCELERATOR_IDLE_SHARE = 0.125;

// tegrastats idle samples (GR3D_FREQ 0 %), from DataDog/datadog-agent
// pkg/collector/corechecks/nvidia/jetson/jetson_test.go [S]. On Xavier and Orin the module's power is
// the sum of its rails (rbonghi/jetson_stats#51, quoting NVIDIA's forum); on the Nano it is POM_5V_IN.
const AGX_XAVIER_IDLE_W = (0 + 311 + 932 + 0 + 621 + 1482) / 1000; // GPU + CPU + SOC + CV + VDDRQ + SYS5V, mW
const AGX_ORIN_IDLE_W = (4940 + 988 + 4442) / 1000; // VDD_GPU_SOC + VDD_CPU_CV + VIN_SYS_5V0, mW (64 GB module)

export const DEVICE_POWER: Readonly<Record<string, DevicePower>> = {
  "raspberry-pi-4": {
    // [S] pidramble.com "Power Consumption Benchmarks" (J. Geerling), Pi 4 B headless, read in a mirrored
    // copy: idle 540 mA and `stress --cpu 4` 1280 mA at 5 V. The same author's HPL run on a CM4 at
    // 1.5 GHz drew 5.2 W (geerlingguy/top500-benchmark README [V]), consistent with the stress figure.
    idleW: 2.7,
    busyW: same(6.4),
  },
  "raspberry-pi-5": {
    // [S] idle ≈ 0.65 A at 5 V on a USB tester (iiab/iiab#4050, "Rpi Power Anecdotes").
    idleW: 3.25,
    // [V] HPL on all four cores at 2.4 GHz: 11 W at the wall (geerlingguy/top500-benchmark README).
    busyW: same(11),
  },
  "phone-a16": {
    // [S] "TDP 8 W", a third-party estimate (topcpu.net A16 vs A13 page, reference §3.2's source);
    // Apple publishes no power figure. An upper bound for a Neural Engine workload.
    busyW: same(8),
    idleW: 8 * ACCELERATOR_IDLE_SHARE, // [A] no measurement: the accelerator rule above
  },
  "jetson-nano": {
    idleW: 1.022, // [S] POM_5V_IN 1022 mW in the tegrastats idle sample above (nanoSample)
    // [U] NVIDIA's 10 W power mode (MAXN; the other is 5 W), the mode of the calibration runs
    // (jetson_benchmarks: --power_mode 0 [V]).
    busyW: same(10),
  },
  "jetson-xavier-nx": {
    busyW: same(15), // [U] NVIDIA's 15 W power mode (10 W and 15 W at launch, 20 W modes later)
    // [A] No idle sample: the AGX Xavier's idle share of its budget (same Volta SoC family).
    idleW: 15 * (AGX_XAVIER_IDLE_W / 30),
  },
  "jetson-agx-xavier": {
    idleW: AGX_XAVIER_IDLE_W, // [S] 3.346 W, the tegrastats idle sample above (agXSample)
    busyW: same(30), // [U] NVIDIA's 30 W power mode, the largest named one (10/15/30 W)
  },
  "jetson-agx-orin": {
    idleW: AGX_ORIN_IDLE_W, // [S] 10.37 W, the tegrastats idle sample above (orinSample, 64 GB, 12 cores)
    busyW: same(60), // [S] MAXN, "15–60 W" (blog.us.fixstars.com, reference §3.3)
  },
  // Datacenter GPUs: busy = TDP (reference §3.4 [S]); idle = nvidia-smi readings at 0 % utilisation with
  // no process, printed in public repositories' docs (read through this project's code search) [S].
  t4: { idleW: 10, busyW: same(70) }, // idle 9–10 W in state P8 (several readings)
  v100: { idleW: 35, busyW: same(250) }, // V100-PCIE-16GB idle 34–38 W in P0
  a100: { idleW: 50, busyW: same(400) }, // A100-SXM4-40GB idle 46–51 W in P0
  h100: { idleW: 70, busyW: same(700) }, // H100 80GB HBM3 (SXM) idle 68–73 W in P0
};

/** A built-in device's power figures (a fresh copy), or undefined. */
export function builtinPower(name: string): DevicePower | undefined {
  const p = Object.hasOwn(DEVICE_POWER, name) ? DEVICE_POWER[name] : undefined;
  return p === undefined ? undefined : { idleW: p.idleW, busyW: { ...p.busyW } };
}

/** The busy power of a device with `power` at `precision`, W. */
export function busyPowerW(power: DevicePower, precision: Precision): number {
  return power.busyW[precision];
}
