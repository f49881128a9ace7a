/**
 * The subset of onnx.proto (proto2 syntax) that the converter writes and reads, as a
 * protobufjs JSON descriptor. Field numbers follow onnx.proto; names keep its snake_case.
 * Kept in code (not a .proto file) so the package needs no runtime file access.
 */

type FieldDescriptor = {
  type: string;
  id: number;
  rule?: 'repeated';
  options?: { packed: boolean };
};
type MessageDescriptor = { fields: Record<string, FieldDescriptor>; nested?: Record<string, MessageDescriptor> };

const field = (type: string, id: number): FieldDescriptor => ({ type, id });
const repeated = (type: string, id: number, packed = false): FieldDescriptor => ({
  type,
  id,
  rule: 'repeated',
  ...(packed ? { options: { packed: true } } : {}),
});

const messages: Record<string, MessageDescriptor> = {
  ModelProto: {
    fields: {
      ir_version: field('int64', 1),
      producer_name: field('string', 2),
      producer_version: field('string', 3),
      domain: field('string', 4),
      model_version: field('int64', 5),
      doc_string: field('string', 6),
      graph: field('GraphProto', 7),
      opset_import: repeated('OperatorSetIdProto', 8),
      metadata_props: repeated('StringStringEntryProto', 14),
    },
  },
  OperatorSetIdProto: {
    fields: { domain: field('string', 1), version: field('int64', 2) },
  },
  StringStringEntryProto: {
    fields: { key: field('string', 1), value: field('string', 2) },
  },
  GraphProto: {
    fields: {
      node: repeated('NodeProto', 1),
      name: field('string', 2),
      initializer: repeated('TensorProto', 5),
      doc_string: field('string', 10),
      input: repeated('ValueInfoProto', 11),
      output: repeated('ValueInfoProto', 12),
      value_info: repeated('ValueInfoProto', 13),
    },
  },
  NodeProto: {
    fields: {
      input: repeated('string', 1),
      output: repeated('string', 2),
      name: field('string', 3),
      op_type: field('string', 4),
      attribute: repeated('AttributeProto', 5),
      doc_string: field('string', 6),
      domain: field('string', 7),
    },
  },
  AttributeProto: {
    fields: {
      name: field('string', 1),
      f: field('float', 2),
      i: field('int64', 3),
      s: field('bytes', 4),
      t: field('TensorProto', 5),
      g: field('GraphProto', 6),
      floats: repeated('float', 7),
      ints: repeated('int64', 8),
      strings: repeated('bytes', 9),
      tensors: repeated('TensorProto', 10),
      graphs: repeated('GraphProto', 11),
      doc_string: field('string', 13),
      type: field('int32', 20),
      ref_attr_name: field('string', 21),
    },
  },
  TensorProto: {
    fields: {
      dims: repeated('int64', 1),
      data_type: field('int32', 2),
      float_data: repeated('float', 4, true),
      int32_data: repeated('int32', 5, true),
      string_data: repeated('bytes', 6),
      int64_data: repeated('int64', 7, true),
      name: field('string', 8),
      raw_data: field('bytes', 9),
      double_data: repeated('double', 10, true),
      uint64_data: repeated('uint64', 11, true),
      doc_string: field('string', 12),
    },
  },
  ValueInfoProto: {
    fields: { name: field('string', 1), type: field('TypeProto', 2), doc_string: field('string', 3) },
  },
  TypeProto: {
    fields: { tensor_type: field('Tensor', 1), denotation: field('string', 6) },
    nested: {
      Tensor: { fields: { elem_type: field('int32', 1), shape: field('TensorShapeProto', 2) } },
    },
  },
  TensorShapeProto: {
    fields: { dim: repeated('Dimension', 1) },
    nested: {
      Dimension: {
        fields: { dim_value: field('int64', 1), dim_param: field('string', 2), denotation: field('string', 3) },
      },
    },
  },
};

/** protobufjs JSON descriptor of the onnx package (proto2 semantics: only *_data fields are packed). */
export const onnxProtoDescriptor = { nested: { onnx: { nested: messages } } };
