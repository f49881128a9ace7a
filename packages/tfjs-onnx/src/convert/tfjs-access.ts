/**
 * Duck-typed views of the tfjs-layers objects the converter reads. Kept structural so models
 * built with any copy of tfjs-layers work (no instanceof, no runtime import of tfjs).
 */

/** A tfjs SymbolicTensor. */
export interface TfSymbolicTensor {
  id: number;
  name: string;
  shape: (number | null)[];
  dtype: string;
  sourceLayer: TfLayer;
  nodeIndex: number;
  tensorIndex: number;
}

/** A tfjs layer call (Node). */
export interface TfNode {
  inputTensors: TfSymbolicTensor[];
  outputTensors: TfSymbolicTensor[];
}

/** A tfjs LayerVariable. */
export interface TfVariable {
  name: string;
  shape: number[];
  read(): { dataSync(): ArrayLike<number>; dtype: string };
}

/** A tfjs Layer. */
export interface TfLayer {
  name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  inboundNodes: TfNode[];
}

/** A tfjs LayersModel (Sequential or functional), also usable as a layer. */
export interface TfContainer extends TfLayer {
  layers: TfLayer[];
  inputs: TfSymbolicTensor[];
  outputs: TfSymbolicTensor[];
}

/** True when a layer is itself a model whose layers should be inlined. */
export function isContainer(layer: TfLayer): layer is TfContainer {
  const c = layer as Partial<TfContainer>;
  return Array.isArray(c.layers) && Array.isArray(c.inputs) && Array.isArray(c.outputs);
}

/** Weight values read from a layer field such as `kernel` or `movingMean`. */
export interface WeightValues {
  data: Float32Array;
  shape: number[];
}

/** Reads a weight variable stored on a layer field; null when the layer has none (e.g. useBias false). */
export function readLayerWeight(layer: TfLayer, field: string): WeightValues | null {
  const variable = (layer as unknown as Record<string, unknown>)[field] as TfVariable | null | undefined;
  if (variable == null) return null;
  if (typeof variable.read !== 'function') {
    throw new Error(`layer '${layer.name}' (${layer.getClassName()}): field '${field}' is not a weight`);
  }
  return { data: Float32Array.from(variable.read().dataSync()), shape: [...variable.shape] };
}
