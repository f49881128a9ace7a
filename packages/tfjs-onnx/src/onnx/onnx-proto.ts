import protobuf from 'protobufjs/light.js';
import { onnxProtoDescriptor } from './onnx-schema.js';

const root = protobuf.Root.fromJSON(onnxProtoDescriptor);
const ModelProto = root.lookupType('onnx.ModelProto');

/** A decoded onnx.TensorProto (snake_case, int64 as number). */
export interface TensorProtoObject {
  name?: string;
  dims?: number[];
  data_type?: number;
  raw_data?: Uint8Array;
  float_data?: number[];
  int32_data?: number[];
  int64_data?: number[];
}

/** A decoded onnx.AttributeProto. */
export interface AttributeProtoObject {
  name: string;
  type?: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  floats?: number[];
  ints?: number[];
}

/** A decoded onnx.NodeProto. */
export interface NodeProtoObject {
  name?: string;
  op_type: string;
  input?: string[];
  output?: string[];
  attribute?: AttributeProtoObject[];
  domain?: string;
}

/** A decoded onnx.ValueInfoProto (tensor types only). */
export interface ValueInfoProtoObject {
  name: string;
  type?: {
    tensor_type?: {
      elem_type?: number;
      shape?: { dim?: { dim_value?: number; dim_param?: string }[] };
    };
  };
}

/** A decoded onnx.GraphProto. */
export interface GraphProtoObject {
  name?: string;
  node?: NodeProtoObject[];
  initializer?: TensorProtoObject[];
  input?: ValueInfoProtoObject[];
  output?: ValueInfoProtoObject[];
  value_info?: ValueInfoProtoObject[];
  doc_string?: string;
}

/** A decoded onnx.ModelProto. */
export interface ModelProtoObject {
  ir_version?: number;
  producer_name?: string;
  producer_version?: string;
  domain?: string;
  model_version?: number;
  doc_string?: string;
  graph?: GraphProtoObject;
  opset_import?: { domain?: string; version?: number }[];
  metadata_props?: { key: string; value: string }[];
}

/** Serialises a ModelProto given as a plain object (field names as in onnx.proto). */
export function encodeModelProto(model: ModelProtoObject): Uint8Array {
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`cannot encode ONNX model: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** Parses ONNX model bytes into a plain object; throws a one-line error on corrupt input. */
export function decodeModelProto(bytes: Uint8Array): ModelProtoObject {
  let message: protobuf.Message;
  try {
    message = ModelProto.decode(bytes);
  } catch (error) {
    throw new Error(`not a valid ONNX model: ${(error as Error).message}`);
  }
  return ModelProto.toObject(message, { longs: Number, arrays: false, defaults: false }) as ModelProtoObject;
}
