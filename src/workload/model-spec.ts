// ModelSpec: a layer DAG as plain data, after a model file has been read and normalised.
// Layers are listed in a topological order; `inputs` name earlier layers or the model input.

/** The name layers use to refer to the model's input tensor. */
export const INPUT = "input";

/** A [height, width] pair. */
export type HW = [number, number];

/**
 * Spatial geometry of a conv or pool layer, as PyTorch defines it, so a scheduler can map output
 * rows back to the input rows they read (receptive fields, halos of spatial slabs).
 * Output size per axis: floor((in + 2·padding + extraPadEnd − dilation·(kernel − 1) − 1) / stride) + 1
 * (ceil instead of floor with ceilMode, dropping a last window that starts in the end padding).
 */
export interface LayerGeometry {
  kernel: HW;
  stride: HW;
  /** Zero padding on each side (top = bottom, left = right). */
  padding: HW;
  dilation: HW;
  /** Conv channel groups (1 = dense, C = depthwise). Absent on pools. */
  groups?: number;
  /** PyTorch ceil_mode pooling. Absent means floor. */
  ceilMode?: boolean;
  /**
   * Extra zero rows at the bottom and columns at the right, beyond `padding`: darknet's maxpool
   * pads k − 1 in total, ⌊(k − 1)/2⌋ before and the rest after. Absent means none.
   */
  extraPadEnd?: HW;
  /**
   * AdaptiveAvgPool2d: window i spans [⌊i·in/out⌋, ⌈(i+1)·in/out⌉). kernel/stride are then the
   * fixed pool with those windows when out divides in, else one whose windows contain them
   * (layer-geometry.ts, adaptivePoolGeometry). Absent means a fixed-window layer.
   */
  adaptive?: boolean;
}

export interface LayerSpec {
  name: string;
  /** conv, fc, pool, add, concat, ... (informational; the compute model uses MACs and bytes). */
  kind: string;
  /** Names of earlier layers, or INPUT. */
  inputs: string[];
  /** Output shape without the batch dimension, or null when the file gave only bytes. */
  outputShape: number[] | null;
  /** Elements of the output tensor (product of outputShape, or outputBytes / 4). */
  outputElements: number;
  /** Multiply-accumulates, each counted once. */
  macs: number;
  /** FP32 weight bytes (parameters × 4). */
  weightBytes: number;
  /**
   * Measured times that override the compute model: device name (or "*" for any device) ->
   * batch size (as a string key) -> milliseconds for the whole batch. null when none given.
   */
  timeMs: Record<string, Record<string, number>> | null;
  /** Conv/pool geometry; absent (not null) on other layers and when a file does not give it. */
  geometry?: LayerGeometry;
}

/**
 * An early-exit branch (BranchyNet-style): a small head that reads the output of layer `after`
 * and classifies on its own. Its layers are not layers of the main model.
 */
export interface ExitSpec {
  name: string;
  /** The main-model layer whose output the head reads. */
  after: string;
  /** The head, in a topological order; inputs name `after` or earlier head layers. */
  layers: LayerSpec[];
  /** Top-1 accuracy of this exit, in percent. */
  accuracy: number;
}

export interface ModelSpec {
  name: string;
  input: { shape: number[]; elements: number };
  layers: LayerSpec[];
  /** Early exits in the order of their `after` layers; absent (not []) when the model has none. */
  exits?: ExitSpec[];
  /** Top-1 accuracy of the final exit (the last layer), in percent; absent when unknown. */
  accuracy?: number;
}
