/** Written to ModelProto.producer_name. */
export const PRODUCER_NAME = 'genzoo-tfjs-onnx';
/** Default ModelProto.producer_version (the package version). */
export const PRODUCER_VERSION = '0.1.0';

/** Lowest and highest ai.onnx opset the converter can target. */
export const MIN_OPSET = 13;
export const MAX_OPSET = 21;
/**
 * Default opset: the newest the converter targets. onnxruntime-node 1.30 and onnxruntime-web 1.30 (WASM and
 * WebGPU) run it with no CPU fallback and the same parity as at 13–20 (docs/layers.md, "Opsets").
 */
export const DEFAULT_OPSET = 21;

/** The ONNX IR version that goes with an opset (ONNX release table). */
export function irVersionForOpset(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}
