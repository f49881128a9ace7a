/** Written to ModelProto.producer_name. */
export const PRODUCER_NAME = 'genzoo-tfjs-onnx';
/** Default ModelProto.producer_version (the package version). */
export const PRODUCER_VERSION = '0.1.0';

/** Lowest and highest ai.onnx opset the converter can target. */
export const MIN_OPSET = 13;
export const MAX_OPSET = 21;
/** Default opset: supported by onnxruntime-node and onnxruntime-web 1.30. */
export const DEFAULT_OPSET = 17;

/** The ONNX IR version that goes with an opset (ONNX release table). */
export function irVersionForOpset(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}
