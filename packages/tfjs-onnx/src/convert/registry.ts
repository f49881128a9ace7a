import type { LayerConfig } from './config.js';
import type { ConversionContext } from './conversion-context.js';
import type { LayerOutput, LogicalShape, TensorRef } from './tensor-ref.js';
import type { TfLayer } from './tfjs-access.js';

/** One application of a layer, as handed to its converter. */
export interface LayerCall {
  layer: TfLayer;
  config: LayerConfig;
  inputs: TensorRef[];
  /** tfjs output shapes of this call (batch dim null). */
  outputShapes: LogicalShape[];
  /** Prefix for names of emitted nodes and constants. */
  name: string;
}

/** Converts one tfjs layer class to ONNX nodes. */
export interface LayerConverter {
  /**
   * Lists options of this layer the converter cannot reproduce (empty when convertible).
   * Called for every layer before any conversion so all problems are reported together.
   */
  check?(config: LayerConfig, layer: TfLayer, opset: number): string[];
  /** Emits nodes for one call and returns one output per tfjs output. */
  convert(ctx: ConversionContext, call: LayerCall): LayerOutput[];
}

const converters = new Map<string, LayerConverter>();

/** Registers (or replaces) the converter for a tfjs layer `className`. */
export function registerLayerConverter(className: string, converter: LayerConverter): void {
  converters.set(className, converter);
}

/** The converter registered for a tfjs layer `className`, if any. */
export function getLayerConverter(className: string): LayerConverter | undefined {
  return converters.get(className);
}

/** Every tfjs layer class name with a registered converter, sorted. */
export function registeredLayerClasses(): string[] {
  return [...converters.keys()].sort();
}
