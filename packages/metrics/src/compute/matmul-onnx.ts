import { message, stringField, varintField } from './protobuf-bytes.js';

/**
 * The bytes of a one-node ONNX model, `c = MatMul(a, b)` with a `[n, d]`, b `[d, m]` (all dynamic),
 * float32, opset 17. Written by hand — about forty lines of protobuf — so this package needs neither
 * the converter nor protobufjs to run matrix products on onnxruntime.
 */
export function matmulModel(): Uint8Array {
  const tensorType = (dims: string[]) =>
    message(1, [...varintField(1, 1 /* FLOAT */), ...message(2, dims.flatMap((dim) => message(1, stringField(2, dim))))]);
  const valueInfo = (field: number, name: string, dims: string[]) => message(field, [...stringField(1, name), ...message(2, tensorType(dims))]);
  const node = message(1, [...stringField(1, 'a'), ...stringField(1, 'b'), ...stringField(2, 'c'), ...stringField(3, 'matmul'), ...stringField(4, 'MatMul')]);
  const graph = [
    ...node,
    ...stringField(2, 'genzoo-metrics-matmul'),
    ...valueInfo(11, 'a', ['n', 'd']),
    ...valueInfo(11, 'b', ['d', 'm']),
    ...valueInfo(12, 'c', ['n', 'm']),
  ];
  const model = [
    ...varintField(1, 8), // ir_version
    ...stringField(2, '@genzoo/metrics'), // producer_name
    ...message(7, graph),
    ...message(8, [...stringField(1, ''), ...varintField(2, 17)]), // opset_import: default domain, 17
  ];
  return Uint8Array.from(model);
}
