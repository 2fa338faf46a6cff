// The calibration set (docs/compute-model.md "Calibration set"): published latencies of zoo models on
// zoo devices, each tagged with its runtime, precision, batch and input size, and each naming its
// source. Only cited measurements; no row is tuned, estimated or read off a chart.
import type { Precision } from "./device-profile.js";
import type { RuntimeName } from "./runtime.js";
import type { ZooId } from "./zoo/index.js";

/** Where rows come from: one entry per independent publication (leave-one-source-out drops one). */
export interface CalibrationSource {
  id: string;
  /** Repository and path, or address, and what the rows are in it. */
  cite: string;
  /** What was measured, as the source states it (runtime, version, clocks, what the time covers). */
  setup: string;
}

export interface Measurement {
  /** Built-in device name. */
  device: string;
  runtime: RuntimeName;
  model: ZooId;
  /** Square input side the measurement used. */
  inputSize: number;
  precision: Precision;
  batch: number;
  /** Measured latency of the whole batch, ms (model time only). */
  ms: number;
  /** CalibrationSource id. */
  source: string;
}

export const SOURCES: Readonly<Record<string, CalibrationSource>> = {
  kentaroy47: {
    id: "kentaroy47",
    cite: "reference §4.3: github.com/kentaroy47/benchmark-FP32-FP16-INT8-with-TensorRT, README.md",
    setup: "torchvision models converted with torch2trt to TensorRT, batch 1, input 1×3×256×256; a 'PyTorch (no TRT)' " +
      "column on the Xavier; JetPack, TensorRT version, power mode and clocks not stated. 'Jetson Xavier' read as the AGX Xavier.",
  },
  torch2trt: {
    id: "torch2trt",
    cite: "github.com/NVIDIA-AI-IOT/torch2trt: benchmarks/JETSON_NANO.md @ 5eeddca7 and docs/benchmarks/jetson_xavier.md @ d1e7d4ce, " +
      "columns 'Latency (PyTorch)' and 'Latency (TensorRT)'",
    setup: "torchvision models, batch 1, 1×3×224×224, float16 (inputs cast to half, fp16_mode=True): the PyTorch column is eager fp16; " +
      "mean of 50 calls each followed by a synchronize, no host-device copies. JetPack, TensorRT version and power mode not stated. " +
      "'Jetson Xavier' read as the AGX Xavier.",
  },
  waggle: {
    id: "waggle",
    cite: "github.com/waggle-sensor/summer2021, Liu/torch2trt-results.md @ 0b0a26b1, 'torch2trt results on Jetson AGX' " +
      "(sub-tables 'Precision with FP16', 'Precision with INT8', 'FP32 to Precision with INT8')",
    setup: "torch2trt's benchmark (as torch2trt above) on a 'Jetson AGX' (2021: read as the AGX Xavier), batch 1, 224×224; " +
      "TensorRT fp16 engines; PyTorch eager in fp16 and, in the 'FP32 to Precision with INT8' sub-table, fp32.",
  },
  sandeepkumar: {
    id: "sandeepkumar",
    cite: "github.com/sandeepkumar-skb/pytorch_experiments, torchvision_exp/README.md @ efd7d007, 'Inference' table (NCHW rows)",
    setup: "Tesla V100-SXM2, torchvision ResNet-50, batch 1, 'Iteration Time(ms)'; PyTorch eager fp32 and fp16 (model.half), " +
      "TensorRT fp32 and fp16. Input size not stated: read as 224 [A]. The SXM2 card (15.7 TFLOPS fp32) runs 12 % faster clocks than the " +
      "PCIe card of the v100 profile.",
  },
  "paddle-trt": {
    id: "paddle-trt",
    cite: "github.com/NVIDIA/DeepLearningExamples, PaddlePaddle/Classification/RN50v1.5/README.md @ 38934f9f, " +
      "'Paddle-TRT' 'FP16 Inference Latency' on A100 80GB",
    setup: "ResNet-50 v1.5 (torchvision's layout), Paddle Inference with its TensorRT engine, fp16, 224×224, synthetic input, " +
      "'the benchmark does not include data preprocessing', average latency per batch. A100 80 GB (2,039 GB/s) where the a100 profile " +
      "is the 40 GB card (1,555 GB/s).",
  },
  ncnn: {
    id: "ncnn",
    cite: "github.com/Tencent/ncnn, benchmark/README.md @ 08c2dacb, 'Raspberry Pi 4 Model B Broadcom BCM2711B0, Cortex-A72 (ARMv8) (1.5GHz x 4)'",
    setup: "benchncnn 8 4 0: 4 threads, batch 1, forward only on random weights, avg of 8 loops; ncnn's own Caffe-derived graphs " +
      "(ResNet-50 is Kaiming He's v1, stride in the 1×1), 224×224, fp32 (A72 has no fp16 arithmetic).",
  },
  xnnpack: {
    id: "xnnpack",
    cite: "github.com/google/XNNPACK, README.md (Feb 2022 table), 'RPi 4 (BCM2711, ARM64)' column",
    setup: "end2end-bench --benchmark_min_time=5, multi-threaded, random weights and inputs, MobileNet v2 1.0 at 224×224, batch 1, " +
      "fp32 and per-channel int8; clock not stated.",
  },
  coremltools: {
    id: "coremltools",
    cite: "github.com/apple/coremltools, docs-guides/source/opt-quantization-perf.md @ 25562dd5",
    setup: "iPhone 14 Pro (A16), iOS 17, Core ML with compute units 'all' (Neural Engine), Xcode Performance tab median, torchvision " +
      "MobileNetV2 and ResNet-50 at 224×224, batch 1; Float16 and W8A8 (int8 weights and activations).",
  },
  "pytorch-rpi": {
    id: "pytorch-rpi",
    cite: "reference §4.4: github.com/pytorch/tutorials, intermediate_source/realtime_rpi.rst, 'Raspberry Pi 4 Benchmark Results'",
    setup: "Raspberry Pi 4 B 4 GB, PyTorch qnnpack, TorchScript, torchvision.models.quantization (int8), 4 threads, " +
      "224×224 camera frames for every model (Inception-v3 included), 'model ms/frame' (capture excluded).",
  },
};

