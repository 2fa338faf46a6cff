// DADS's light-load partition (Hu et al., INFOCOM 2019, DSL): the device/cloud split of a layer DAG
// minimising T_e + T_t + T_c as a minimum s–t cut, with reverse ∞ edges so the device side is
// predecessor-closed (the published graph lacks them). Each sent tensor is charged once.
import { RAW_INPUT, type Model } from "../../workload/model.js";
import { maxFlow, type FlowEdge, type FlowNetwork } from "./max-flow.js";

/** Per-layer times in one unit (ns in the simulator). Infinity pins: see dadsCut. */
export interface DadsTimes {
  /** t^e_v: layer v on the end device. */
  readonly device: ArrayLike<number>;
  /** t^c_v: layer v on the cloud. */
  readonly cloud: ArrayLike<number>;
  /** t^t_v: sending layer v's output once, whatever the number of cloud layers that read it. */
  readonly transfer: ArrayLike<number>;
  /** t^t of the raw input: what "cut at the input" (cloud-only) sends. */
  readonly inputTransfer: number;
}

export interface DadsCut {
  /** upstream[v] = 1 iff layer v runs on the device; predecessor-closed. */
  readonly upstream: Uint8Array;
  /** Tensors sent, as Model.boundaryOf gives them (−1 = raw input, else the producing layer). */
  readonly boundary: Int32Array;
  /** The minimum cut's capacity (the max-flow value) = T_e + T_t + T_c of `upstream`. */
  readonly value: number;
  /** T_e = Σ t^e over device layers. */
  readonly deviceTime: number;
  /** T_t = Σ t^t over boundary tensors. */
  readonly transferTime: number;
  /** T_c = Σ t^c over cloud layers. */
  readonly cloudTime: number;
}

/** The DSL graph of a model, with the vertex numbering needed to read a cut back. */
export interface DadsGraph extends FlowNetwork {
  readonly source: number;
  readonly sink: number;
  /** Vertex of the raw input; layer v is vertex v. */
  readonly input: number;
}

/**
 * Vertices: layers 0..L−1, then the raw input, source e, sink c, and one auxiliary vertex per
 * tensor read by more than one layer. Edges (a cut edge runs from e's side to c's):
 *   e → v (t^c_v): cut iff v is in the cloud;   v → c (t^e_v): cut iff v is on the device;
 *   e → input (∞): the raw input is at the device;
 *   u → w (t^t_u) per data dependency, or u → u′ (t^t_u) and u′ → w (∞) when u has several
 *   readers: u′ must join the cloud side as soon as one reader does, so u is charged once;
 *   w → u (∞) per dependency: a device layer's producers are on the device (closure).
 * A tensor without readers (the model's result) has no edge and is never charged: results go
 * back to the origin separately, as in DADS and Model.boundaryOf, so the caller adds any
 * download cost.
 */
export function dadsGraph(model: Model, times: DadsTimes): DadsGraph {
  const L = model.layerCount;
  for (const [what, xs] of [["device", times.device], ["cloud", times.cloud], ["transfer", times.transfer]] as const) {
    if (xs.length !== L) throw new RangeError(`dads cut: ${what} times for ${xs.length} layers, model ${model.name} has ${L}`);
    for (let v = 0; v < L; v++) if (!(xs[v]! >= 0)) throw new RangeError(`dads cut: ${what}[${v}] = ${xs[v]} is not a time ≥ 0`);
  }
  if (!(times.inputTransfer >= 0)) throw new RangeError(`dads cut: inputTransfer = ${times.inputTransfer} is not a time ≥ 0`);
  const input = L;
  const source = L + 1;
  const sink = L + 2;
  let vertexCount = L + 3;
  const edges: FlowEdge[] = [];
  const edge = (from: number, to: number, capacity: number): void => {
    edges.push({ from, to, capacity });
  };
  edge(source, input, Infinity);
  for (let v = 0; v < L; v++) {
    edge(source, v, times.cloud[v]!);
    edge(v, sink, times.device[v]!);
  }
  const tensor = (producer: number, readers: ArrayLike<number>, transfer: number): void => {
    let from = producer;
    if (readers.length > 1) {
      from = vertexCount++;
      edge(producer, from, transfer);
    }
    for (let k = 0; k < readers.length; k++) {
      edge(from, readers[k]!, readers.length > 1 ? Infinity : transfer);
      edge(readers[k]!, producer, Infinity);
    }
  };
  tensor(input, model.inputConsumers, times.inputTransfer);
  for (let u = 0; u < L; u++) tensor(u, model.consumers[u]!, times.transfer[u]!);
  return { vertexCount, edges, source, sink, input };
}

/**
 * The DSL partition: a minimum cut of dadsGraph. Among equally cheap partitions it returns the
 * one with the fewest device layers (the minimal source side; see maxFlow). Pin a layer to the
 * cloud with device[v] = Infinity, to the device with cloud[v] = Infinity; if no partition has a
 * finite cost this throws. DSH (heavy load) can reuse it on scaled times and re-score the cut.
 */
export function dadsCut(model: Model, times: DadsTimes): DadsCut {
  const g = dadsGraph(model, times);
  const { value, sourceSide } = maxFlow(g, g.source, g.sink);
  if (value === Infinity) throw new RangeError(`dads cut: model ${model.name} has no partition of finite cost with these times`);
  const L = model.layerCount;
  const upstream = sourceSide.slice(0, L);
  const boundary = model.boundaryOf(upstream);
  let deviceTime = 0;
  let cloudTime = 0;
  let transferTime = 0;
  for (let v = 0; v < L; v++) {
    if (upstream[v]) deviceTime += times.device[v]!;
    else cloudTime += times.cloud[v]!;
  }
  for (const t of boundary) transferTime += t === RAW_INPUT ? times.inputTransfer : times.transfer[t]!;
  return { upstream, boundary, value, deviceTime, transferTime, cloudTime };
}

