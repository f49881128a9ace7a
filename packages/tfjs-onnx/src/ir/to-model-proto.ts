import { OnnxAttributeType, OnnxDataType } from '../onnx/data-type.js';
import type {
  AttributeProtoObject,
  GraphProtoObject,
  ModelProtoObject,
  ValueInfoProtoObject,
} from '../onnx/onnx-proto.js';
import { toRawData } from '../onnx/tensor-bytes.js';
import type { Attribute, ElemType, InferredDim, IrGraph } from './types.js';

const elemTypeCode: Record<ElemType, number> = {
  float32: OnnxDataType.FLOAT,
  float16: OnnxDataType.FLOAT16,
  int32: OnnxDataType.INT32,
  int64: OnnxDataType.INT64,
};

/** Model-level fields written next to the graph. */
export interface ModelHeader {
  irVersion: number;
  opset: number;
  producerName: string;
  producerVersion: string;
  docString?: string;
  metadata?: Record<string, string>;
}

/** A typed value for `input`/`output`/`value_info`; a null shape or dim is written as unknown. */
export interface TypedValue {
  name: string;
  elemType: ElemType;
  shape: readonly InferredDim[] | null;
}

/**
 * Turns an IR graph into a ModelProto object ready for encoding. `valueInfo` (inferred types of
 * intermediate values) is written to the graph's `value_info`.
 */
export function toModelProto(graph: IrGraph, header: ModelHeader, valueInfo: readonly TypedValue[] = []): ModelProtoObject {
  const graphProto: GraphProtoObject = {
    name: graph.name,
    node: graph.nodes.map((node) => ({
      name: node.name,
      op_type: node.opType,
      input: node.inputs,
      output: node.outputs,
      attribute: Object.entries(node.attributes).map(([name, a]) => toAttributeProto(name, a)),
      ...(node.domain !== undefined ? { domain: node.domain } : {}),
    })),
    initializer: [...graph.initializers.values()].map((init) => ({
      name: init.name,
      dims: init.dims,
      data_type: elemTypeCode[init.elemType],
      raw_data: toRawData(init.data),
    })),
    input: graph.inputs.map(toValueInfo),
    output: graph.outputs.map(toValueInfo),
  };
  if (valueInfo.length > 0) graphProto.value_info = valueInfo.map(toValueInfo);
  const model: ModelProtoObject = {
    ir_version: header.irVersion,
    producer_name: header.producerName,
    producer_version: header.producerVersion,
    model_version: 1,
    graph: graphProto,
    opset_import: [{ domain: '', version: header.opset }],
  };
  if (header.docString) model.doc_string = header.docString;
  const metadata = Object.entries(header.metadata ?? {});
  if (metadata.length > 0) model.metadata_props = metadata.map(([key, value]) => ({ key, value }));
  return model;
}

function toValueInfo(info: TypedValue): ValueInfoProtoObject {
  const dim = (d: InferredDim): { dim_value?: number; dim_param?: string } =>
    typeof d === 'number' ? { dim_value: d } : d === null ? {} : { dim_param: d };
  return {
    name: info.name,
    type: {
      tensor_type: {
        elem_type: elemTypeCode[info.elemType],
        ...(info.shape ? { shape: { dim: info.shape.map(dim) } } : {}),
      },
    },
  };
}

function toAttributeProto(name: string, a: Attribute): AttributeProtoObject {
  switch (a.type) {
    case 'int':
      return { name, type: OnnxAttributeType.INT, i: a.value };
    case 'float':
      return { name, type: OnnxAttributeType.FLOAT, f: a.value };
    case 'string':
      return { name, type: OnnxAttributeType.STRING, s: new TextEncoder().encode(a.value) };
    case 'ints':
      return { name, type: OnnxAttributeType.INTS, ints: [...a.value] };
    case 'floats':
      return { name, type: OnnxAttributeType.FLOATS, floats: [...a.value] };
  }
}
