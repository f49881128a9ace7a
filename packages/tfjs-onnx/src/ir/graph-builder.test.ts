import { describe, expect, it } from 'vitest';
import { decodeModelProto, encodeModelProto, readTensorValues } from '../index.js';
import { float16BitsToNumber, numberToFloat16Bits } from '../onnx/tensor-bytes.js';
import { attr } from './attributes.js';
import { GraphBuilder } from './graph-builder.js';
import { toModelProto } from './to-model-proto.js';
import { topoSort } from './topo-sort.js';
import { validateGraph } from './validate.js';

const header = { irVersion: 8, opset: 17, producerName: 'test', producerVersion: '0' };

function smallGraph(): GraphBuilder {
  const b = new GraphBuilder('g');
  b.addInput({ name: 'x', elemType: 'float32', shape: ['batch', 3] });
  const w = b.constFloat('w', [1, 2, 3, 4, 5, 6], [3, 2]);
  const [y] = b.addNode('MatMul', ['x', w], {}, { nameHint: 'y' });
  const [z] = b.addNode('LeakyRelu', [y!], { alpha: attr.float(0.25) }, { nameHint: 'z' });
  b.addOutput({ name: z!, elemType: 'float32', shape: ['batch', 2] });
  return b;
}

describe('GraphBuilder, validation and topological order', () => {
  it('hands out unique names', () => {
    const b = new GraphBuilder('g');
    expect([b.uniqueName('a'), b.uniqueName('a'), b.uniqueName('a b')]).toEqual(['a', 'a_1', 'a_b']);
    expect(() => b.reserveName('a')).toThrow(/used twice/);
  });

  it('sorts nodes into dependency order and rejects cycles', () => {
    const b = smallGraph();
    b.graph.nodes.reverse();
    expect(() => validateGraph(b.graph)).toThrow(/reads 'y' before it is defined/);
    topoSort(b.graph);
    expect(b.graph.nodes.map((n) => n.opType)).toEqual(['MatMul', 'LeakyRelu']);
    validateGraph(b.graph);
    b.graph.nodes[0]!.inputs[0] = 'z';
    expect(() => topoSort(b.graph)).toThrow(/cycle/);
  });

  it('reports undefined inputs, duplicate values and missing outputs together', () => {
    const b = smallGraph();
    b.graph.nodes[1]!.outputs = ['y'];
    b.graph.nodes[1]!.inputs = ['nowhere'];
    expect(() => validateGraph(b.graph)).toThrow(/reads 'nowhere'.*defined twice.*graph output 'z' is never defined/);
  });
});

describe('ONNX protobuf encoding', () => {
  it('round-trips nodes, attributes, initializers and value infos', () => {
    const b = smallGraph();
    const bytes = encodeModelProto(toModelProto(b.graph, { ...header, metadata: { k: 'v' } }));
    const model = decodeModelProto(bytes);
    expect(model.ir_version).toBe(8);
    expect(model.metadata_props).toEqual([{ key: 'k', value: 'v' }]);
    const graph = model.graph!;
    expect(graph.node!.map((n) => n.op_type)).toEqual(['MatMul', 'LeakyRelu']);
    expect(graph.node![1]!.attribute![0]).toMatchObject({ name: 'alpha', type: 1, f: 0.25 });
    expect(graph.initializer![0]!.dims).toEqual([3, 2]);
    expect(readTensorValues(graph.initializer![0]!)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(graph.input![0]!.type!.tensor_type!.shape!.dim).toEqual([{ dim_param: 'batch' }, { dim_value: 3 }]);
  });

  it('writes int attributes and int64 constants', () => {
    const b = new GraphBuilder('g');
    b.addInput({ name: 'x', elemType: 'float32', shape: [2, 3] });
    const shape = b.constInt64('shape', [0, -1]);
    const [y] = b.addNode('Reshape', ['x', shape]);
    const [z] = b.addNode('Transpose', [y!], { perm: attr.ints([1, 0]) });
    b.addOutput({ name: z!, elemType: 'float32', shape: [6, 1] });
    const graph = decodeModelProto(encodeModelProto(toModelProto(b.graph, header))).graph!;
    expect(readTensorValues(graph.initializer![0]!)).toEqual([0, -1]);
    expect(graph.node![1]!.attribute![0]).toMatchObject({ name: 'perm', ints: [1, 0] });
  });

  it('rounds floats to half precision', () => {
    for (const v of [0, 1, -2.5, 0.1, 65504, 1e-5, 3.14159]) {
      expect(Math.abs(float16BitsToNumber(numberToFloat16Bits(v)) - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-3 + 6e-8);
    }
    expect(float16BitsToNumber(numberToFloat16Bits(1e6))).toBe(Number.POSITIVE_INFINITY);
  });
});
