import { describe, expect, it } from 'vitest';
import { inferNode, outShape, typed } from '../../../test-support/infer-node.js';
import { attr } from '../../ir/attributes.js';
import { OnnxDataType } from '../../onnx/data-type.js';

describe('elementwise inference', () => {
  it('unary activations keep type and shape', () => {
    for (const op of ['Relu', 'LeakyRelu', 'Tanh', 'Sigmoid', 'HardSigmoid', 'Elu', 'Selu', 'Softplus', 'Softsign', 'ThresholdedRelu', 'Erf', 'Sqrt', 'Identity']) {
      expect(inferNode(op, [['batch', 3, 4]])).toEqual([{ elemType: 'float32', shape: ['batch', 3, 4] }]);
    }
    expect(outShape('Clip', [['batch', 5], [], []])).toEqual(['batch', 5]);
  });

  it('binary ops broadcast numpy-style and keep the batch symbol', () => {
    expect(outShape('Add', [['batch', 64, 7, 7], [64, 1, 1]])).toEqual(['batch', 64, 7, 7]);
    expect(outShape('Mul', [['batch', 1, 5], [3, 1]])).toEqual(['batch', 3, 5]);
    expect(outShape('Div', [['batch', 8], []])).toEqual(['batch', 8]);
    expect(outShape('Max', [[2, 3], [2, 3], [1, 3]])).toEqual([2, 3]);
    expect(outShape('Sub', [[null, 4], [3, 1]])).toEqual([3, 4]);
  });

  it('rejects non-broadcastable shapes and mixed element types', () => {
    expect(() => outShape('Add', [['batch', 3], ['batch', 4]])).toThrow(/shapes \[batch, 3\], \[batch, 4\] are not broadcastable/);
    expect(() => inferNode('Add', [typed('float32', [2]), typed('int64', [2])])).toThrow(/element types differ \(float32 vs int64\)/);
  });

  it('PRelu broadcasts the slope one way; Softmax checks its axis; Cast sets the type', () => {
    expect(outShape('PRelu', [['batch', 4, 3, 3], [1, 4, 1, 1]])).toEqual(['batch', 4, 3, 3]);
    expect(() => outShape('PRelu', [['batch', 4], [1, 5]])).toThrow(/slope \[1, 5\] does not broadcast to \[batch, 4\]/);
    expect(outShape('Softmax', [['batch', 10]], { axis: attr.int(1) })).toEqual(['batch', 10]);
    expect(() => outShape('LogSoftmax', [['batch', 10]], { axis: attr.int(2) })).toThrow(/axis 2 is out of range for rank 2/);
    expect(inferNode('Cast', [typed('int32', ['batch', 1])], { to: attr.int(OnnxDataType.INT64) })).toEqual([{ elemType: 'int64', shape: ['batch', 1] }]);
    expect(inferNode('Cast', [typed('float16', [3, 3])], { to: attr.int(OnnxDataType.FLOAT) })[0]!.elemType).toBe('float32');
  });
});

describe('Gemm and MatMul inference', () => {
  it('Gemm: [M, K]·[K, N] with transposes and a broadcast bias', () => {
    expect(outShape('Gemm', [['batch', 64], [64, 3136], [3136]])).toEqual(['batch', 3136]);
    expect(outShape('Gemm', [[64, 'batch'], [10, 64]], { transA: attr.int(1), transB: attr.int(1) })).toEqual(['batch', 10]);
  });

  it('Gemm: inner dims, rank and bias mismatches are errors', () => {
    expect(() => outShape('Gemm', [['batch', 64], [32, 10]])).toThrow(/inner dimensions differ: A \[batch, 64\] \(transA 0\) has 64, B \[32, 10\] \(transB 0\) has 32/);
    expect(() => outShape('Gemm', [['batch', 2, 3], [3, 4]])).toThrow(/A must be rank 2/);
    expect(() => outShape('Gemm', [['batch', 3], [3, 4], [5]])).toThrow(/C \[5\] does not broadcast to \[batch, 4\]/);
  });

  it('MatMul: batched, broadcast batch dims, 1-D operands', () => {
    expect(outShape('MatMul', [['batch', 3, 4], [4, 6]])).toEqual(['batch', 3, 6]);
    expect(outShape('MatMul', [[2, 16], ['batch', 16, 30]])).toEqual(['batch', 2, 30]);
    expect(outShape('MatMul', [[4], [4, 6]])).toEqual([6]);
    expect(outShape('MatMul', [['batch', 3, 4], [4]])).toEqual(['batch', 3]);
    expect(() => outShape('MatMul', [['batch', 3, 4], [5, 6]])).toThrow(/inner dimensions differ: \[batch, 3, 4\] × \[5, 6\]/);
  });
});