const row = (source: string, device: string, runtime: RuntimeName, precision: Precision, inputSize: number) =>
  (model: ZooId, ms: number, batch = 1): Measurement => ({ device, runtime, model, inputSize, precision, batch, ms, source });

const nanoTrt32 = row("kentaroy47", "jetson-nano", "compiled", "fp32", 256);
const nanoTrt16 = row("kentaroy47", "jetson-nano", "compiled", "fp16", 256);
const xavTrt32 = row("kentaroy47", "jetson-agx-xavier", "compiled", "fp32", 256);
const xavTrt16 = row("kentaroy47", "jetson-agx-xavier", "compiled", "fp16", 256);
const xavTrt8 = row("kentaroy47", "jetson-agx-xavier", "compiled", "int8", 256);
// The "PyTorch (no TRT)" column: eager PyTorch on the same board, fp32 (the README converts from fp32 models).
const xavEager = row("kentaroy47", "jetson-agx-xavier", "eager", "fp32", 256);
const rpi = row("pytorch-rpi", "raspberry-pi-4", "mobile-cpu", "int8", 224);
const t2tNano = row("torch2trt", "jetson-nano", "compiled", "fp16", 224);
const t2tNanoEager = row("torch2trt", "jetson-nano", "eager", "fp16", 224);
const t2tXav = row("torch2trt", "jetson-agx-xavier", "compiled", "fp16", 224);
const t2tXavEager = row("torch2trt", "jetson-agx-xavier", "eager", "fp16", 224);
const wagTrt16 = row("waggle", "jetson-agx-xavier", "compiled", "fp16", 224);
const wagEager16 = row("waggle", "jetson-agx-xavier", "eager", "fp16", 224);
const wagEager32 = row("waggle", "jetson-agx-xavier", "eager", "fp32", 224);
const v100 = (runtime: RuntimeName, precision: Precision, ms: number): Measurement =>
  row("sandeepkumar", "v100", runtime, precision, 224)("resnet50", ms);
const a100Trt16 = row("paddle-trt", "a100", "compiled", "fp16", 224);
const ncnnPi = row("ncnn", "raspberry-pi-4", "mobile-cpu", "fp32", 224);
const xnnPi = (precision: Precision, ms: number): Measurement => row("xnnpack", "raspberry-pi-4", "mobile-cpu", precision, 224)("mobilenet-v2", ms);
const a16 = (precision: Precision) => row("coremltools", "phone-a16", "compiled", precision, 224);

/**
 * Every row whose model is in the zoo. Left out, with the reason (docs/compute-model.md lists them
 * all): the Pi tutorial's mobilenet_v3_large, resnext101_32x8d and shufflenet rows (not in the zoo);
 * ncnn's AlexNet and GoogLeNet (Caffe graphs: LRN, grouped convs, not the zoo's torchvision ones), its int8 rows
 * on this older build (its VGG-16 and GoogLeNet int8 are slower than fp32) and its 1.8 GHz board (not the
 * profile's clock); XNNPACK's 32-bit-OS column (the other rows are 64-bit);
 * waggle's int8 TensorRT rows: built without calibration data (the file's max errors reach 1e7), its AlexNet and
 * VGG-16 int8 engines run slower than its fp16 ones (3.14 against 1.91 ms, 7.76 against 8.16 ms but
 * with fp16 layers left in), so they do not time int8 kernels.
 */
