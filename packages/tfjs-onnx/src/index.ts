import { registerAllLayerConverters } from './layers/register-all.js';

registerAllLayerConverters();

export { convertLayersModel } from './convert/convert-layers-model.js';
export type { ConversionResult, ConvertOptions, ExportReport, IoSpec } from './convert/options.js';
export * from './zoo-layers/index.js';
export { UnsupportedLayersError, type LayerIssue } from './convert/errors.js';
export {
  registerLayerConverter,
  getLayerConverter,
  registeredLayerClasses,
  type LayerCall,
  type LayerConverter,
} from './convert/registry.js';
export { ConversionContext } from './convert/conversion-context.js';
export type { TensorRef, LayerOutput, LogicalShape } from './convert/tensor-ref.js';
export type { Perm } from './convert/layout.js';
export type { LayerConfig } from './convert/config.js';
export type { TfLayer } from './convert/tfjs-access.js';
export { registerAllLayerConverters } from './layers/register-all.js';
export { emitActivation, isSupportedActivation } from './layers/activation-functions.js';
export { attr } from './ir/attributes.js';
export type { InferredDim, TensorType } from './ir/types.js';
export { inferShapes, type ShapeInference } from './shape-inference/infer-shapes.js';
export { registerShapeInference, getShapeInference, shapeInferenceOpTypes } from './shape-inference/registry.js';
export { InferenceContext, type ShapeInferenceFn } from './shape-inference/inference-context.js';
export { ShapeError } from './shape-inference/dims.js';
export { decodeModelProto, encodeModelProto } from './onnx/onnx-proto.js';
export type {
  ModelProtoObject,
  GraphProtoObject,
  NodeProtoObject,
  TensorProtoObject,
  AttributeProtoObject,
  ValueInfoProtoObject,
} from './onnx/onnx-proto.js';
export { readTensorValues } from './onnx/tensor-bytes.js';
export { OnnxDataType } from './onnx/data-type.js';
export { DEFAULT_OPSET, MIN_OPSET, MAX_OPSET, PRODUCER_NAME, PRODUCER_VERSION } from './version.js';
export { OnnxGraph, type Value as OnnxValue, type BuildOptions as OnnxBuildOptions, type BuiltGraph } from './graph/onnx-graph.js';
