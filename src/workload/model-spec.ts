// ModelSpec: a layer DAG as plain data, after a model file has been read and normalised.
// Layers are listed in a topological order; `inputs` name earlier layers or the model input.

/** The name layers use to refer to the model's input tensor. */
export const INPUT = "input";

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
}

export interface ModelSpec {
  name: string;
  input: { shape: number[]; elements: number };
  layers: LayerSpec[];
}