export const CALIBRATION: readonly Measurement[] = [
  nanoTrt32("resnet18", 26), nanoTrt16("resnet18", 18), nanoTrt32("resnet34", 48), nanoTrt16("resnet34", 30),
  nanoTrt32("resnet50", 79), nanoTrt16("resnet50", 42),
  xavTrt32("resnet18", 3.86), xavTrt16("resnet18", 2.16), xavTrt8("resnet18", 1.73),
  xavTrt32("resnet34", 5.67), xavTrt16("resnet34", 3.38), xavTrt8("resnet34", 2.7),
  xavTrt32("resnet50", 9.89), xavTrt16("resnet50", 4.45), xavTrt8("resnet50", 3.91),
  xavEager("resnet18", 10.9), xavEager("resnet34", 12.4), xavEager("resnet50", 16.0),
  rpi("mobilenet-v2", 26.4), rpi("resnet18", 100.3), rpi("resnet50", 225.2), rpi("inception-v3", 195.5), rpi("googlenet", 132.0),
  // torch2trt: TensorRT and eager PyTorch, fp16, on the same boards.
  t2tNano("alexnet", 14.7), t2tNano("resnet18", 11.4), t2tNano("resnet34", 20.2), t2tNano("resnet50", 29.8), t2tNano("resnet101", 51.1),
  t2tNano("vgg16", 85.1),
  t2tNanoEager("alexnet", 22.1), t2tNanoEager("resnet18", 34.7), t2tNanoEager("resnet34", 64.8), t2tNanoEager("resnet50", 81.7),
  t2tNanoEager("resnet101", 141), t2tNanoEager("vgg16", 201),
  t2tXav("alexnet", 2.02), t2tXav("resnet18", 1.64), t2tXav("resnet34", 2.79), t2tXav("resnet50", 3.37), t2tXav("resnet101", 6.04),
  t2tXav("vgg16", 7.46), t2tXav("mobilenet-v2", 1.67),
  t2tXavEager("alexnet", 4.96), t2tXavEager("resnet18", 7.33), t2tXavEager("resnet34", 12.9), t2tXavEager("resnet50", 17.9),
  t2tXavEager("resnet101", 35.1), t2tXavEager("vgg16", 16.5), t2tXavEager("mobilenet-v2", 15.4),
  // waggle: the same benchmark on another AGX Xavier, with int8 engines and an fp32 eager baseline.
  wagTrt16("alexnet", 1.91), wagTrt16("resnet18", 2.22), wagTrt16("resnet34", 3), wagTrt16("resnet50", 3.56), wagTrt16("resnet101", 6.01),
  wagTrt16("vgg16", 8.16), wagTrt16("mobilenet-v2", 1.53),
  wagEager16("alexnet", 3.83), wagEager16("resnet18", 9.7), wagEager16("resnet34", 16.1), wagEager16("resnet50", 22.7),
  wagEager16("resnet101", 41.8), wagEager16("vgg16", 13.3), wagEager16("mobilenet-v2", 14.4),
  wagEager32("alexnet", 5.69), wagEager32("resnet18", 12.4), wagEager32("resnet34", 22.1), wagEager32("resnet50", 23),
  wagEager32("resnet101", 44), wagEager32("vgg16", 39.1), wagEager32("mobilenet-v2", 13.9),
  // sandeepkumar: one V100, ResNet-50, all four paths.
  v100("eager", "fp32", 10.42), v100("eager", "fp16", 13.43), v100("compiled", "fp32", 2.29), v100("compiled", "fp16", 1.09),
  // paddle-trt: A100 fp16 at batch 1 to 256 (ms per batch).
  a100Trt16("resnet50", 0.79, 1), a100Trt16("resnet50", 0.85, 2), a100Trt16("resnet50", 0.94, 4), a100Trt16("resnet50", 1.13, 8),
  a100Trt16("resnet50", 1.56, 16), a100Trt16("resnet50", 2.5, 32), a100Trt16("resnet50", 4.35, 64), a100Trt16("resnet50", 7.92, 128),
  a100Trt16("resnet50", 15.01, 256),
  // ncnn (fp32, 1.5 GHz board): the zoo's layouts of ncnn's ResNets, VGG-16 and MobileNetV2.
  ncnnPi("resnet18", 233.89), ncnnPi("resnet50", 486.97), ncnnPi("vgg16", 988.65), ncnnPi("mobilenet-v2", 75.84),
  // XNNPACK: MobileNetV2 on a 64-bit Pi 4 OS.
  xnnPi("fp32", 46), xnnPi("int8", 17),
  // Core ML on the A16's Neural Engine.
  a16("fp16")("mobilenet-v2", 0.48), a16("fp16")("resnet50", 1.52), a16("int8")("mobilenet-v2", 0.27), a16("int8")("resnet50", 0.94),
];
